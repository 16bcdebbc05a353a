/**
 * Schemas shared by several routes. Request schemas reuse the profile format's own field schemas,
 * so the API accepts exactly what a profile file may say; response schemas describe plain JSON
 * (dates as `YYYY-MM-DD` strings) so they can be serialized and documented.
 */
import { z } from 'zod';
import { slug } from '../../catalog/schema.js';
import { entryIdSchema, MAX_ID_LENGTH } from '../../profile/profile-schema.js';
import { dateProblem, type CalendarDate } from '../../shared/calendar-date.js';

export { slug };

/** A request date: the profile format's rule, with a pattern and `format: date` for the OpenAPI document. */
export const isoDate = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date "YYYY-MM-DD"', abort: true })
  .superRefine((text, ctx) => {
    const problem = dateProblem(text);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((text) => text as CalendarDate)
  .meta({ format: 'date', example: '2026-01-31' });

export const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: 'A calendar date, YYYY-MM-DD', example: '2026-01-31' });
/** No control characters: a NUL is refused by PostgreSQL, and none means anything in a name or id. */
export const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
/** Credential and activity ids, in bodies and paths: the profile format's own rule (length limit shared with the router). */
export const entryId = entryIdSchema;
/** A person's id: a slug of at most MAX_ID_LENGTH characters. */
export const personId = slug.max(MAX_ID_LENGTH, { message: `expected an id of at most ${MAX_ID_LENGTH} characters` });
/** A display name (a person's): printable, 1 to 200 characters. */
export const displayText = z.string().min(1, { message: 'expected non-empty text' }).max(200).regex(NO_CONTROL, { message: 'expected text without control characters' });

export const personParams = z.object({ personId: personId.meta({ description: 'The person, e.g. "me"' }) });
export const credentialParams = personParams.extend({ credentialId: entryId });
export const activityParams = personParams.extend({ activityId: entryId });
export const evidenceParams = personParams.extend({ evidenceId: z.uuid({ message: 'expected an evidence id (a UUID)' }) });
export const renewalParams = credentialParams.extend({ renewalId: z.coerce.number().int().positive() });

export const asOfQuery = z.object({
  asOf: isoDate.optional().meta({ description: "The date to evaluate on; default: the server's today" }),
});

export const issueSchema = z.object({
  code: z.string(),
  path: z.string().meta({ description: 'Where the problem is: `body.credits[0].units`, `params.personId`, `activities[3].completed` (an import row)' }),
  message: z.string(),
});

export const errorSchema = z.object({
  statusCode: z.number().int(),
  code: z.string().meta({ description: 'The first issue\'s stable code (docs/errors.md)' }),
  error: z.string(),
  message: z.string(),
  issues: z.array(issueSchema),
}).meta({ id: 'Error' });

/** The error responses most routes can give, for the OpenAPI document. */
export const errors = { 400: errorSchema, 404: errorSchema } as const;
export const writeErrors = { 400: errorSchema, 404: errorSchema, 409: errorSchema } as const;
