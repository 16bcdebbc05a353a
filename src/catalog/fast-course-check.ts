/**
 * The course file schema (course-schema.ts) checked by hand, for big course catalogs: zod takes
 * longer than the whole YAML parse on 5,000 offerings. Accepts only what the schema accepts and
 * returns what it returns (new objects, the schema's fields in its order, its defaults); anything it
 * is not sure of gives `undefined`, and the caller asks zod, which also says what is wrong and where.
 * fast-course-check.test.ts compares the two on generated, shipped and mutated files.
 */
import { isCalendarDate, type CalendarDate } from '../shared/calendar-date.js';
import { COURSE_SCHEMA_VERSION } from './course-format.js';
import type { CourseFile } from './course-schema.js';

type Offering = CourseFile['offerings'][number];
type Availability = Offering['availability'];
type Credit = Offering['credits'][number];
type Record_ = Record<string, unknown>;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/**
 * zod's `z.url()` accepts a string when `URL.canParse` accepts it trimmed, and returns it trimmed and
 * without tabs and line breaks. Here only a string that needs neither is accepted (and returned as it
 * is); any other goes to zod, which decides.
 */
const NEEDS_CLEANING = /^\s|\s$|[\t\n\r]/;

const isRecord = (value: unknown): value is Record_ => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Only the allowed keys, and none of them present but undefined (zod would keep such a key). Symbol
 * and non-enumerable keys are not looked at: zod's strict objects ignore them too, and the value
 * returned is built anew from the allowed keys alone.
 */
function onlyKeys(value: Record_, allowed: readonly string[]): boolean {
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
    if (!allowed.includes(key) || value[key] === undefined) return false;
  }
  return true;
}

/**
 * The number of the value's keys, or -1 when one is inherited: with the number of allowed keys that
 * hold a value, the same test as onlyKeys without looking each key up in a list (for the thousands
 * of offerings and credit lines).
 */
function ownKeyCount(value: Record_): number {
  let n = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return -1;
    n++;
  }
  return n;
}
const given = (value: unknown): number => (value === undefined ? 0 : 1);

const isSlug = (value: unknown): value is string => typeof value === 'string' && SLUG.test(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length >= 1;
const isDate = (value: unknown): value is CalendarDate => typeof value === 'string' && isCalendarDate(value);

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
const isUrl = (value: unknown): value is string => typeof value === 'string' && !NEEDS_CLEANING.test(value) && URL.canParse(value);

function dates(value: unknown): CalendarDate[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out: CalendarDate[] = new Array<CalendarDate>(value.length);
  for (let i = 0; i < value.length; i++) {
    const date: unknown = value[i];
    if (!(i in value) || !isDate(date)) return undefined;
    out[i] = date;
  }
  return out;
}

function availability(value: unknown): Availability | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.kind) {
    case 'self-paced': {
      if (!onlyKeys(value, ['kind', 'from', 'until'])) return undefined;
      const { from, until } = value;
      if ((from !== undefined && !isDate(from)) || (until !== undefined && !isDate(until))) return undefined;
      // Built key by key rather than with spreads (cheaper, the same key order).
      const out: { kind: 'self-paced'; from?: CalendarDate; until?: CalendarDate } = { kind: 'self-paced' };
      if (from !== undefined) out.from = from;
      if (until !== undefined) out.until = until;
      return out;
    }
    case 'sessions': {
      if (!onlyKeys(value, ['kind', 'dates'])) return undefined;
      const listed = dates(value.dates);
      return listed === undefined ? undefined : { kind: 'sessions', dates: listed };
    }
    case 'recurring': {
      if (!onlyKeys(value, ['kind', 'first', 'every', 'until'])) return undefined;
      const { first, every, until } = value;
      if (!isDate(first) || !isDate(until) || !isRecord(every)) return undefined;
      if (onlyKeys(every, ['weeks']) && isCount(every.weeks)) return { kind: 'recurring', first, every: { weeks: every.weeks }, until };
      if (onlyKeys(every, ['months']) && isCount(every.months)) return { kind: 'recurring', first, every: { months: every.months }, until };
      return undefined;
    }
    default:
      return undefined;
  }
}

