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
  // What Temporal.PlainDate.from(text, { overflow: 'reject' }) accepts, without building one (profiles
  // with tens of thousands of dates are validated on every read): a month 1–12 and a day of that month.
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with `text` as a calendar date, in words a person understands ("2026 has no 30
 * February"), or undefined when it is a real date. Every date parser (profile files, catalog files,
 * the HTTP API) reports this message, so an impossible date never gets a mere format complaint.
 */
export function dateProblem(text: string): string | undefined {
  if (!ISO_DATE.test(text)) return `expected a date "YYYY-MM-DD", got ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (year < FIRST_YEAR || year > LAST_YEAR) return `the year ${year} is outside ${FIRST_YEAR}–${LAST_YEAR}`;
  if (month < 1 || month > 12) return `there is no month ${month} (months run 01 to 12) in ${text}`;
  const days = Temporal.PlainDate.from({ year, month, day: 1 }).daysInMonth;
  if (day < 1) return `there is no day 0 in ${text}`;
  if (day > days) return `${year} has no ${day} ${MONTH_NAMES[month - 1]} (${MONTH_NAMES[month - 1]} ${year} has ${days} days)`;
  return undefined;
}

/** Parses `YYYY-MM-DD`; throws a RangeError naming the text when it is not a real calendar date. */
export function calendarDate(text: string): CalendarDate {
  if (!isCalendarDate(text)) throw new RangeError(`not a calendar date: ${dateProblem(text) ?? JSON.stringify(text)}`);
  return text;
}

function plain(date: CalendarDate): Temporal.PlainDate {
  return Temporal.PlainDate.from(date);
}

function fromPlain(date: Temporal.PlainDate): CalendarDate {
  return date.toString() as CalendarDate;
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return fromPlain(plain(date).add({ months }, { overflow: 'constrain' }));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromPlain(plain(date).add({ days }));
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  const d = plain(date);
  return fromPlain(d.with({ day: d.daysInMonth }));
}

export function endOfYear(date: CalendarDate): CalendarDate {
  return fromPlain(plain(date).with({ month: 12, day: 31 }));
}

export function startOfYear(year: number): CalendarDate {
  return fromPlain(Temporal.PlainDate.from({ year, month: 1, day: 1 }));
}

export function yearOf(date: CalendarDate): number {
  return plain(date).year;
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
  return plain(from).until(plain(to), { largestUnit: 'days' }).days;
}

/** Whole calendar months from `from` to `to`, counting a month only when its day is reached. */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return plain(from).until(plain(to), { largestUnit: 'months' }).months;
}

/** True when `date` lies in the closed interval [start, end]. */
export function isWithin(date: CalendarDate, start: CalendarDate, end: CalendarDate): boolean {
  return date >= start && date <= end;
}
