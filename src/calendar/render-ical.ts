/**
 * Calendar events as an iCalendar (RFC 5545) document, with ical-generator: all-day events as DATE
 * values (DTSTART;VALUE=DATE, DTEND the day after the last day), a UID per event that stays the same
 * across re-fetches, and a display alarm (VALARM) at each of the event's reminder days.
 */
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { CalendarEvent } from '../engine/calendar-events.js';
import { addDays, type CalendarDate } from '../shared/calendar-date.js';

export interface IcalOptions {
  readonly calendarName: string;
  /** DTSTAMP of every event: the edge passes its clock. */
  readonly now: Date;
  /** The web app's address, linked from each event, when known. */
  readonly url?: string | undefined;
}

/** A calendar date as the Date ical-generator formats as that same DATE (it reads the UTC fields). */
function utcDate(date: CalendarDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function renderIcal(events: readonly CalendarEvent[], options: IcalOptions): string {
  const calendar = ical({
    name: options.calendarName,
    prodId: { company: 'recert', product: 'recert', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 12 * 60 * 60,
  });
  for (const event of events) {
    const created = calendar.createEvent({
      id: `${event.key}@recert`,
      start: utcDate(event.start),
      end: utcDate(addDays(event.end, 1)),
      allDay: true,
      stamp: options.now,
      summary: event.summary,
      description: event.description,
      url: options.url ?? null,
      transparency: null,
    });
    for (const days of event.alarmDays) {
      created.createAlarm({ type: ICalAlarmType.display, trigger: days * 24 * 60 * 60, description: `${event.summary}: in ${days} days (${event.start})` });
    }
  }
  return calendar.toString();
}
