/**
 * The catalog file format (catalog/SPEC.md describes it for people). One file per certifying body.
 * Every number is a sourced record: its value, how sure we are of it, where it comes from and, where
 * the source says it in so many words, the quote.
 */
import { z } from 'zod';
import { dateProblem, type CalendarDate } from '../shared/calendar-date.js';

export const CATALOG_SCHEMA_VERSION = 1;

export const isoDate = z
  .string({ error: 'expected a quoted date "YYYY-MM-DD"' })
  .superRefine((text, ctx) => {
    // The human reason: "2026 has no 30 February", not a format complaint.
    const problem = dateProblem(text);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((text) => text as CalendarDate);

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'expected a lower-case id of letters, digits and dashes, e.g. "nasm-cpt"' });

/**
 * own: the body's own page or document; own-old: the body's own but older than about 2021;
 * sec: a secondary source; sec-low: a low-quality secondary source;
 * unconfirmed: not found, or sources conflict. recert shows the user every value that is not `own`.
 */
export const confidenceSchema = z.enum(['own', 'own-old', 'sec', 'sec-low', 'unconfirmed']);
export type Confidence = z.infer<typeof confidenceSchema>;

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url({ message: 'expected an absolute URL' }).optional(),
  /** The date someone last read this page and found the value (and quote) on it. */
  verified: isoDate.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** Fields every sourced record carries. */
const provenance = {
  confidence: confidenceSchema,
  source: sourceSchema.optional(),
  quote: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
};

function requireSourceUnlessUnconfirmed(
  record: { confidence: Confidence; source?: Source | undefined; value?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (record.confidence !== 'unconfirmed' && record.source === undefined) {
    ctx.addIssue({ code: 'custom', path: ['source'], message: `a ${record.confidence} value needs a source {title, url}` });
  }
  if (record.confidence !== 'unconfirmed' && record.value === null) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'only an unconfirmed record may have value null' });
  }
}

/** A value with its provenance. `value: null` means "not known": allowed only when unconfirmed. */
export function sourced<T extends z.ZodType>(value: T) {
  return z
    .strictObject({ value: value.nullable(), ...provenance, candidates: z.array(value).optional() })
    .superRefine(requireSourceUnlessUnconfirmed);
}
export interface Sourced<T> {
  value: T | null;
  confidence: Confidence;
  source?: Source | undefined;
  quote?: string | undefined;
  note?: string | undefined;
  candidates?: T[] | undefined;
}

const units = z.number().nonnegative();
const periodSchema = z.union([
  z.strictObject({ months: z.number().int().positive() }),
  z.strictObject({ days: z.number().int().positive() }),
]);
export type Period = z.infer<typeof periodSchema>;

const validitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('never'), ...provenance }).superRefine(requireSourceUnlessUnconfirmed),
  z.strictObject({
    kind: z.literal('months'),
    months: sourced(z.number().int().positive()),
    /** anniversary: the same day N months later; end-of-month / end-of-year: rounded up to that day. */
    expiresOn: sourced(z.enum(['anniversary', 'end-of-month', 'end-of-year'])),
  }),
  z.strictObject({
    kind: z.literal('fixed-periods'),
    /** The first day of any one period; periods of `years` follow each other from it, both ways. */
    anchor: isoDate,
    years: sourced(z.number().int().positive()),
  }),
]);
export type Validity = z.infer<typeof validitySchema>;

const renewalSchema = z.strictObject({
  /** continuing-education: renew by earning units; new-course: renew by taking the course again (CPR/AED). */
  method: z.enum(['continuing-education', 'new-course']),
  /** Where the next cycle starts after an on-time renewal. */
  extendsFrom: sourced(z.enum(['old-expiry', 'renewal-date'])),
  /** How long after expiry a renewal is still accepted (with or without a late fee). null = none. */
  grace: sourced(periodSchema).optional(),
  /**
   * CE window after expiry: CE completed within this period after expiry counts toward the expired cycle;
   * a late renewal (within `grace`) is accepted only if the requirements were met by its end.
   */
  ceWindow: sourced(periodSchema).optional(),
  afterGrace: z.string().min(1).optional(),
  /** The body's renewal page, where the user renews. */
  page: sourced(z.url({ message: 'expected an absolute URL' })).optional(),
  /** What the body says about restoring a lapsed credential, in words. */
  reinstatement: sourced(z.string().min(1)).optional(),
});

const categorySchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  maxPerCycle: sourced(units).optional(),
  maxPerYear: sourced(units).optional(),
  /** Caps that take effect later than the rule version (e.g. ACSM committee cap from 2023-01-01). */
  appliesFrom: isoDate.optional(),
});
export type CategoryRule = z.infer<typeof categorySchema>;

const componentSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: slug,
    kind: z.literal('program-current'),
    label: z.string().min(1),
    program: slug,
    /** The credential must stay valid at least this many days past the check date (ISSA: 30). */
    validBeyondDays: sourced(z.number().int().nonnegative()).optional(),
    ...provenance,
  }).superRefine(requireSourceUnlessUnconfirmed),
  z.strictObject({
    id: slug,
    kind: z.literal('category-minimum'),
    label: z.string().min(1),
    category: slug,
    units: sourced(units),
  }),
  z.strictObject({
    id: slug,
    kind: z.literal('min-categories'),
    label: z.string().min(1),
    count: sourced(z.number().int().positive()),
  }),
]);
export type ComponentRule = z.infer<typeof componentSchema>;

const prorationRowSchema = z.strictObject({
  /** `before-cycle`, or months after the period start (from inclusive, to exclusive). */
  earned: z.union([z.literal('before-cycle'), z.strictObject({ fromMonth: z.number().int().nonnegative(), toMonth: z.number().int().positive() })]),
  totalUnits: units,
  categoryMax: z.record(slug, units).optional(),
});
export type ProrationRow = z.infer<typeof prorationRowSchema>;

const grantSchema = z.strictObject({
  program: slug,
  units: sourced(units),
  /** earned-in-cycle: counts in the cycle in which the granting program was earned;
   *  current-at-check: counts while the granting program is current on the check date. */
  counts: z.enum(['earned-in-cycle', 'current-at-check']),
});
export type GrantRule = z.infer<typeof grantSchema>;

const feeSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  /** renewal: the on-time fee; late: a late-renewal fee (in `until` order); reinstatement; petition; other. */
  kind: z.enum(['renewal', 'late', 'reinstatement', 'petition', 'other']).default('other'),
  /** For a late fee: it applies to a late renewal made more than this long after expiry (absent: from the day after expiry). */
  after: periodSchema.optional(),
  /** For a late fee: it applies to a late renewal made up to this long after expiry (absent: to the end of grace). */
  until: periodSchema.optional(),
  usd: sourced(z.number().nonnegative()),
});
export type Fee = z.infer<typeof feeSchema>;

const ruleVersionSchema = z.strictObject({
  /** First day this version is in force. */
  from: isoDate,
  /** Why this date: most sources do not give an effective date. */
  fromBasis: z.string().min(1),
  unit: z.strictObject({ name: z.string().min(1), hoursPerUnit: sourced(z.number().positive()) }),
  validity: validitySchema,
  renewal: renewalSchema.optional(),
  requirements: z
    .strictObject({
      totalUnits: sourced(units),
      /** Units required in the first cycle after the credential is earned, when it differs (NFPT: none). */
      firstCycleUnits: sourced(units).optional(),
      proration: sourced(z.array(prorationRowSchema).min(1)).optional(),
      components: z.array(componentSchema).default([]),
      categories: z.array(categorySchema).default([]),
    })
    .optional(),
  grants: z.array(grantSchema).default([]),
  fees: z.array(feeSchema).default([]),
  notes: z.array(z.string().min(1)).default([]),
});
export type RuleVersion = z.infer<typeof ruleVersionSchema>;

const programSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  kind: z.enum(['certification', 'specialization', 'prerequisite']),
  /**
   * Programs a current credential of this program stands in for wherever a rule asks for them to be current
   * (a Red Cross card for the generic CPR/AED card). The credential keeps its own validity rule.
   */
  satisfies: z.array(slug).optional(),
  rules: z.array(ruleVersionSchema).min(1),
});
export type Program = z.infer<typeof programSchema> & { body: string };

export const bodyFileSchema = z.strictObject({
  schemaVersion: z.literal(CATALOG_SCHEMA_VERSION, { error: `expected schemaVersion: ${CATALOG_SCHEMA_VERSION}` }),
  body: z.strictObject({
    id: slug,
    name: z.string().min(1),
    url: z.url().optional(),
    /** Activity categories this body uses when it grants units (e.g. NSCA A–D). */
    categories: z.array(z.strictObject({ id: slug, name: z.string().min(1) })).default([]),
  }),
  programs: z.array(programSchema).default([]),
});
export type BodyFile = z.infer<typeof bodyFileSchema>;
export type Body = BodyFile['body'];
