/** What the person asks of a plan. Every field is optional; `resolveOptions` fills in the defaults. */
import type { Offering } from '../catalog/course-schema.js';
import type { MilpRunner, MilpSolver } from './milp.js';

export type Horizon = { readonly years: number } | { readonly cycles: number };

export interface PlanOptions {
  /** Which renewals to plan for: every cycle that ends within N years of the as-of date, or the next N cycles. */
  readonly horizon?: Horizon;
  /** What to minimize: total price (default) or total hours. */
  readonly minimize?: 'price' | 'hours';
  /** Weighted mix: add this many US dollars per contact hour to the price (e.g. the value of an hour of your time). */
  readonly hourValue?: number;
  /** At most this many US dollars in any calendar year. */
  readonly yearlyBudget?: number;
  /** Study load: hours completed by any date ≤ this many hours per month elapsed since the as-of date. */
  readonly maxHoursPerMonth?: number;
  readonly excludeProviders?: readonly string[];
  readonly excludeFormats?: readonly Offering['format'][];
  /** Credential ids (or program ids) to let lapse: not planned for. */
  readonly letLapse?: readonly string[];
  /** Solver time limit per independent part of the model, in seconds. */
  readonly timeLimitSeconds?: number;
  /** false = hand the plain model to the solver (no merging, no pruning, no decomposition); for benchmarks and tests. */
  readonly reductions?: boolean;
  /** The MILP solver; default HiGHS. */
  readonly solver?: MilpSolver;
  /**
   * Threads to race the guessed-cost MILPs on (`highsRunners()` of src/parallel). With two or more, the
   * last one races only while this thread waits (not while it solves a MILP itself). Default none: the
   * MILPs are solved one after another in this thread. The answer is the same either way
   * unless a MILP reaches the time limit (what a limit cuts off depends on timing).
   */
  readonly runners?: readonly MilpRunner[];
}

export interface ResolvedOptions {
  readonly horizon: Horizon;
  readonly minimize: 'price' | 'hours';
  readonly hourValueCents: number;
  readonly yearlyBudgetCents: number | null;
  readonly maxHoursPerMonth: number | null;
  readonly excludeProviders: ReadonlySet<string>;
  readonly excludeFormats: ReadonlySet<string>;
  readonly letLapse: ReadonlySet<string>;
  readonly timeLimitSeconds: number;
  readonly reductions: boolean;
}

export const DEFAULT_HORIZON_YEARS = 4;

export function resolveOptions(options: PlanOptions = {}): ResolvedOptions {
  return {
    horizon: options.horizon ?? { years: DEFAULT_HORIZON_YEARS },
    minimize: options.minimize ?? 'price',
    hourValueCents: Math.round((options.hourValue ?? 0) * 100),
    yearlyBudgetCents: options.yearlyBudget === undefined ? null : Math.round(options.yearlyBudget * 100),
    maxHoursPerMonth: options.maxHoursPerMonth ?? null,
    excludeProviders: new Set(options.excludeProviders ?? []),
    excludeFormats: new Set(options.excludeFormats ?? []),
    letLapse: new Set(options.letLapse ?? []),
    timeLimitSeconds: options.timeLimitSeconds ?? 20,
    reductions: options.reductions ?? true,
  };
}

/** The objective coefficient of one completion of an offering: integer (cents, or tenths of an hour). */
export function costOf(offering: Offering, options: ResolvedOptions): number {
  if (options.minimize === 'hours') return Math.round(offering.hours * 10);
  return offering.priceCents + Math.round(options.hourValueCents * offering.hours);
}
