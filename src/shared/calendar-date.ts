/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), with exact month arithmetic.
 *
 * The domain never sees a time zone: every date has `Temporal.PlainDate`'s meaning, and month
 * arithmetic clamps to the last day of a shorter month (2024-01-31 + 1 month = 2024-02-29). The
 * arithmetic is plain integers, checked against Temporal in calendar-date.test.ts; Temporal itself is
 * not loaded (importing the polyfill costs ~20 ms of every `recert` process's start).
 */

declare const calendarDateBrand: unique symbol;
/** An ISO calendar date, `YYYY-MM-DD`, validated on the way in. */
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Years recert accepts: wide enough for any credential, narrow enough that arithmetic stays in 4 digits. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/**
 * What Temporal.PlainDate.from(text, { overflow: 'reject' }) accepts in the `YYYY-MM-DD` form, for the
 * years above, without building one: a month 1–12 and a day of that month. Read from character codes,
 * without a regular expression, slices or number parsing: profiles and course catalogs hold tens of
 * thousands of dates, validated on every read.
 */
export function isCalendarDate(text: string): text is CalendarDate {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false; // '-'
  const year = checkedDigit(text, 0) * 1000 + checkedDigit(text, 1) * 100 + checkedDigit(text, 2) * 10 + checkedDigit(text, 3);
  const month = checkedDigit(text, 5) * 10 + checkedDigit(text, 6);
  const day = checkedDigit(text, 8) * 10 + checkedDigit(text, 9);
  return year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** An ASCII digit's value; anything else a value that makes every sum it enters negative (out of range). */
function checkedDigit(text: string, at: number): number {
  const c = text.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -100_000;
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
  const days = daysInMonth(year, month);
  if (day < 1) return `there is no day 0 in ${text}`;
  if (day > days) return `${year} has no ${day} ${MONTH_NAMES[month - 1]} (${MONTH_NAMES[month - 1]} ${year} has ${days} days)`;
  return undefined;
}

/** Parses `YYYY-MM-DD`; throws a RangeError naming the text when it is not a real calendar date. */
export function calendarDate(text: string): CalendarDate {
  if (!isCalendarDate(text)) throw new RangeError(`not a calendar date: ${dateProblem(text) ?? JSON.stringify(text)}`);
  return text;
}

/**
 * Day, month and year arithmetic on the proleptic Gregorian calendar with integers (an evaluation
 * does it for every activity of every person; the Temporal polyfill costs microseconds a call).
 * Same answers as Temporal.PlainDate (month arithmetic clamps to the month's last day), which
 * calendar-date.test.ts checks against it on many dates.
 */
// Digits read by char code: no substrings (dates are validated `YYYY-MM-DD` on the way in).
function digit(date: string, at: number): number {
  return date.charCodeAt(at) - 48;
}

function monthOf(date: CalendarDate): number {
  return digit(date, 5) * 10 + digit(date, 6);
}

function dayOf(date: CalendarDate): number {
  return digit(date, 8) * 10 + digit(date, 9);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of dayNumber (civil_from_days). */
function fromDayNumber(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return format(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

function format(year: number, month: number, day: number): CalendarDate {
  // Years are 1900–2999 (isCalendarDate), so four digits without padding; padStart kept for anything smaller.
  return `${year >= 1000 ? year : String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as CalendarDate;
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const year = yearOf(date);
  const month = monthOf(date);
  const day = dayOf(date);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(yearOf(date), monthOf(date), dayOf(date)) + days);
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  const year = yearOf(date);
  const month = monthOf(date);
  return format(year, month, daysInMonth(year, month));
}

export function endOfYear(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 4)}-12-31` as CalendarDate;
}

/** 1 January of `year` (a year of 0–9999, as every year of a CalendarDate is). */
export function startOfYear(year: number): CalendarDate {
  return format(year, 1, 1);
}

export function yearOf(date: CalendarDate): number {
  return digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
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
  return dayNumber(yearOf(to), monthOf(to), dayOf(to)) - dayNumber(yearOf(from), monthOf(from), dayOf(from));
}

/**
 * Whole calendar months from `from` to `to`, counting a month only when its day is reached: Temporal's
 * `from.until(to, { largestUnit: 'months' }).months`, both ways (2024-01-31 to 2024-02-29 is 0 months;
 * 2024-03-31 back to 2024-02-29 is -1).
 */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  const months = yearOf(to) * 12 + monthOf(to) - (yearOf(from) * 12 + monthOf(from));
  if (months > 0 && dayOf(to) < dayOf(from)) return months - 1;
  if (months < 0 && dayOf(to) > dayOf(from)) return months + 1;
  return months;
}

/** True when `date` lies in the closed interval [start, end]. */
export function isWithin(date: CalendarDate, start: CalendarDate, end: CalendarDate): boolean {
  return date >= start && date <= end;
}
