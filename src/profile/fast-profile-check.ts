/**
 * The profile schema (profile-schema.ts) checked by hand, for big profiles: zod costs about 40 µs per
 * activity, most of a `recert check` on 20,000 activities. Accepts exactly what the schema accepts
 * and returns what it returns (the schema's fields in its order, `[]` for a missing list: the parsed
 * objects themselves where they are so already, so a big profile is not held twice, else new ones);
 * anything it is not sure of gives `undefined`, and the caller asks zod, which also says what is
 * wrong and where. fast-profile-check.test.ts compares the two on generated and mutated profiles.
 */
import { isCalendarDate } from '../shared/calendar-date.js';
import { MAX_ID_LENGTH } from './profile-limits.js';
import type { Activity, Credential, Credit, Profile, Renewal } from './profile-schema.js';

// The same expressions and bounds as profile-schema.ts and catalog/schema.ts.
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const DOT_SEGMENT = /^\.\.?$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_AMOUNT = 10_000;

type Record_ = Record<string, unknown>;

const isRecord = (value: unknown): value is Record_ => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

const BAD = 0;
const UNORDERED = 1;
const ORDERED = 2;

/**
 * Only the allowed keys, and none of them present but undefined (zod would keep such a key): BAD if
 * not; ORDERED when the keys are also in the schema's order, so the object itself can be returned
 * (no second copy of a big profile); else UNORDERED (it is rebuilt).
 */
function onlyKeys(value: Record_, allowed: readonly string[]): number {
  let last = -1;
  let ordered = true;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return BAD;
    const at = allowed.indexOf(key);
    if (at < 0 || value[key] === undefined) return BAD;
    if (at <= last) ordered = false;
    last = at;
  }
  if (Object.getOwnPropertySymbols(value).length > 0) return BAD;
  return ordered ? ORDERED : UNORDERED;
}

const isId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID_LENGTH && NO_CONTROL.test(value) && !DOT_SEGMENT.test(value);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length >= 1 && value.length <= max && NO_CONTROL.test(value);
const isSlug = (value: unknown): value is string => typeof value === 'string' && SLUG.test(value);
const isDate = (value: unknown): value is Credential['earned'] => typeof value === 'string' && isCalendarDate(value);
const thousandths = (value: number): boolean => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6;
const isAmount = (value: unknown, min: number, inclusive: boolean): value is number =>
  typeof value === 'number' && Number.isFinite(value) && (inclusive ? value >= min : value > min) && value <= MAX_AMOUNT && thousandths(value);

const CREDENTIAL_KEYS = ['id', 'program', 'earned', 'number'];
const RENEWAL_KEYS = ['credential', 'date'];
const ACTIVITY_KEYS = ['id', 'title', 'completed', 'hours', 'provider', 'credits'];
const CREDIT_KEYS = ['body', 'units', 'category'];
const PROFILE_KEYS = ['credentials', 'renewals', 'activities'];

function credential(value: unknown): Credential | undefined {
  const keys = isRecord(value) ? onlyKeys(value, CREDENTIAL_KEYS) : BAD;
  if (keys === BAD) return undefined;
  const { id, program, earned, number } = value as Record_;
  if (!isId(id) || !isSlug(program) || !isDate(earned)) return undefined;
  if (number !== undefined && !isText(number, 200)) return undefined;
  if (keys === ORDERED) return value as Credential;
  if (number === undefined) return { id, program, earned };
  return isText(number, 200) ? { id, program, earned, number } : undefined;
}

function renewal(value: unknown): Renewal | undefined {
  const keys = isRecord(value) ? onlyKeys(value, RENEWAL_KEYS) : BAD;
  if (keys === BAD) return undefined;
  const { credential: of, date } = value as Record_;
  if (!isId(of) || !isDate(date)) return undefined;
  return keys === ORDERED ? value as Renewal : { credential: of, date };
}

function credit(value: unknown): Credit | undefined {
  const keys = isRecord(value) ? onlyKeys(value, CREDIT_KEYS) : BAD;
  if (keys === BAD) return undefined;
  const { body, units, category } = value as Record_;
  if (!isSlug(body) || !isAmount(units, 0.001, true)) return undefined;
  if (category !== undefined && !isSlug(category)) return undefined;
  if (keys === ORDERED) return value as Credit;
  if (category === undefined) return { body, units };
  return isSlug(category) ? { body, units, category } : undefined;
}

function activity(value: unknown): Activity | undefined {
  const keys = isRecord(value) ? onlyKeys(value, ACTIVITY_KEYS) : BAD;
  if (keys === BAD) return undefined;
  const record = value as Record_;
  const { id, title, completed, hours, provider } = record;
  if (!isId(id) || !isText(title, 500) || !isDate(completed)) return undefined;
  if (hours !== undefined && !isAmount(hours, 0, true)) return undefined;
  if (provider !== undefined && !isText(provider, 200)) return undefined;
  const credits = list(record.credits, credit);
  if (credits === undefined) return undefined;
  // In the schema's order with its credits as they were: the object itself (a missing credits list needs the default).
  if (keys === ORDERED && credits === record.credits) return record as Activity;
  const out: Activity = { id, title, completed, credits };
  // Rebuilt in the schema's order: id, title, completed, hours, provider, credits.
  return hours === undefined && provider === undefined
    ? out
    : { id, title, completed, ...(hours === undefined ? {} : { hours }), ...(provider === undefined ? {} : { provider }), credits };
}

/** Every item checked, or undefined; a missing list is `[]` (the schema's default). The list itself when every item is returned as it was. */
function list<T>(value: unknown, item: (value: unknown) => T | undefined): T[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  let out: T[] | undefined;
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) return undefined;
    const checked = item(value[i]);
    if (checked === undefined) return undefined;
    if (out === undefined && checked !== value[i]) out = value.slice(0, i) as T[];
    if (out !== undefined) out.push(checked);
  }
  return out ?? (value as T[]);
}

/** The profile as `profileSchema.parse` returns it, or undefined when zod must decide. */
export function checkProfileFast(value: unknown): Profile | undefined {
  if (!isRecord(value) || onlyKeys(value, PROFILE_KEYS) === BAD) return undefined;
  const credentials = list(value.credentials, credential);
  const renewals = credentials === undefined ? undefined : list(value.renewals, renewal);
  const activities = renewals === undefined ? undefined : list(value.activities, activity);
  if (credentials === undefined || renewals === undefined || activities === undefined) return undefined;
  return { credentials, renewals, activities };
}
