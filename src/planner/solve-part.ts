/**
 * Solves one independent part of the plan. Plain mode hands the whole model to the MILP solver. With
 * reductions: (1) dominance pruning with the greedy plan as the upper bound (small catalogs only: its cost
 * grows with the square of the offerings), (2) the LP relaxation by column generation and its Lagrangian
 * bound, (3) proof of optimality from the bound and the incumbent, or else MILPs over the cores of guessed
 * costs G a little above the bound (every slot with L + d_j ≤ G, and the row cost ≤ G), the guess growing
 * until a plan is found, which is then optimal; from the third guess on, a plan HiGHS stops at before a
 * proof becomes the incumbent U and the MILP over the core of U − 1 decides. Every step is exact.
 */
import type { Offering } from '../catalog/course-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Bucket } from './buckets.js';
import { buildModel } from './build-model.js';
import type { Part } from './components.js';
import { dominatedOfferings } from './dominance.js';
import { greedyPlan, type GreedyResult } from './greedy.js';
import { lpReduce, subModel, type LpReduction } from './lp-bound.js';
import type { Milp, MilpJob, MilpResult, MilpRunner, MilpSolveOptions, MilpSolver } from './milp.js';
import { costOf, type ResolvedOptions } from './plan-options.js';
import type { Infeasibility, Requirement } from './requirement.js';
import type { Slot } from './slots.js';

export interface PartProblem {
  readonly asOf: CalendarDate;
  readonly options: ResolvedOptions;
  readonly offerings: readonly Offering[];
  readonly buckets: readonly Bucket[];
  readonly slots: readonly Slot[];
  readonly earnOnce: ReadonlySet<string>;
  readonly solver: MilpSolver;
  readonly lpSolver: MilpSolver;
  /** Threads that each solve one MILP at a time (HiGHS workers); with two or more, the guesses race. */
  readonly runners: readonly MilpRunner[];
}

/** core: slots in the last MILP solved (summed over parts); fixed: slots left out of it by their reduced cost. */
export interface SolveStats { pruned: number; fixed: number; core: number; columns: number; rows: number; solverSeconds: number; nodes: number; lpRounds: number }

export interface PartOutcome {
  readonly chosen: number[];
  readonly requirements: Requirement[];
  readonly dropped: Infeasibility[];
  readonly status: 'optimal' | 'feasible';
  readonly gap: number | null;
}

/** Offerings above this count skip pairwise dominance (the LP reductions do the work there). */
export const DOMINANCE_LIMIT = 1500;
/** The first guess of the optimum: this share above the LP bound; each failed guess multiplies the share. */
const GUESS_SHARE = 0.002;
const GUESS_GROWTH = 3;
/**
 * From the third guess on, HiGHS stops at a plan within (previous guess − L) + this share of L of its own
 * bound: that plan becomes the incumbent U, and the proof is the smaller MILP of the core of U − 1.
 */
const STOP_SHARE = 0.005;
/** The RENS sub-MIP is a shortcut, never the answer's only source: a short limit of its own. */
const RENS_LIMIT_SECONDS = 2;

export async function solvePart(p: PartProblem, part: Part, greedy: GreedyResult, stats: SolveStats): Promise<PartOutcome> {
  let requirements = [...part.requirements];
  const dropped: Infeasibility[] = [];
  const base = { ...stats };
  for (;;) {
    Object.assign(stats, { pruned: base.pruned, fixed: base.fixed, core: base.core });
    const solved = await attempt(p, part, requirements, dropped.length === 0 ? greedy : greedyFor(p, part, requirements), stats);
    if (solved !== 'infeasible' && solved !== 'unknown') return { ...solved, requirements, dropped };
    if (solved === 'unknown') {
      // The time limit passed with no plan at all: say so for every renewal of this part.
      return { chosen: [], requirements: [], dropped: [...dropped, ...requirements.map((r) => dropOf(r, 'time-limit'))], status: 'feasible', gap: null };
    }
    // Infeasible together: give up the last planned renewal of one credential, preferring one whose
    // removal makes the rest feasible (the greedy rule's failures first, then the latest deadline).
    const victim = await chooseVictim(p, part, requirements, greedy);
    dropped.push(dropOf(victim, 'combination'));
    requirements = requirements.filter((r) => !(r.credential === victim.credential && r.ordinal >= victim.ordinal));
    if (requirements.length === 0) return { chosen: [], requirements, dropped, status: 'optimal', gap: 0 };
  }
}

