/**
 * Request and response shapes for people, credentials, renewals, activities and evidence. Request
 * fields reuse the profile schema's own field schemas (bounds, no control characters), so a PATCH
 * accepts exactly what a profile file may say.
 */
import { z } from 'zod';
import { activitySchema, credentialSchema, creditSchema } from '../../profile/profile-schema.js';
import { WARNING_CODES, type WarningCode } from '../../shared/warning-codes.js';
import { dateString, displayText, entryId, isoDate, personId } from './common-schemas.js';

export const personSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() }).meta({ id: 'Person' });
export const newPersonSchema = z.strictObject({ id: personId, name: displayText });
export const personChangesSchema = z.strictObject({ name: displayText });

/** A likely mistake in what was just saved (docs/errors.md, "Warning codes"): saved anyway, flagged. */
export const warningSchema = z.object({
  code: z.enum(Object.keys(WARNING_CODES) as [WarningCode, ...WarningCode[]]),
  path: z.string().meta({ description: 'The request field the warning is about, e.g. `body.completed`' }),
  message: z.string(),
}).meta({ id: 'Warning' });
const warnings = z.array(warningSchema).meta({ description: 'Likely mistakes in what was saved (empty when none); the write is kept either way' });

export const renewalSchema = z.object({ id: z.number().int(), credential: z.string(), date: dateString }).meta({ id: 'Renewal' });
export const savedRenewalSchema = renewalSchema.extend({ warnings }).meta({ id: 'SavedRenewal' });
export const newRenewalSchema = z.strictObject({ date: isoDate });
export const renewalChangesSchema = z.strictObject({ date: isoDate });

export const credentialOut = z.object({
  id: z.string(),
  program: z.string(),
  earned: dateString,
  number: z.string().optional(),
  renewals: z.array(renewalSchema),
}).meta({ id: 'Credential' });
export const savedCredentialSchema = credentialOut.extend({ warnings }).meta({ id: 'SavedCredential' });

/** The id is optional: without one the server derives it from the program ("nasm-cpt", "nasm-cpt-2"). */
export const newCredentialSchema = credentialSchema.extend({ id: entryId.optional(), earned: isoDate });
export const credentialChangesSchema = z.strictObject({
  program: credentialSchema.shape.program.optional(),
  earned: isoDate.optional(),
  number: credentialSchema.shape.number.unwrap().nullable().optional(),
});

export const evidenceSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  sha256: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
}).meta({ id: 'Evidence' });

const creditOut = z.object({ body: z.string(), units: z.number(), category: z.string().optional() });
export const activityOut = z.object({
  id: z.string(),
  title: z.string(),
  completed: dateString,
  hours: z.number().optional(),
  provider: z.string().optional(),
  credits: z.array(creditOut),
  evidence: z.array(evidenceSchema),
}).meta({ id: 'Activity' });
export const savedActivitySchema = activityOut.extend({ warnings }).meta({ id: 'SavedActivity' });

/** The id is optional: without one the server numbers it ("a1", "a2", ...). */
export const newActivitySchema = activitySchema.extend({ id: entryId.optional(), completed: isoDate });
export const activityChangesSchema = z.strictObject({
  title: activitySchema.shape.title.optional(),
  completed: isoDate.optional(),
  hours: activitySchema.shape.hours.unwrap().nullable().optional(),
  provider: activitySchema.shape.provider.unwrap().nullable().optional(),
  credits: z.array(creditSchema).optional(),
});

export const changeSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  personId: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
}).meta({ id: 'Change' });
