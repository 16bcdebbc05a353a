/** The JSON the recert HTTP API returns (see /openapi.json); only the fields the web app reads. */
export type Status = 'current' | 'in-progress' | 'due-soon' | 'grace' | 'lapsed' | 'never-expires' | 'not-yet-earned' | 'not-covered' | 'unconfirmed';

export interface Person {
  id: string;
  name: string;
  createdAt: string;
}

export interface ProgramSummary {
  id: string;
  name: string;
  body: string;
  kind: string;
  unit: string;
}

export interface Body {
  id: string;
  name: string;
  categories: { id: string; name: string }[];
}

export interface Renewal {
  id: number;
  credential: string;
  date: string;
}

export interface Credential {
  id: string;
  program: string;
  earned: string;
  number?: string;
  renewals: Renewal[];
}

export interface Evidence {
  id: string;
  activityId: string;
  name: string;
  type: string;
  size: number;
}

export interface Credit {
  body: string;
  units: number;
  category?: string;
}

export interface Activity {
  id: string;
  title: string;
  completed: string;
  hours?: number;
  provider?: string;
  credits: Credit[];
  evidence: Evidence[];
}

export interface CredentialReport {
  id: string;
  program: string;
  programName: string;
  body: string;
  kind: 'certification' | 'specialization' | 'prerequisite';
  status: Status;
  cycle: { start: string; end: string } | null;
  deadline: string | null;
  graceEnds: string | null;
  unit: string | null;
  required: number | null;
  earned: number;
  missing: number | null;
  components: { id: string; label: string; met: boolean; unconfirmed: boolean; detail: string }[];
  history: { index: number; start: string; end: string; renewedOn: string | null }[];
  findings: { kind: string; [key: string]: unknown }[];
  explanation: string[];
  /** The catalog's next step, where the server provides one (text, fee and link come from the rule catalog). */
  nextStep?: NextStep;
}

export interface NextStep {
  kind: string;
  date: string | null;
  text: string;
  fee?: { usd: number | null; confidence: string };
  url?: string;
}

/** Per activity, per credential: what counted or why not (src/engine/activity-summary.ts). */
export interface ActivitySummary {
  activity: string;
  lines: { credential: string; programName: string; outcome: 'counted' | 'not-counted'; text: string }[];
}

export interface ComplianceReport {
  asOf: string;
  credentials: CredentialReport[];
  activities?: ActivitySummary[];
}

/** A likely mistake in what was just saved (docs/errors.md, "Warning codes"). */
export interface Warning {
  code: string;
  path: string;
  message: string;
}

export interface Saved {
  warnings?: Warning[];
}

export interface Change {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
}

export interface ApiIssue {
  code: string;
  path: string;
  message: string;
}

/** What a plan step brings to one planned renewal (src/planner/plan-result.ts, StepCount). */
export interface StepCount {
  credential: string;
  programName: string;
  ordinal: number;
  end: string;
  via: 'credit' | 'grant' | 'current' | 'current-grant';
  units: number;
  unit: string;
  category: string | null;
  label?: string;
}

export interface PlanOffering {
  id: string;
  title: string;
  provider: string;
  providerName: string;
  price: number;
  hours: number;
  format: string;
  url?: string;
}

export interface PlanStep {
  id: string;
  offering: PlanOffering;
  from: string;
  by: string;
  session: string | null;
  completed: string;
  earns: { program: string; programName: string } | null;
  counts: StepCount[];
}

export interface CyclePlan {
  credential: string;
  program: string;
  programName: string;
  ordinal: number;
  cycleStart: string;
  end: string;
  /** Only for an expired cycle whose missing CE is planned inside its CE window after expiry (end is that window's last day). */
  expiredOn?: string;
  unit: string;
  required: number;
  existing: number;
  planned: number;
  fills: string[];
  steps: string[];
}

export interface PlanInfeasibility {
  credential: string;
  programName: string;
  ordinal: number;
  cycleStart: string;
  end: string;
  unit: string;
  reason: { kind: string };
  /** Why it cannot be met, and what would make it possible: the planner's own sentences. */
  text: string;
  remedy: string;
}

/** `POST /api/people/{id}/plan`: the same JSON as `recert plan --json`. */
export interface Plan {
  asOf: string;
  minimize: 'price' | 'hours';
  status: 'optimal' | 'feasible' | 'none';
  gap: number | null;
  totals: { price: number; hours: number };
  steps: PlanStep[];
  cycles: CyclePlan[];
  infeasible: PlanInfeasibility[];
  lettingLapse: string[];
  beyondHorizon: string[];
  greedy: { totals: { price: number; hours: number }; steps: PlanStep[]; failed: string[] };
  sampleData: boolean;
  /** The planner's totals sentence ("proven optimal" or the honest gap) and its comparison with the greedy plan. */
  verdict: string;
  comparison: string;
  explanation: string[];
}

/** The what-if options of a plan (the request body of `POST .../plan`). */
export interface PlanRequest {
  asOf?: string;
  horizonYears?: number;
  horizonCycles?: number;
  minimize?: 'price' | 'hours';
  yearlyBudget?: number;
  maxHoursPerMonth?: number;
  excludeProviders?: string[];
  excludeFormats?: string[];
  letLapse?: string[];
}

/** An offering chosen from a plan and kept as a to-do (`/api/people/{id}/planned-items`). */
export interface PlannedItem extends Omit<PlanOffering, 'id'> {
  id: string;
  offeringId: string;
  from: string;
  by: string;
  session: string | null;
  planned: string;
  counts: StepCount[];
  /** The price and dates come from sample course data (a shipped course file marked so). */
  sampleData?: boolean;
}

/** A course the person is considering (`/api/people/{id}/offerings`); the planner sees it as "own:<id>". */
export interface OwnOffering {
  id: string;
  title: string;
  provider: { id: string; name: string; url?: string };
  price: number;
  hours: number;
  format: string;
  availability: { kind: 'self-paced' } | { kind: 'sessions'; dates: string[] } | { kind: 'recurring'; first: string; until: string };
  credits: { body: string; units: number; category?: string }[];
  url?: string;
}