/** The greedy plan for what is left after dropping renewals (slot indices as in the whole problem). */
function greedyFor(p: PartProblem, part: Part, requirements: readonly Requirement[]): GreedyResult {
  const slots = slotsFor(part, requirements);
  const g = greedyPlan({ requirements, slots, offerings: p.offerings, buckets: p.buckets, asOf: p.asOf, options: p.options, earnOnce: p.earnOnce });
  return { ...g, chosen: g.chosen.map((j) => slots[j]!.index) };
}

function dropOf(r: Requirement, kind: 'combination' | 'time-limit'): Infeasibility {
  return { credential: r.credential, programName: r.programName, ordinal: r.ordinal, cycleStart: r.cycleStart, end: r.end, unit: r.unit, reason: { kind } };
}

function slotsFor(part: Part, requirements: readonly Requirement[]): readonly Slot[] {
  if (requirements.length === part.requirements.length) return part.slots;
  const reqSet = new Set(requirements.map((r) => r.index));
  return part.slots.map((s) => ({ ...s, effects: s.effects.filter((e) => reqSet.has(e.req)) })).filter((s) => s.effects.length > 0);
}

async function attempt(p: PartProblem, part: Part, requirements: readonly Requirement[], greedy: GreedyResult | null, stats: SolveStats): Promise<Solved> {
  const reqSet = new Set(requirements.map((r) => r.index));
  let slots = slotsFor(part, requirements);
  const greedyOk = greedy !== null && !greedy.failed.some((r) => reqSet.has(r));
  const inPart = new Uint8Array(p.slots.length);
  for (const s of slots) inPart[s.index] = 1;
  const greedyPart = greedyOk ? greedy.chosen.filter((j) => inPart[j] === 1) : [];
  const greedyCost = greedyPart.reduce((sum, j) => sum + costOf(p.offerings[p.slots[j]!.offering]!, p.options), 0);
  if (p.options.reductions && greedyOk && offeringsAtMost(slots, p.offerings.length, DOMINANCE_LIMIT)) {
    const dominated = dominatedOfferings({ offerings: p.offerings, slots, requirements, options: p.options, bucketCount: p.buckets.length, upperBound: greedyCost });
    stats.pruned += dominated.size;
    slots = slots.filter((s) => !dominated.has(s.offering));
  }
  const model = buildModel({ requirements, slots, offerings: p.offerings, buckets: p.buckets, asOf: p.asOf, options: p.options, earnOnce: p.earnOnce, tighten: p.options.reductions });
  // The greedy plan is feasible for the whole part (pruned offerings included): a valid incumbent.
  const incumbent = greedyOk ? { cost: greedyCost, chosen: greedyPart } : null;
  return p.options.reductions && p.lpSolver.solveLp !== undefined
    ? reduceAndSolve(p, model.milp, slots, requirements, incumbent, stats)
    : plainSolve(p, model.milp, slots, incumbent, stats);
}

/** Whether the slots belong to at most `limit` distinct offerings (of `offeringCount`). */
function offeringsAtMost(slots: readonly Slot[], offeringCount: number, limit: number): boolean {
  const seen = new Uint8Array(offeringCount);
  let distinct = 0;
  for (const s of slots) {
    if (seen[s.offering] === 1) continue;
    seen[s.offering] = 1;
    if (++distinct > limit) return false;
  }
  return true;
}

