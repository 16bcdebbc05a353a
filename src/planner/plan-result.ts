/** What `plan` returns: frozen facts. explain-plan.ts turns them into English; the CLI prints either. */
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Infeasibility, LateRenewal } from './requirement.js';

export interface StepCount {
  readonly credential: string;
  readonly programName: string;
  /** The planned cycle (1 = the first planned) and its deadline. */
  readonly ordinal: number;
  readonly end: CalendarDate;
  /** credit: the course's own units; grant: the program it earns counts; current: keeps a required program current; current-grant: and that counts units. */
  readonly via: 'credit' | 'grant' | 'current' | 'current-grant';
  readonly units: number;
  readonly unit: string;
  readonly category: string | null;
  /** For `current`: what it satisfies (the component's label). */
  readonly label?: string | undefined;
}

export interface PlanStep {
  readonly id: string;
  readonly offering: {
    readonly id: string; readonly title: string; readonly provider: string; readonly providerName: string;
    readonly price: number; readonly hours: number; readonly format: string; readonly url?: string | undefined;
  };
  /** Complete it on a day from `from` to `by` (self-paced), or on the session date. */
  readonly from: CalendarDate;
  readonly by: CalendarDate;
  readonly session: CalendarDate | null;
  /** The completion date the plan was checked with. */
  readonly completed: CalendarDate;
  readonly earns: { readonly program: string; readonly programName: string } | null;
  readonly counts: readonly StepCount[];
}

export interface CyclePlan {
  readonly credential: string;
  readonly program: string;
  readonly programName: string;
  readonly ordinal: number;
  readonly cycleStart: CalendarDate;
  /** The deadline; for an expired cycle (`expiredOn` set) the last day of its CE window after expiry. */
  readonly end: CalendarDate;
  /** Only for an expired cycle whose missing CE is planned inside its CE window: the day it expired. */
  readonly expiredOn?: CalendarDate;
  readonly unit: string;
  readonly required: number;
  readonly existing: number;
  /** Units the plan adds, after caps. */
  readonly planned: number;
  /** Labels of requirements beyond units the plan fills (CPR/AED current, ethics minimum, spread). */
  readonly fills: readonly string[];
  readonly steps: readonly string[];
  /** Planned on-time renewals of this credential before this cycle. */
  readonly renewalsBefore: readonly CalendarDate[];
}

export interface PlanTotals {
  readonly price: number;
  readonly hours: number;
  /** The objective value: cents, or tenths of an hour. */
  readonly cost: number;
}

export interface GreedyComparison {
  readonly totals: PlanTotals;
  readonly steps: readonly PlanStep[];
  /** Cycles the greedy rule could not meet ("credential#ordinal"). */
  readonly failed: readonly string[];
}

export interface PlanStats {
  readonly offerings: number;
  readonly offeringsConsidered: number;
  readonly buckets: number;
  readonly slots: number;
  /** Offerings dropped by dominance; slots in the last MILP and those left out of it by reduced-cost fixing; column-generation rounds. */
  readonly pruned: number;
  readonly fixed: number;
  readonly coreSlots: number;
  readonly lpRounds: number;
  readonly parts: number;
  readonly columns: number;
  readonly rows: number;
  readonly solver: string;
  readonly solverSeconds: number;
  readonly nodes: number;
  readonly reductions: boolean;
}

export interface PlanResult {
  readonly kind: 'plan';
  readonly asOf: CalendarDate;
  readonly minimize: 'price' | 'hours';
  /** optimal: proven; feasible: a plan, optimality not proven within the time limit (see gap); none: no plan found. */
  readonly status: 'optimal' | 'feasible' | 'none';
  readonly gap: number | null;
  readonly totals: PlanTotals;
  readonly steps: readonly PlanStep[];
  readonly cycles: readonly CyclePlan[];
  readonly infeasible: readonly Infeasibility[];
  readonly lettingLapse: readonly string[];
  readonly beyondHorizon: readonly string[];
  /** Credentials expired on the as-of date: the late renewal (grace) or reinstatement (lapsed) the plan assumes. */
  readonly lateRenewals: readonly LateRenewal[];
  readonly greedy: GreedyComparison;
  readonly sampleData: boolean;
  readonly stats: PlanStats;
}
