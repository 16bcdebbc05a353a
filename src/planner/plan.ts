/**
 * `plan(catalog, courses, profile, asOf, options)`: the cheapest set of offerings, and when to complete
 * them, that keeps every credential the person keeps current through the horizon; with the greedy
 * baseline next to it. Pure apart from the solver: no files, no clock.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CourseCatalog } from '../catalog/course-catalog.js';
import type { Offering } from '../catalog/course-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Profile } from '../profile/profile-schema.js';
import { assembleSteps, cyclePlans, totalsOf } from './assemble.js';
import { buildBuckets, type Bucket } from './buckets.js';
import { buildModel } from './build-model.js';
import { splitIndependent, type Part } from './components.js';
import { dominatedOfferings } from './dominance.js';
import { greedyPlan, type GreedyResult } from './greedy.js';
import type { MilpResult, MilpSolver } from './milp.js';
import { costOf, resolveOptions, type PlanOptions, type ResolvedOptions } from './plan-options.js';
import type { PlanResult } from './plan-result.js';
import { precheck } from './prechecks.js';
import type { Infeasibility, Requirement } from './requirement.js';
import { buildSlots, type Slot } from './slots.js';
import { highsSolver } from './solve-highs.js';
import { planTargets } from './targets.js';

interface Problem {
  readonly catalog: Catalog;
  readonly asOf: CalendarDate;
  readonly options: ResolvedOptions;
  readonly offerings: readonly Offering[];
  readonly buckets: readonly Bucket[];
  readonly slots: readonly Slot[];
  readonly earnOnce: ReadonlySet<string>;
  readonly solver: MilpSolver;
}

export async function plan(catalog: Catalog, courses: CourseCatalog, profile: Profile, asOf: CalendarDate, input: PlanOptions = {}): Promise<PlanResult> {
  const options = resolveOptions(input);
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
  for (;;) {
    buckets = buildBuckets(requirements, asOf, splitYears);
    slots = buildSlots(offerings, buckets, requirements, options, options.reductions);
    const failures = firstPerCredential(precheck(requirements, slots, offerings));
    if (failures.length === 0) break;
    infeasible.push(...failures);
    requirements = dropFrom(requirements, failures);
  }
  const problem: Problem = { catalog, asOf, options, offerings, buckets, slots, earnOnce, solver: input.solver ?? highsSolver };
  const greedy = greedyPlan({ requirements, slots, offerings, buckets, asOf, options, earnOnce });
  const parts = options.reductions ? splitIndependent(requirements, slots, offerings, options, earnOnce) : [{ requirements, slots }];

  const chosen: number[] = [];
  const planned: Requirement[] = [];
  const stats = { pruned: 0, columns: 0, rows: 0, solverSeconds: 0, nodes: 0 };
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
  const steps = assembleSteps(chosen, slots, offerings, planned, catalog);
  const greedySteps = assembleSteps(greedy.chosen, slots, offerings, requirements, catalog, 'greedy');
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
    greedy: {
      totals: totalsOf(greedy.chosen, slots, offerings, options),
      steps: greedySteps,
      failed: greedy.failed.map((i) => { const r = requirements.find((x) => x.index === i)!; return `${r.credential}#${r.ordinal}`; }),
    },
    sampleData: offerings.some((o) => o.sampleData),
    stats: {
      offerings: courses.offerings.length, offeringsConsidered: offerings.length, buckets: buckets.length, slots: slots.length,
      pruned: stats.pruned, parts: parts.length, columns: stats.columns, rows: stats.rows,
      solver: problem.solver.name, solverSeconds: stats.solverSeconds, nodes: stats.nodes, reductions: options.reductions,
    },
  } satisfies PlanResult);
}

interface PartOutcome {
  readonly chosen: number[];
  readonly requirements: Requirement[];
  readonly dropped: Infeasibility[];
  readonly status: 'optimal' | 'feasible';
  readonly gap: number | null;
}

async function solvePart(p: Problem, part: Part, greedy: GreedyResult, stats: { pruned: number; columns: number; rows: number; solverSeconds: number; nodes: number }): Promise<PartOutcome> {
  let requirements = [...part.requirements];
  const dropped: Infeasibility[] = [];
  for (;;) {
    const reqSet = new Set(requirements.map((r) => r.index));
    let slots = part.slots.map((s) => ({ ...s, effects: s.effects.filter((e) => reqSet.has(e.req)) })).filter((s) => s.effects.length > 0);
    const slotSet = new Set(slots.map((s) => s.index));
    const greedyPart = greedy.chosen.filter((j) => slotSet.has(j));
    const greedyOk = dropped.length === 0 && !greedy.failed.some((r) => reqSet.has(r));
    const greedyCost = greedyPart.reduce((sum, j) => sum + costOf(p.offerings[p.slots[j]!.offering]!, p.options), 0);
    if (p.options.reductions && greedyOk) {
      const dominated = dominatedOfferings({ offerings: p.offerings, slots, requirements, options: p.options, bucketCount: p.buckets.length, upperBound: greedyCost });
      stats.pruned += dominated.size;
      slots = slots.filter((s) => !dominated.has(s.offering));
    }
    const model = buildModel({ requirements, slots, offerings: p.offerings, buckets: p.buckets, asOf: p.asOf, options: p.options, earnOnce: p.earnOnce, tighten: p.options.reductions });
    stats.columns += model.milp.columns.length;
    stats.rows += model.milp.rows.length;
    const result: MilpResult = await p.solver.solve(model.milp, { timeLimitSeconds: p.options.timeLimitSeconds });
    stats.solverSeconds += result.seconds;
    stats.nodes += result.nodes;
    if (result.status === 'optimal' || result.status === 'feasible') {
      const chosen = slots.flatMap((s, j) => ((result.values[j] ?? 0) > 0.5 ? [s.index] : []));
      return { chosen, requirements, dropped, status: result.status, gap: result.gap };
    }
    if ((result.status === 'no-solution' || result.status === 'error') && greedyOk) {
      // No incumbent within the limit: fall back to the greedy plan, with the solver's bound if it has one.
      const gap = result.bound === null || greedyCost === 0 ? null : Math.max(0, (greedyCost - result.bound) / greedyCost);
      return { chosen: greedyPart, requirements, dropped, status: 'feasible', gap };
    }
    // Infeasible together: give up the renewal with the latest deadline, say so, and try the rest.
    const last = requirements.reduce((a, b) => (b.end > a.end ? b : a));
    dropped.push({ credential: last.credential, programName: last.programName, ordinal: last.ordinal, cycleStart: last.cycleStart, end: last.end, unit: last.unit, reason: { kind: 'combination' } });
    requirements = requirements.filter((r) => !(r.credential === last.credential && r.ordinal >= last.ordinal));
    if (requirements.length === 0) return { chosen: [], requirements, dropped, status: 'optimal', gap: 0 };
  }
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