/** The renewal to give up when the part is infeasible as a whole. */
async function chooseVictim(p: PartProblem, part: Part, requirements: readonly Requirement[], greedy: GreedyResult): Promise<Requirement> {
  const lastOf = new Map<string, Requirement>();
  for (const r of requirements) if ((lastOf.get(r.credential)?.ordinal ?? 0) < r.ordinal) lastOf.set(r.credential, r);
  const failed = new Set(greedy.failed.map((i) => requirements.find((r) => r.index === i)?.credential));
  const candidates = [...lastOf.values()].sort((a, b) => Number(failed.has(b.credential)) - Number(failed.has(a.credential)) || (a.end < b.end ? 1 : a.end > b.end ? -1 : 0));
  for (const candidate of candidates.slice(0, 8)) {
    const rest = requirements.filter((r) => r !== candidate);
    const model = buildModel({ requirements: rest, slots: slotsFor(part, rest), offerings: p.offerings, buckets: p.buckets, asOf: p.asOf, options: p.options, earnOnce: p.earnOnce, tighten: true });
    // Only a choice of which renewal to report: HiGHS, a short limit, and any feasible point will do.
    const result = await p.lpSolver.solve(model.milp, { timeLimitSeconds: Math.min(5, p.options.timeLimitSeconds) });
    if (result.status === 'optimal' || result.status === 'feasible') return candidate;
  }
  return candidates[0]!;
}

type Solved = { chosen: number[]; status: 'optimal' | 'feasible'; gap: number | null } | 'infeasible' | 'unknown';
type Incumbent = { cost: number; chosen: number[] } | null;

function record(stats: SolveStats, milp: Milp, result: MilpResult): void {
  stats.columns += milp.columns.length;
  stats.rows += milp.rows.length;
  stats.solverSeconds += result.seconds;
  stats.nodes += result.nodes;
}

async function plainSolve(p: PartProblem, milp: Milp, slots: readonly Slot[], incumbent: Incumbent, stats: SolveStats): Promise<Solved> {
  stats.core += slots.length;
  const result = await p.solver.solve(milp, { timeLimitSeconds: p.options.timeLimitSeconds });
  record(stats, milp, result);
  if (result.status === 'optimal' || result.status === 'feasible') {
    return { chosen: slots.flatMap((s, j) => ((result.values[j] ?? 0) > 0.5 ? [s.index] : [])), status: result.status, gap: result.gap };
  }
  if (incumbent !== null && result.status !== 'infeasible') {
    const gap = result.bound === null || incumbent.cost === 0 ? null : Math.max(0, (incumbent.cost - result.bound) / incumbent.cost);
    return { chosen: incumbent.chosen, status: 'feasible', gap };
  }
  return result.status === 'infeasible' ? 'infeasible' : 'unknown';
}

