import type { CalendarDate } from '../shared/calendar-date.js';

/** Today's date on this machine's clock and time zone, as `YYYY-MM-DD`. Only edges call this. */
export function localToday(now: Date = new Date()): CalendarDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as CalendarDate;
}