function credit(value: unknown): Credit | undefined {
  if (!isRecord(value)) return undefined;
  const { body, units, category } = value;
  // Only body, units and category, none of them undefined (see onlyKeys).
  if (ownKeyCount(value) !== given(body) + given(units) + given(category)) return undefined;
  if (!isSlug(body) || !isNumber(units) || !(units > 0)) return undefined;
  if (category === undefined) return { body, units };
  return isSlug(category) ? { body, units, category } : undefined;
}

const FORMATS: readonly unknown[] = ['online', 'in-person', 'blended'];

function offering(value: unknown): Offering | undefined {
  if (!isRecord(value)) return undefined;
  const { id, title, price, hours, format, earns, repeatable, url, note } = value;
  // Only the offering's keys, none of them undefined (see onlyKeys).
  const keys = given(id) + given(title) + given(price) + given(hours) + given(format) + given(value.availability) + given(value.credits) + given(earns) + given(repeatable) + given(url) + given(note);
  if (ownKeyCount(value) !== keys) return undefined;
  if (!isSlug(id) || !isText(title) || !isNumber(price) || !(price >= 0) || !isNumber(hours) || !(hours > 0) || !FORMATS.includes(format)) return undefined;
  if ((earns !== undefined && !isSlug(earns)) || (repeatable !== undefined && typeof repeatable !== 'boolean')) return undefined;
  if ((url !== undefined && !isUrl(url)) || (note !== undefined && !isText(note))) return undefined;
  const when = availability(value.availability);
  const credits = when === undefined ? undefined : list(value.credits, credit, 0);
  if (when === undefined || credits === undefined) return undefined;
  // The schema's order: id, title, price, hours, format, availability, credits, earns, repeatable, url,
  // note; built key by key rather than with spreads (cheaper for thousands of offerings).
  // Most offerings have none of the optional keys: one literal, all properties in the object itself.
  if (earns === undefined && url === undefined && note === undefined) {
    return { id, title, price, hours, format: format as Offering['format'], availability: when, credits, repeatable: repeatable ?? false };
  }
  const out: Record<string, unknown> = { id, title, price, hours, format, availability: when, credits };
  if (earns !== undefined) out.earns = earns;
  out.repeatable = repeatable ?? false;
  if (url !== undefined) out.url = url;
  if (note !== undefined) out.note = note;
  return out as Offering;
}

/** Every item checked, or undefined; a missing list is `[]` (the schema's default, where it has one). */
function list<T>(value: unknown, item: (value: unknown) => T | undefined, min: number): T[] | undefined {
  if (value === undefined && min === 0) return [];
  if (!Array.isArray(value) || value.length < min) return undefined;
  const out: T[] = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) return undefined;
    const checked = item(value[i]);
    if (checked === undefined) return undefined;
    out[i] = checked;
  }
  return out;
}

/** The course file as `courseFileSchema.parse` returns it, or undefined when zod must decide. */
export function checkCourseFileFast(value: unknown): CourseFile | undefined {
  if (!isRecord(value) || !onlyKeys(value, ['schemaVersion', 'provider', 'sampleData', 'note', 'offerings'])) return undefined;
  const { schemaVersion, provider, sampleData, note } = value;
  if (schemaVersion !== COURSE_SCHEMA_VERSION || typeof sampleData !== 'boolean' || (note !== undefined && !isText(note))) return undefined;
  if (!isRecord(provider) || !onlyKeys(provider, ['id', 'name', 'url']) || !isSlug(provider.id) || !isText(provider.name)) return undefined;
  if (provider.url !== undefined && !isUrl(provider.url)) return undefined;
  const offerings = list(value.offerings, offering, 1);
  if (offerings === undefined) return undefined;
  return {
    schemaVersion: COURSE_SCHEMA_VERSION,
    provider: { id: provider.id, name: provider.name, ...(provider.url === undefined ? {} : { url: provider.url }) },
    sampleData,
    ...(note === undefined ? {} : { note }),
    offerings,
  };
}