async function reduceAndSolve(p: PartProblem, milp: Milp, slots: readonly Slot[], requirements: readonly Requirement[], greedyStart: Incumbent, stats: SolveStats): Promise<Solved> {
  let start = greedyStart;
  const xCount = slots.length;
  const position = new Int32Array(p.slots.length).fill(-1);
  slots.forEach((s, j) => { position[s.index] = j; });
  const seeds = new Set<number>((start?.chosen ?? []).flatMap((i) => (position[i]! >= 0 ? [position[i]!] : [])));
  for (const j of seedColumns(slots, requirements, p)) seeds.add(j);
  const reduction = await lpReduce(milp, xCount, seeds, (m) => p.lpSolver.solveLp!(m));
  if (reduction === null) return plainSolve(p, milp, slots, start, stats);
  stats.lpRounds += reduction.rounds;
  const L = reduction.bound;
  const d = (j: number): number => Math.max(0, reduction.reducedCost[j]!);
  const slack = 1e-6 * Math.max(1, Math.abs(L));
  const coreOf = (G: number): number[] => { const core: number[] = []; for (let j = 0; j < xCount; j++) if (d(j) <= G - L + slack) core.push(j); return core; };
  // An incumbent costing ⌈L⌉ already is optimal: no MILP at all (the guesses below return it at once).
  const proven = start !== null && optimalByBound(start.cost, L);
  // The LP optimum's neighbourhood first: often a plan there costs ⌈L⌉, and then it is optimal with no
  // larger MILP at all. Otherwise what it finds may still improve the incumbent.
  const near = proven ? null : await rensAtLpOptimum(p, milp, xCount, reduction, coreOf(Math.ceil(L - slack)), slots, stats);
  if (near !== null) {
    if (optimalByBound(near.cost, L)) return { chosen: near.chosen, status: 'optimal', gap: 0 };
    if (start === null || near.cost < start.cost) start = near;
  }
  const rest = milp.columns.map((_, j) => j).filter((j) => j >= xCount);
  // A plan using slot j costs at least L + d_j, so every plan of cost ≤ G uses only slots with
  // d_j ≤ G − L: the core of G. Guesses: a cost G a little above L; the MILP of the core of G with the
  // row Σ cost·x ≤ G, solved to a zero gap. A plan found there is optimal (a cheaper one would lie in the
  // same core); none means that every plan costs more than G, and the guess grows. The last guess is the
  // incumbent's cost − 1 (integer costs): its core holds every slot that could still improve on it.
  const guesses: Guess[] = [];
  for (let share = GUESS_SHARE; ; share *= GUESS_GROWTH) {
    const guess = Math.floor(L + share * Math.max(1, Math.abs(L)));
    let last = start !== null && guess >= start.cost - 1;
    let G = last ? start!.cost - 1 : guess;
    if (G < L - slack) {
      // Below the bound: no plan costs G or less. For U − 1, the incumbent is optimal without a MILP.
      if (last) return { chosen: start!.chosen, status: 'optimal', gap: 0 };
      continue;
    }
    let core = coreOf(G);
    if (!last && core.length === xCount) {
      // The guess's core is every slot: solve for the optimum itself (the core of U − 1, or everything).
      last = true;
      G = start === null ? Infinity : start.cost - 1;
      core = coreOf(G);
    }
    guesses.push({ G, last, core, columns: [...core, ...rest] });
    if (last) break;
  }
  // Each guess's MILP is built when it is solved (most plans need only the first).
  const models = new Map<number, Milp>();
  const modelOf = (k: number): Milp => {
    const { G, last, core, columns } = guesses[k]!;
    let model = models.get(k);
    if (model === undefined) {
      const sub = subModel(milp, columns);
      model = last ? sub : withCutoff(sub, core.length, G);
      models.set(k, model);
    }
    return model;
  };
  const [baseCore, baseFixed] = [stats.core, stats.fixed];
  let incumbent = start;
  /**
   * What one guess's MILP says: the answer; null when a larger guess must be tried; 'prove' when it
   * stopped at a plan (the new incumbent) before a proof, which the MILP of the core of its cost − 1 gives.
   */
  const settle = (k: number, result: MilpResult): Solved | null | 'prove' => {
    const guess = guesses[k]!;
    stats.core = baseCore + guess.core.length;
    stats.fixed = baseFixed + xCount - guess.core.length;
    record(stats, modelOf(k), result);
    if ((result.status === 'optimal' || result.status === 'stopped' || result.status === 'feasible') && result.objective !== null) {
      const cost = Math.round(result.objective);
      if (incumbent === null || cost < incumbent.cost) {
        incumbent = { cost, chosen: guess.columns.flatMap((j, c) => (j < xCount && (result.values[c] ?? 0) > 0.5 ? [slots[j]!.index] : [])) };
      }
    }
    if (result.status === 'optimal') return { chosen: incumbent!.chosen, status: 'optimal', gap: 0 };
    if (result.status === 'stopped') return 'prove';
    if (result.status === 'infeasible') {
      // No plan costs G or less: in the last MILP, nothing is cheaper than the incumbent (or, without
      // one, there is no plan at all); otherwise a higher guess decides.
      if (!guess.last) return null;
      return incumbent === null ? 'infeasible' : { chosen: incumbent.chosen, status: 'optimal', gap: 0 };
    }
    // Limit reached: the best plan so far, with the LP bound (or the solver's, when the core held every
    // slot that could improve on the incumbent: a core's bound says nothing about plans outside it).
    if (incumbent === null) return 'unknown';
    return { chosen: incumbent.chosen, status: 'feasible', gap: gapOf(incumbent.cost, guess.last ? Math.max(L, Math.min(incumbent.cost, result.bound ?? -Infinity)) : L) };
  };
  // RENS only in the first guess's MILP: where the bound is tight it finds the optimum at the root; a
  // later guess exists because the bound was not tight, and there it costs more than it finds.
  // From the third guess on, a plan close to HiGHS's bound is enough (stopWithin): the guess before was
  // refuted, so the optimum lies above it, and the proof is left to the smaller core of that plan's cost − 1.
  const stopWithin = (k: number): number | undefined => (k >= 2 && !guesses[k]!.last ? guesses[k - 1]!.G - L + STOP_SHARE * Math.max(1, Math.abs(L)) : undefined);
  const options = (k: number): MilpSolveOptions => ({
    timeLimitSeconds: p.options.timeLimitSeconds, start: guesses[k]!.last ? startIn(guesses[k]!.core, guesses[k]!.start ?? start, slots) : undefined, rens: k === 0, stopWithin: stopWithin(k),
  });
  /** The proof after a guess stopped at a plan of cost U: the last kind of MILP, over the core of U − 1. */
  const prove = async (): Promise<Solved> => {
    const core = coreOf(incumbent!.cost - 1);
    guesses.push({ G: incumbent!.cost - 1, last: true, core, columns: [...core, ...rest], start: incumbent });
    const k = guesses.length - 1;
    return settled(settle(k, await p.solver.solve(modelOf(k), options(k))));
  };
  const settled = (answer: Solved | null | 'prove'): Solved => {
    if (answer === null || answer === 'prove') throw new Error('planner: the last MILP did not decide');
    return answer;
  };
  /** A guess's answer as the part's result: the proof first when it stopped at a plan; null, a larger guess. */
  const decide = (answer: Solved | null | 'prove'): Solved | Promise<Solved> | null => (answer === 'prove' ? prove() : answer);
  // The first guess in this thread: most often it decides (the bound is tight), and then no other
  // thread is needed. When it is refuted and threads are there, the second guess runs here while the
  // later ones race on the threads (which start now, loading HiGHS while the first guess runs).
  if (p.runners.length >= 1 && guesses.length >= 3) for (const runner of p.runners) runner.warm?.();
  const inThisThread = async (from: number): Promise<Solved> => {
    for (let k = from; k < guesses.length; k++) {
      const answer = decide(settle(k, await p.solver.solve(modelOf(k), options(k))));
      if (answer !== null) return answer;
    }
    // The last guess always decides (settle never returns null for it).
    throw new Error('planner: no guess decided');
  };
  const first = decide(settle(0, await p.solver.solve(modelOf(0), options(0))));
  if (first !== null) return first;
  if (p.runners.length < 1 || guesses.length < 3) return inThisThread(1);
  // Guess 1 here (this thread has HiGHS ready), guesses 2… on the threads meanwhile: all but the last
  // thread while this one solves, the last one too once this thread only waits (with two or more). The
  // race gives every result from guess 2 up to the first decisive one; settling them all in order gives
  // exactly what solving them one after another here gives (the same plan, the same statistics).
  const decisive = (k: number, result: MilpResult): boolean => guesses[k]!.last || result.status !== 'infeasible';
  const whileWaiting = p.runners.length >= 2 ? p.runners[p.runners.length - 1]! : undefined;
  const ahead = race(2, guesses.length, whileWaiting === undefined ? p.runners : p.runners.slice(0, -1), modelOf, options, decisive);
  ahead.results.catch(() => undefined);
  let second: Solved | null | 'prove';
  try {
    second = settle(1, await p.solver.solve(modelOf(1), options(1)));
  } catch (error) {
    ahead.stop();
    throw error;
  }
  if (second !== null) {
    // The threads' runs end before the proof (if any) starts here.
    ahead.stop();
    return decide(second)!;
  }
  if (whileWaiting !== undefined) ahead.join(whileWaiting);
  let results: Map<number, MilpResult>;
  try {
    results = await ahead.results;
  } catch {
    // A worker thread that fails (it should not) costs the race, not the plan: the guesses are solved here.
    return inThisThread(2);
  }
  for (let k = 2; k < guesses.length; k++) {
    const answer = decide(settle(k, results.get(k)!));
    if (answer !== null) return answer;
  }
  throw new Error('planner: no guess decided');
}

