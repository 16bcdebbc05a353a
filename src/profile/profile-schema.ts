/**
 * The profile: what a person holds and what CE they have done. Other tools feed recert this format,
 * so its field names are fixed (see README "Profile format").
 */
import { z } from 'zod';
import { isoDate, slug } from '../catalog/schema.js';
import { MAX_ID_LENGTH } from './profile-limits.js';

/** Printable text: no control characters (a NUL is refused by PostgreSQL and means nothing here). */
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const text = (max: number) => z.string().min(1, { message: 'expected non-empty text' }).max(max).regex(NO_CONTROL, { message: 'expected text without control characters' });
export { MAX_ID_LENGTH } from './profile-limits.js';
/** `.` and `..` are dot segments: URL parsers remove them, even percent-encoded, so no URL could name them. */
const DOT_SEGMENT = /^\.\.?$/;
/** An entry's id: 1 to MAX_ID_LENGTH printable characters, not `.` or `..`. Any other character is escaped in URLs. */
export const entryIdSchema = z.string()
  .min(1, { message: 'expected a non-empty id' })
  .max(MAX_ID_LENGTH, { message: `expected an id of at most ${MAX_ID_LENGTH} characters` })
  .regex(NO_CONTROL, { message: 'expected an id without control characters' })
  .refine((value) => !DOT_SEGMENT.test(value), { message: 'expected an id other than "." or ".." (a URL cannot name them)' });
const id = entryIdSchema;

/** Units and hours are kept in thousandths; the bounds keep them far inside every engine's integers. */
const MAX_AMOUNT = 10_000;
const thousandths = (value: number): boolean => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6;

export const creditSchema = z.strictObject({
  /** The body that granted the units, e.g. "nasm". */
  body: slug,
  /** Units in that body's own unit (NASM CEU, ACE CEC, ...), as the body granted them. */
  units: z
    .number()
    .min(0.001, { message: 'expected units of at least 0.001' })
    .max(MAX_AMOUNT, { message: `expected units of at most ${MAX_AMOUNT}` })
    .refine(thousandths, { message: 'expected units with at most three decimals' }),
  /** The body's activity category, where it has them (NSCA "a".."d", ACE "ethics"). */
  category: slug.optional(),
});
export type Credit = z.infer<typeof creditSchema>;

export const credentialSchema = z.strictObject({
  id,
  program: slug,
  earned: isoDate,
  /** Optional certificate or card number, kept for audits. */
  number: text(200).optional(),
});
export type Credential = z.infer<typeof credentialSchema>;

export const renewalSchema = z.strictObject({
  credential: id,
  date: isoDate,
});
export type Renewal = z.infer<typeof renewalSchema>;

export const activitySchema = z.strictObject({
  id,
  title: text(500),
  completed: isoDate,
  hours: z
    .number()
    .nonnegative()
    .max(MAX_AMOUNT, { message: `expected at most ${MAX_AMOUNT} hours` })
    .refine(thousandths, { message: 'expected hours with at most three decimals' })
    .optional(),
  provider: text(200).optional(),
  credits: z.array(creditSchema).default([]),
});
export type Activity = z.infer<typeof activitySchema>;

export const profileSchema = z.strictObject({
  credentials: z.array(credentialSchema).default([]),
  renewals: z.array(renewalSchema).default([]),
  activities: z.array(activitySchema).default([]),
});
export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
