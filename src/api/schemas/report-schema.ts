/** The compliance report as the API returns it: evaluate()'s ComplianceReport, field for field. */
import { z } from 'zod';
import { dateString } from './common-schemas.js';

export const statusSchema = z.enum(['current', 'in-progress', 'due-soon', 'grace', 'lapsed', 'never-expires', 'not-yet-earned', 'not-covered', 'unconfirmed']);

/** evaluate() returns frozen arrays: the schema says so, so the report type-checks as it is. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const cycle = z.object({ start: dateString, end: dateString });

export const nextStepSchema = z.object({
  kind: z.enum(['renew-by', 'renew-late-by', 'reinstate', 'earn-units', 'none']),
  date: dateString.nullable().meta({ description: 'The last day to do it; null for reinstate and none' }),
  text: z.string().meta({ description: 'The step in one or two plain sentences' }),
  fee: z.object({ usd: z.number().nullable(), confidence: z.enum(['own', 'own-old', 'sec', 'sec-low', 'unconfirmed']) }).optional()
    .meta({ description: 'The fee that applies now (renewal, current late tier, reinstatement); usd null = unconfirmed' }),
  url: z.string().optional().meta({ description: "The body's renewal page" }),
}).meta({ id: 'NextStep' });

export const credentialReportSchema = z.object({
  id: z.string(),
  program: z.string(),
  programName: z.string(),
  body: z.string(),
  kind: z.enum(['certification', 'specialization', 'prerequisite']),
  status: statusSchema,
  cycle: cycle.nullable(),
  deadline: dateString.nullable().meta({ description: 'The last day to act: the cycle end, or the grace end while in grace' }),
  graceEnds: dateString.nullable(),
  ceWindowEnds: dateString.nullable().meta({ description: "Last day CE still counts toward an expired cycle (the body's CE window after expiry), or null" }),
  unit: z.string().nullable(),
  required: z.number().nullable(),
  earned: z.number(),
  missing: z.number().nullable(),
  components: list(z.object({ id: z.string(), label: z.string(), met: z.boolean(), unconfirmed: z.boolean(), detail: z.string() })),
  counted: list(z.string()),
  notCounted: list(z.object({ id: z.string(), reason: z.string() })),
  contributions: list(z.object({ source: z.enum(['activity', 'grant']), id: z.string(), units: z.number(), category: z.string().nullable() })),
  ruleFrom: dateString.nullable(),
  history: list(z.object({ index: z.number().int(), start: dateString, end: dateString, renewedOn: dateString.nullable() })),
  findings: list(z.looseObject({ kind: z.string() })).meta({ description: 'The facts behind each explanation sentence, tagged by kind' }),
  explanation: list(z.string()).meta({ description: 'Plain-English sentences, one per finding' }),
  nextStep: nextStepSchema,
}).meta({ id: 'CredentialReport' });

export const complianceReportSchema = z.object({
  asOf: dateString,
  credentials: list(credentialReportSchema),
}).meta({ id: 'ComplianceReport' });

/** What each CE activity did, per credential (src/engine/activity-summary.ts). */
export const activitySummarySchema = z.object({
  activity: z.string(),
  lines: list(z.object({
    credential: z.string(),
    program: z.string(),
    programName: z.string(),
    outcome: z.enum(['counted', 'not-counted']),
    units: z.number().nullable().meta({ description: 'Units counted after caps; null when not counted' }),
    granted: z.number().nullable(),
    unit: z.string().nullable(),
    cycle: cycle.nullable().meta({ description: 'The cycle counted toward, or the other cycle the activity falls in' }),
    reason: z.string().nullable().meta({ description: 'Why not counted (the engine\'s not-counted reason), or null' }),
    text: z.string().meta({ description: 'The line in words: "Counted 0.8 CEU toward NASM-CPT cycle 2025–2027."' }),
  })),
}).meta({ id: 'ActivitySummary' });

/** GET .../status: the compliance report plus, per activity, what it counted toward. */
export const statusReportSchema = complianceReportSchema.extend({
  activities: list(activitySummarySchema).meta({ description: 'For each CE activity, per credential, what counted or why not' }),
}).meta({ id: 'StatusReport' });

/** GET .../status (the default, `detail=summary`): per credential where it stands and why in one sentence, without per-activity detail. */
export const credentialSummarySchema = credentialReportSchema.omit({ counted: true, notCounted: true, contributions: true, findings: true, explanation: true }).extend({
  why: z.string().meta({ description: 'The outcome in one plain sentence: what is missing, by when' }),
}).meta({ id: 'CredentialSummary' });

export const statusSummarySchema = z.object({
  asOf: dateString,
  credentials: list(credentialSummarySchema),
}).meta({ id: 'StatusSummary' });