/** start: the plan handed to HiGHS in a last-kind MILP (default: the incumbent before the guesses). */
interface Guess { G: number; last: boolean; core: number[]; columns: number[]; start?: Incumbent }

/**
 * Whether a plan of integer cost `cost` is optimal given a lower bound `bound` on every plan: no integer
 * lies in [bound, cost), i.e. cost − 1 < bound (less a relative 1e-6 for the bound's rounding, which only
 * makes the test stricter).
 */
export function optimalByBound(cost: number, bound: number): boolean {
  return cost - 1 < bound - 1e-6 * Math.max(1, Math.abs(bound));
}

/**
 * A plan next to the LP optimum (in the spirit of RENS, relaxation enforced neighbourhood search): the
 * MILP in which the slots the LP optimum uses fully are fixed at 1 and the only other slots allowed are
 * those it uses fractionally and those of `ceilCore`, the core of ⌈L⌉ (every plan costing ⌈L⌉ uses
 * only such slots); the model's other columns are unchanged. Its plans are plans of the whole model
 * (it only narrows bounds; the slots left out take 0, their lower bound), so the best one found is a valid
 * incumbent; and one costing ⌈L⌉ is optimal, since no plan costs less than the bound L (integer costs).
 * Where the bound is tight (the first generator's catalogs) it finds that plan at HiGHS's root; where it
 * is not, the model is small (100–200 columns) and costs milliseconds. Null: nothing found (no plan in
 * the neighbourhood, or the limit passed).
 */
