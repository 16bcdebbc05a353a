/**
 * The course catalog format (catalog/courses/SPEC.md describes it for people): one file per provider,
 * listing offerings with their price, hours, format, when they can be completed, the units each body
 * grants and in which category, and the program a course earns (NASM CES course → `nasm-ces`).
 * Prices are whatever the file says; the shipped files mark theirs as sample data.
 */
import { z } from 'zod';
import { isoDate, slug } from './schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { COURSE_SCHEMA_VERSION } from './course-format.js';

export { COURSE_SCHEMA_VERSION } from './course-format.js';

export const availabilitySchema = z.discriminatedUnion('kind', [
  /** Any day, optionally only from/until a date (a course retired at the end of a year). */
  z.strictObject({ kind: z.literal('self-paced'), from: isoDate.optional(), until: isoDate.optional() }),
  /** Only on the dates listed (the completion date is the session date). */
  z.strictObject({ kind: z.literal('sessions'), dates: z.array(isoDate).min(1) }),
  /** A session every N weeks or months from `first` through `until`. */
  z.strictObject({
    kind: z.literal('recurring'),
    first: isoDate,
    every: z.union([z.strictObject({ weeks: z.number().int().positive() }), z.strictObject({ months: z.number().int().positive() })]),
    until: isoDate,
  }),
]);
export type Availability = z.infer<typeof availabilitySchema>;

export const courseCreditSchema = z.strictObject({
  /** The body that grants the units, e.g. "ace". */
  body: slug,
  /** Units in that body's own unit (NASM CEU, ACE CEC, ACSM CEC, ISSA hour). */
  units: z.number().positive({ message: 'expected units greater than 0' }),
  /** The body's activity category, where it has them (NSCA "a".."d", ACE "ethics"). */
  category: slug.optional(),
});

export const offeringSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  /** Price in US dollars. */
  price: z.number().nonnegative({ message: 'expected a price of 0 or more (US dollars)' }),
  hours: z.number().positive({ message: 'expected contact hours greater than 0' }),
  format: z.enum(['online', 'in-person', 'blended']),
  availability: availabilitySchema,
  credits: z.array(courseCreditSchema).default([]),
  /** A program completing the course earns (a specialization, a CPR/AED card). */
  earns: slug.optional(),
  /** May be taken again (a CPR/AED class every two years); otherwise at most once. */
  repeatable: z.boolean().default(false),
  url: z.url({ message: 'expected an absolute URL' }).optional(),
  note: z.string().min(1).optional(),
});

export const providerSchema = z.strictObject({ id: slug, name: z.string().min(1), url: z.url().optional() });

export const courseFileSchema = z.strictObject({
  schemaVersion: z.literal(COURSE_SCHEMA_VERSION, { error: `expected schemaVersion: ${COURSE_SCHEMA_VERSION}` }),
  provider: providerSchema,
  /** true when prices and dates are made up for demonstration; recert says so next to every total. */
  sampleData: z.boolean({ error: 'expected sampleData: true or false (are the prices made up?)' }),
  note: z.string().min(1).optional(),
  offerings: z.array(offeringSchema).min(1),
});
export type CourseFile = z.infer<typeof courseFileSchema>;

/** One offering as the planner sees it: units in thousandths, price in cents, provider attached. */
export interface Offering {
  readonly id: string;
  readonly title: string;
  readonly provider: string;
  readonly providerName: string;
  readonly priceCents: number;
  readonly hours: number;
  readonly format: 'online' | 'in-person' | 'blended';
  readonly availability: Availability;
  readonly credits: readonly { readonly body: string; readonly milli: number; readonly category?: string | undefined }[];
  readonly earns?: string | undefined;
  readonly repeatable: boolean;
  readonly sampleData: boolean;
  readonly url?: string | undefined;
}

/** Every date an offering can be completed on between `from` and `until` (sessions), or the open range (self-paced). */
export type OfferingWindow =
  | { readonly kind: 'any-day'; readonly from: CalendarDate | undefined; readonly until: CalendarDate | undefined }
  | { readonly kind: 'dates'; readonly dates: readonly CalendarDate[] };
