/**
 * The plan route's request (the options of `recert plan`) and its response: exactly the JSON
 * `recert plan --json` prints (src/planner/plan-json.ts), described for validation and /openapi.json.
 */
import { z } from 'zod';
import { entryId, isoDate, slug } from './common-schemas.js';

const positive = (what: string) => z.number().positive({ message: `expected ${what} greater than 0` });

export const planRequestSchema = z.strictObject({
  asOf: isoDate.optional().meta({ description: "Plan from this date; default: the server's today" }),
  horizonYears: z.number().int({ message: 'expected a whole number of years' }).min(1, { message: 'expected at least 1 year' }).max(50).optional()
    .meta({ description: 'Plan every renewal that falls within N years (default 4)' }),
  horizonCycles: z.number().int({ message: 'expected a whole number of cycles' }).min(1, { message: 'expected at least 1 cycle' }).max(20).optional()
    .meta({ description: 'Plan the next N renewals of each credential instead' }),
  minimize: z.enum(['price', 'hours', 'weighted']).optional().meta({ description: 'price (default), hours, or weighted: price plus hourValue dollars per hour' }),
  hourValue: positive('a dollar amount').max(10_000).optional().meta({ description: 'With minimize weighted (or price): count each hour of study as this many US dollars' }),
  yearlyBudget: z.number().min(0, { message: 'expected a budget of 0 or more (US dollars)' }).max(1_000_000).optional()
    .meta({ description: 'Spend at most this many US dollars in any calendar year' }),
  maxHoursPerMonth: positive('a number of hours').max(744).optional().meta({ description: 'Study at most this many hours a month on average' }),
  excludeProviders: z.array(slug).max(200).optional().meta({ description: 'Provider ids to leave out' }),
  excludeFormats: z.array(z.enum(['online', 'in-person', 'blended'])).max(3).optional(),
  letLapse: z.array(entryId).max(100).optional().meta({ description: 'Credential ids or program ids the person holds and does not want to keep' }),
  timeLimitSeconds: positive('a number of seconds').max(60).optional().meta({ description: 'Solver time limit per independent part (default 20, at most 60)' }),
}).superRefine((body, ctx) => {
  if (body.horizonYears !== undefined && body.horizonCycles !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['horizonCycles'], message: 'give horizonYears or horizonCycles, not both' });
  }
  if (body.minimize === 'weighted' && body.hourValue === undefined) {
    ctx.addIssue({ code: 'custom', path: ['hourValue'], message: 'minimize "weighted" needs hourValue (US dollars per hour of study)' });
  }
  if (body.minimize === 'hours' && body.hourValue !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['hourValue'], message: 'hourValue weighs price against hours; it has no effect with minimize "hours"' });
  }
}).meta({ id: 'PlanRequest' });
export type PlanRequest = z.infer<typeof planRequestSchema>;

const date = z.string().meta({ format: 'date' });
const totals = z.object({ price: z.number(), hours: z.number(), cost: z.number().meta({ description: 'The objective: cents, or tenths of an hour' }) });

const stepCount = z.object({
  credential: z.string(), programName: z.string(), ordinal: z.number().int(), end: date,
  via: z.enum(['credit', 'grant', 'current', 'current-grant']), units: z.number(), unit: z.string(), category: z.string().nullable(),
  label: z.string().optional(),
});

export const planStepSchema = z.object({
  id: z.string(),
  offering: z.object({
    id: z.string().meta({ description: 'Catalog offering id; the person\'s own offerings are "own:<id>"' }),
    title: z.string(), provider: z.string(), providerName: z.string(),
    price: z.number(), hours: z.number(), format: z.string(), url: z.string().optional(),
  }),
  from: date, by: date, session: date.nullable(), completed: date,
  earns: z.object({ program: z.string(), programName: z.string() }).nullable(),
  counts: z.array(stepCount),
}).meta({ id: 'PlanStep' });

const cyclePlan = z.object({
  credential: z.string(), program: z.string(), programName: z.string(), ordinal: z.number().int(),
  cycleStart: date, end: date,
  expiredOn: date.optional().meta({ description: 'Only for an expired cycle whose missing CE is planned inside its CE window after expiry: the day it expired (end is then the window\'s last day).' }),
  unit: z.string(), required: z.number(), existing: z.number(), planned: z.number(),
  fills: z.array(z.string()), steps: z.array(z.string()), renewalsBefore: z.array(date),
});

const infeasibility = z.object({
  credential: z.string(), programName: z.string(), ordinal: z.number().int(), cycleStart: date, end: date, unit: z.string(),
  reason: z.looseObject({ kind: z.string() }).meta({ description: 'units, component, category-minimum, spread, unconfirmed-total, not-covered, ended-unmet, grace-unmet, combination or time-limit, with its figures' }),
});

const lateRenewal = z.object({
  credential: z.string(), programName: z.string(), kind: z.enum(['late-renewal', 'reinstatement']), expired: date, graceEnd: date,
  met: z.boolean(), assumedOn: date,
  ceWindowEnd: date.optional().meta({ description: 'The last day CE still counts toward the expired cycle, when that window is open on the as-of date.' }),
  unit: z.string(),
});

export const planResponseSchema = z.object({
  kind: z.literal('plan'),
  asOf: date,
  minimize: z.enum(['price', 'hours']),
  status: z.enum(['optimal', 'feasible', 'none']).meta({ description: 'optimal: proven; feasible: within the time limit, see gap; none: no plan found' }),
  gap: z.number().nullable(),
  totals,
  steps: z.array(planStepSchema),
  cycles: z.array(cyclePlan),
  infeasible: z.array(infeasibility),
  lettingLapse: z.array(z.string()),
  beyondHorizon: z.array(z.string()),
  lateRenewals: z.array(lateRenewal),
  greedy: z.object({ totals, steps: z.array(planStepSchema), failed: z.array(z.string()) }),
  sampleData: z.boolean(),
  stats: z.looseObject({ offerings: z.number(), solver: z.string(), solverSeconds: z.number() }),
  explanation: z.array(z.string()),
  verification: z.object({
    ok: z.boolean(),
    checks: z.array(z.object({ credential: z.string(), ordinal: z.number().int(), end: date, status: z.string(), ok: z.boolean() })),
  }),
}).meta({ id: 'Plan' });