async function rensAtLpOptimum(
  p: PartProblem, milp: Milp, xCount: number, reduction: LpReduction, ceilCore: readonly number[], slots: readonly Slot[], stats: SolveStats,
): Promise<Incumbent> {
  const whole = (v: number): boolean => Math.abs(v - Math.round(v)) <= 1e-6;
  const inCore = new Uint8Array(xCount);
  for (const j of ceilCore) inCore[j] = 1;
  const columns: number[] = [];
  const fixedAtOne = new Set<number>();
  for (let j = 0; j < xCount; j++) {
    const v = reduction.values[j]!;
    if (whole(v) && Math.round(v) === 0 && inCore[j] === 0) continue;
    columns.push(j);
    if (whole(v) && Math.round(v) === 1) fixedAtOne.add(j);
  }
  for (let j = xCount; j < milp.columns.length; j++) columns.push(j);
  const sub = subModel(milp, columns);
  const model: Milp = { rows: sub.rows, columns: sub.columns.map((c, k) => (fixedAtOne.has(columns[k]!) ? { ...c, lb: 1 } : c)) };
  const result = await p.solver.solve(model, { timeLimitSeconds: Math.min(RENS_LIMIT_SECONDS, p.options.timeLimitSeconds) });
  record(stats, model, result);
  if ((result.status !== 'optimal' && result.status !== 'feasible') || result.objective === null) return null;
  return { cost: Math.round(result.objective), chosen: columns.flatMap((j, k) => (j < xCount && (result.values[k] ?? 0) > 0.5 ? [slots[j]!.index] : [])) };
}

/**
 * Runs the guesses' MILPs `from` … `count − 1` on several threads at once, in increasing order (a thread
 * that finishes takes the next guess not yet started), until every guess from `from` up to the first
 * decisive one has its result; the runs still going on then (larger guesses) are cancelled. Exact: each
 * guess's MILP answers its question on its own (docs/planner.md §4 items 6 and 8), and the caller settles
 * the results in order, as if they had been solved one after another. The time saved is that a larger
 * guess runs while a smaller one is being refuted. `join` adds a thread to a race under way.
 */
