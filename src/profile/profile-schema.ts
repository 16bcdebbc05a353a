/**
 * The profile: what a person holds and what CE they have done. Other tools feed recert this format,
 * so its field names are fixed (see README "Profile format").
 */
import { z } from 'zod';
import { isoDate, slug } from '../catalog/schema.js';

const id = z.string().min(1, { message: 'expected a non-empty id' }).max(200);

export const creditSchema = z.strictObject({
  /** The body that granted the units, e.g. "nasm". */
  body: slug,
  /** Units in that body's own unit (NASM CEU, ACE CEC, ...), as the body granted them. */
  units: z.number().positive({ message: 'expected units greater than 0' }),
  /** The body's activity category, where it has them (NSCA "a".."d", ACE "ethics"). */
  category: slug.optional(),
});
export type Credit = z.infer<typeof creditSchema>;

export const credentialSchema = z.strictObject({
  id,
  program: slug,
  earned: isoDate,
  /** Optional certificate or card number, kept for audits. */
  number: z.string().min(1).optional(),
});
export type Credential = z.infer<typeof credentialSchema>;

export const renewalSchema = z.strictObject({
  credential: id,
  date: isoDate,
});
export type Renewal = z.infer<typeof renewalSchema>;

export const activitySchema = z.strictObject({
  id,
  title: z.string().min(1),
  completed: isoDate,
  hours: z.number().nonnegative().optional(),
  provider: z.string().min(1).optional(),
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
