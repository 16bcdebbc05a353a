/**
 * `plan(catalog, courses, profile, asOf, options)`: the cheapest set of offerings, and when to complete
 * them, that keeps every credential the person keeps current through the horizon; with the greedy
 * baseline next to it. Pure apart from the solver: no files, no clock.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CourseCatalog } from '../catalog/course-catalog.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Profile } from '../profile/profile-schema.js';
import { assembleSteps, cyclePlans, totalsOf } from './assemble.js';
import { buildBuckets, type Bucket } from './buckets.js';
import { splitIndependent } from './components.js';
import { greedyPlan, type GreedyResult } from './greedy.js';
import { resolveOptions, type PlanOptions } from './plan-options.js';
import type { PlanResult } from './plan-result.js';
import { precheck } from './prechecks.js';
import type { Infeasibility, Requirement } from './requirement.js';
import { buildSlots, type Slot } from './slots.js';
import { highsSolver } from './solve-highs.js';
import { solvePart, type PartProblem, type SolveStats } from './solve-part.js';
import { planTargets } from './targets.js';

export async function plan(catalog: Catalog, courses: CourseCatalog, profile: Profile, asOf: CalendarDate, input: PlanOptions = {}): Promise<PlanResult> {
  const options = resolveOptions(input);
  const solver = input.solver ?? highsSolver;
  const runners = options.reductions ? input.runners ?? [] : [];
  const targets = planTargets(catalog, profile, asOf, options);
  const earnOnce = new Set([...catalog.programs.values()].filter((p) => p.rules.every((r) => r.validity.kind === 'never')).map((p) => p.id));
  const held = new Set(profile.credentials.map((c) => c.program));
  const offerings = courses.offerings.filter((o) => !options.excludeProviders.has(o.provider) && !options.excludeFormats.has(o.format)
    && !(o.earns !== undefined && earnOnce.has(o.earns) && held.has(o.earns)));

  let requirements = targets.requirements;
  const infeasible: Infeasibility[] = [...targets.infeasible];
  const splitYears = options.yearlyBudgetCents !== null || requirements.some((r) => [...r.limits.values()].some((l) => l.perYear !== null));
  let buckets: Bucket[];
  let slots: Slot[];
  let greedy: GreedyResult;
  for (;;) {
    buckets = buildBuckets(requirements, asOf, splitYears);
    slots = buildSlots(offerings, buckets, requirements, options, options.reductions);
    greedy = greedyPlan({ requirements, slots, offerings, buckets, asOf, options, earnOnce });
    if (greedy.failed.length === 0) break;
    // The greedy rule missed something: check whether it is impossible at all, and say why.
    const missed = new Set(greedy.failed.map((i) => requirements.find((r) => r.index === i)!.credential));
    const failures = firstPerCredential(precheck(requirements.filter((r) => missed.has(r.credential)), slots, offerings, asOf));
    if (failures.length === 0) break;
    infeasible.push(...failures);
    requirements = dropFrom(requirements, failures);
  }
  const problem: PartProblem = { asOf, options, offerings, buckets, slots, earnOnce, solver, lpSolver: highsSolver, runners };
  const parts = options.reductions ? splitIndependent(requirements, slots, offerings, options, earnOnce) : [{ requirements, slots }];

  const chosen: number[] = [];
  const planned: Requirement[] = [];
  const stats: SolveStats = { pruned: 0, fixed: 0, core: 0, columns: 0, rows: 0, solverSeconds: 0, nodes: 0, lpRounds: 0 };
  let status: PlanResult['status'] = 'optimal';
  let gap: number | null = 0;
  for (const part of parts) {
    const outcome = await solvePart(problem, part, greedy, stats);
    infeasible.push(...outcome.dropped);
    planned.push(...outcome.requirements);
    chosen.push(...outcome.chosen);
    if (outcome.status !== 'optimal') status = 'feasible';
    gap = outcome.gap === null || gap === null ? null : Math.max(gap, outcome.gap);
  }
  planned.sort((a, b) => a.index - b.index);
  const load = options.maxHoursPerMonth === null ? null : { asOf, perMonth: options.maxHoursPerMonth };
  const steps = assembleSteps(chosen, slots, offerings, planned, catalog, 'step', load);
  const greedySteps = assembleSteps(greedy.chosen, slots, offerings, requirements, catalog, 'greedy', load);
  return deepFreeze({
    kind: 'plan',
    asOf,
    minimize: options.minimize,
    status: planned.length === 0 && requirements.length > 0 ? 'none' : status,
    gap: status === 'optimal' ? 0 : gap,
    totals: totalsOf(chosen, slots, offerings, options),
    steps,
    cycles: cyclePlans(planned, steps),
    infeasible,
    lettingLapse: targets.lettingLapse,
    beyondHorizon: targets.beyondHorizon,
    lateRenewals: targets.lateRenewals,
    greedy: {
      totals: totalsOf(greedy.chosen, slots, offerings, options),
      steps: greedySteps,
      failed: greedy.failed.map((i) => { const r = requirements.find((x) => x.index === i)!; return `${r.credential}#${r.ordinal}`; }),
    },
    sampleData: offerings.some((o) => o.sampleData),
    stats: {
      offerings: courses.offerings.length, offeringsConsidered: offerings.length, buckets: buckets.length, slots: slots.length,
      pruned: stats.pruned, fixed: stats.fixed, coreSlots: stats.core, lpRounds: stats.lpRounds, parts: parts.length, columns: stats.columns, rows: stats.rows,
      solver: problem.solver.name, solverSeconds: stats.solverSeconds, nodes: stats.nodes, reductions: options.reductions,
    },
  } satisfies PlanResult);
}

function firstPerCredential(failures: readonly Infeasibility[]): Infeasibility[] {
  const first = new Map<string, Infeasibility>();
  for (const f of failures) if (!first.has(f.credential) || first.get(f.credential)!.ordinal > f.ordinal) first.set(f.credential, f);
  return [...first.values()];
}

/** Drops each failing cycle and every later cycle of the same credential (it would lapse there). */
function dropFrom(requirements: readonly Requirement[], failures: readonly Infeasibility[]): Requirement[] {
  return requirements.filter((r) => !failures.some((f) => f.credential === r.credential && r.ordinal >= f.ordinal));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