function race(from: number, count: number, runners: readonly MilpRunner[], model: (k: number) => Milp, options: (k: number) => MilpSolveOptions,
  decisive: (k: number, result: MilpResult) => boolean): { readonly results: Promise<Map<number, MilpResult>>; stop(): void; join(runner: MilpRunner): void } {
  const running = new Map<number, MilpJob>();
  const results = new Map<number, MilpResult>();
  let next = from;
  let finished = false;
  const stop = (): void => {
    finished = true;
    for (const job of running.values()) job.cancel();
    running.clear();
  };
  let launch: (runner: MilpRunner) => void = () => undefined;
  const settled = new Promise<Map<number, MilpResult>>((resolve, reject) => {
    launch = (runner: MilpRunner): void => {
      if (finished || next >= count) return;
      const k = next++;
      const job = runner.run(model(k), options(k));
      running.set(k, job);
      job.result.then((result) => {
        if (finished) return;
        running.delete(k);
        results.set(k, result);
        // Done when every guess from `from` has a result up to a decisive one.
        for (let j = from; results.has(j); j++) if (decisive(j, results.get(j)!)) { stop(); resolve(results); return; }
        launch(runner);
      }, (error: unknown) => { if (!finished) { stop(); reject(error); } });
    };
    for (const runner of runners) launch(runner);
  });
  /** Another thread takes the next guess not yet started, and later ones (nothing once the race is over). */
  return { results: settled, stop, join: (runner) => launch(runner) };
}

/** The model with the row Σ cost·x ≤ G over its first `xCount` columns (only plans of cost ≤ G). */
function withCutoff(milp: Milp, xCount: number, G: number): Milp {
  const idx: number[] = [];
  const val: number[] = [];
  for (let k = 0; k < xCount; k++) if (milp.columns[k]!.cost !== 0) { idx.push(k); val.push(milp.columns[k]!.cost); }
  return { columns: milp.columns, rows: [...milp.rows, { name: 'cutoff', lb: -Infinity, ub: G, idx, val }] };
}

/** The incumbent as a start for a core MILP (its x columns), when all of its slots are in the core. */
function startIn(core: readonly number[], incumbent: Incumbent, slots: readonly Slot[]): { indices: number[]; values: number[] } | undefined {
  if (incumbent === null) return undefined;
  const chosen = new Set(incumbent.chosen);
  const indices = core.map((_, k) => k);
  const values = core.map((j): number => (chosen.has(slots[j]!.index) ? 1 : 0));
  return values.reduce((a, b) => a + b, 0) === chosen.size ? { indices, values } : undefined;
}

function gapOf(objective: number, bound: number): number | null {
  if (!Number.isFinite(bound) || objective <= 0) return null;
  return Math.max(0, (objective - bound) / objective);
}

/** A few promising slots per cycle (lowest cost per share of what it needs) to start the column generation. */
function seedColumns(slots: readonly Slot[], requirements: readonly Requirement[], p: PartProblem, perRequirement = 8): number[] {
  const slotOf = new Map(requirements.map((r, k) => [r.index, k]));
  const demand = requirements.map((r) => Math.max(1, r.demandMilli));
  const share = new Float64Array(requirements.length);
  const best = requirements.map(() => [] as { j: number; score: number }[]);
  // The requirements a slot touches, each once (a slot has a few effects; most requirements are untouched).
  // Each requirement keeps its own list, so the order they are visited in does not matter.
  const touched: number[] = [];
  const seenAt = new Int32Array(requirements.length).fill(-1);
  slots.forEach((slot, j) => {
    touched.length = 0;
    for (const e of slot.effects) {
      const k = slotOf.get(e.req);
      if (k === undefined) continue;
      if (seenAt[k] !== j) { seenAt[k] = j; share[k] = 0; touched.push(k); }
      share[k]! += e.kind === 'cover' ? 1 : Math.min(1, e.milli / demand[k]!);
    }
    const cost = costOf(p.offerings[slot.offering]!, p.options);
    touched.forEach((k) => {
      const s = share[k]!;
      if (s <= 0) return;
      const list = best[k]!;
      const score = cost / s;
      if (list.length < perRequirement || score < list[list.length - 1]!.score) {
        list.push({ j, score });
        list.sort((a, b) => a.score - b.score);
        if (list.length > perRequirement) list.pop();
      }
    });
  });
  return best.flatMap((list) => list.map((x) => x.j));
}
