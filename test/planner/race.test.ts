/**
 * Racing the guessed-cost cores on several threads (solve-part.ts, docs/planner.md §4 item 8) gives the
 * sequential solve's answer whatever order the threads answer in: on catalogs of the second generator
 * where the first guesses are refuted, runners that answer the largest MILP first, strictly in order, three
 * of them, and the real HiGHS worker threads all give the same plan and statistics as the sequential solve,
 * and its cost is the plain model's.
 */
import { describe, expect, it } from 'vitest';
import { BENCH_AS_OF, benchProfile } from '../../bench/bench-profiles.js';
import { realisticCourses } from '../../bench/generate-courses-real.js';
import { highsWorkerPool } from '../../src/parallel/highs-workers.js';
import type { Milp, MilpRunner } from '../../src/planner/milp.js';
import { plan } from '../../src/planner/plan.js';
import type { PlanResult } from '../../src/planner/plan-result.js';
import { highsSolver } from '../../src/planner/solve-highs.js';
import { catalog, expectAccepted } from './helpers.js';

/** Runners on this thread whose answers arrive after `delay(milp)` ms; counts launches and cancellations. */
function fakeRunners(delay: (milp: Milp) => number, count = 2): { runners: MilpRunner[]; launched: number; cancelled: number } {
  const tally = { runners: [] as MilpRunner[], launched: 0, cancelled: 0 };
  for (let i = 0; i < count; i++) {
    tally.runners.push({
      run(milp, options) {
        tally.launched += 1;
        let cancelled = false;
        const result = highsSolver.solve(milp, options).then((r) => new Promise<typeof r>((resolve) => setTimeout(() => { if (!cancelled) resolve(r); }, delay(milp))));
        return { result, cancel: () => { cancelled = true; tally.cancelled += 1; } };
      },
    });
  }
  return tally;
}

/** The plan without its timings. */
const same = (r: PlanResult): unknown => ({ ...r, stats: { ...r.stats, solverSeconds: 0 } });

describe('racing the guesses on several threads', () => {
  for (const [seed, offerings] of [[4, 200], [6, 300]] as const) {
    it(`${offerings} realistic offerings, 6 credentials, seed ${seed}: the sequential answer in any order`, async () => {
      const courses = realisticCourses(catalog, { offerings, seed });
      const person = benchProfile(6);
      const options = { horizon: { cycles: 2 }, timeLimitSeconds: 60 };
      const sequential = await plan(catalog, courses, person, BENCH_AS_OF, options);
      const plain = await plan(catalog, courses, person, BENCH_AS_OF, { ...options, reductions: false });
      const largestFirst = fakeRunners((m) => Math.max(0, 60 - m.columns.length / 10));
      const inOrder = fakeRunners((m) => m.columns.length / 20);
      const three = fakeRunners(() => 1, 3);
      const one = fakeRunners((m) => m.columns.length / 20, 1);
      const threads = await plan(catalog, courses, person, BENCH_AS_OF, { ...options, runners: highsWorkerPool() });
      for (const result of [sequential, plain, threads]) expect(result.status).toBe('optimal');
      expect(sequential.totals.cost).toBe(plain.totals.cost);
      expect(same(threads)).toEqual(same(sequential));
      for (const tally of [largestFirst, inOrder, three, one]) {
        const raced = await plan(catalog, courses, person, BENCH_AS_OF, { ...options, runners: tally.runners });
        expect(same(raced)).toEqual(same(sequential));
        expectAccepted(raced, person, BENCH_AS_OF, courses);
      }
      // The instances are chosen so that the race really happens (more than one guess).
      expect(largestFirst.launched + inOrder.launched).toBeGreaterThan(2);
    }, 120_000);
  }
});
