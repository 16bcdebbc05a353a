/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), with exact month arithmetic.
 *
 * The domain never sees a time zone: every date is a `Temporal.PlainDate` underneath, and month
 * arithmetic clamps to the last day of a shorter month (2024-01-31 + 1 month = 2024-02-29).
 */
import { Temporal } from 'temporal-polyfill';

declare const calendarDateBrand: unique symbol;
/** An ISO calendar date, `YYYY-MM-DD`, validated on the way in. */
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Years recert accepts: wide enough for any credential, narrow enough that arithmetic stays in 4 digits. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

export function isCalendarDate(text: string): text is CalendarDate {
  if (!ISO_DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Parses `YYYY-MM-DD`; throws a RangeError naming the text when it is not a real calendar date. */
export function calendarDate(text: string): CalendarDate {
  if (!isCalendarDate(text)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return text;
}

/**
 * Date arithmetic is a pure function of its text arguments, and an evaluation repeats the same few
 * hundred computations for every activity and person (the polyfill's Temporal costs microseconds a
 * call). Each operation keeps its answers in a bounded memo; a full memo is emptied, never evicted
 * piecemeal, so a lookup stays one Map access.
 */
const MEMO_LIMIT = 50_000;
const addMonthsMemo = new Map<string, CalendarDate>();
const addDaysMemo = new Map<string, CalendarDate>();
const endOfMonthMemo = new Map<string, CalendarDate>();
const daysBetweenMemo = new Map<string, number>();
const monthsBetweenMemo = new Map<string, number>();

function remember<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

function plain(date: CalendarDate): Temporal.PlainDate {
  return Temporal.PlainDate.from(date);
}

function fromPlain(date: Temporal.PlainDate): CalendarDate {
  return date.toString() as CalendarDate;
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return remember(addMonthsMemo, `${date}|${months}`, () => fromPlain(plain(date).add({ months }, { overflow: 'constrain' })));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return remember(addDaysMemo, `${date}|${days}`, () => fromPlain(plain(date).add({ days })));
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  return remember(endOfMonthMemo, date, () => {
    const d = plain(date);
    return fromPlain(d.with({ day: d.daysInMonth }));
  });
}

export function endOfYear(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 4)}-12-31` as CalendarDate;
}

export function startOfYear(year: number): CalendarDate {
  return fromPlain(Temporal.PlainDate.from({ year, month: 1, day: 1 }));
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** Negative when a is before b, 0 when equal, positive when after. ISO strings sort as dates. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: CalendarDate, b: CalendarDate): boolean => a < b;
export const isAfter = (a: CalendarDate, b: CalendarDate): boolean => a > b;

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return remember(daysBetweenMemo, `${from}|${to}`, () => plain(from).until(plain(to), { largestUnit: 'days' }).days);
}

/** Whole calendar months from `from` to `to`, counting a month only when its day is reached. */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return remember(monthsBetweenMemo, `${from}|${to}`, () => plain(from).until(plain(to), { largestUnit: 'months' }).months);
}

/** True when `date` lies in the closed interval [start, end]. */
export function isWithin(date: CalendarDate, start: CalendarDate, end: CalendarDate): boolean {
  return date >= start && date <= end;
}
