/**
 * A guess that stops at a plan, then the proof over that plan's core (solve-part.ts, docs/planner.md §4
 * item 10). From the third guessed cost on, HiGHS may stop at a plan close to its own bound (status
 * `stopped`); that plan is only an incumbent, and the MILP over the core of its cost − 1 decides. On small
 * catalogs of the second generator where this path is taken, the plan is proven optimal, costs what the
 * plain model's optimum costs, and the compliance engine accepts it; with worker threads racing the
 * guesses, the answer is the same plan.
 */
import { describe, expect, it } from 'vitest';
import { BENCH_AS_OF, benchProfile } from '../../bench/bench-profiles.js';
import { realisticCourses } from '../../bench/generate-courses-real.js';
import { highsWorkerPool } from '../../src/parallel/highs-workers.js';
import type { MilpSolver, MilpStatus } from '../../src/planner/milp.js';
import { plan } from '../../src/planner/plan.js';
import type { PlanResult } from '../../src/planner/plan-result.js';
import { highsSolver } from '../../src/planner/solve-highs.js';
import { catalog, expectAccepted } from './helpers.js';

/** HiGHS, keeping the status of every MILP and whether it was allowed to stop early. */
function recordingSolver(): { solver: MilpSolver; seen: { status: MilpStatus; mayStop: boolean }[] } {
  const seen: { status: MilpStatus; mayStop: boolean }[] = [];
  const solver: MilpSolver = {
    name: 'HiGHS',
    async solve(milp, options) {
      const result = await highsSolver.solve(milp, options);
      seen.push({ status: result.status, mayStop: options.stopWithin !== undefined });
      return result;
    },
    solveLp: highsSolver.solveLp,
  };
  return { solver, seen };
}

const same = (r: PlanResult): unknown => ({ ...r, stats: { ...r.stats, solverSeconds: 0 } });

describe('a guess that stops at a plan, then the proof over its core', () => {
  for (const [offerings, seed] of [[150, 3], [150, 9], [150, 12], [200, 3], [200, 10]] as const) {
    it(`${offerings} realistic offerings, 6 credentials, seed ${seed}: proven optimal, the plain model's cost, accepted by the engine`, async () => {
      const courses = realisticCourses(catalog, { offerings, seed });
      const person = benchProfile(6);
      const options = { horizon: { cycles: 2 }, timeLimitSeconds: 60 };
      const { solver, seen } = recordingSolver();
      const reduced = await plan(catalog, courses, person, BENCH_AS_OF, { ...options, solver });
      const plain = await plan(catalog, courses, person, BENCH_AS_OF, { ...options, reductions: false });
      // The path under test is taken: a MILP allowed to stop did stop at a plan, and a later one decided.
      const stoppedAt = seen.findIndex((s) => s.status === 'stopped');
      expect(stoppedAt).toBeGreaterThanOrEqual(0);
      expect(seen[stoppedAt]!.mayStop).toBe(true);
      expect(seen.length).toBeGreaterThan(stoppedAt + 1);
      expect(seen.filter((s) => s.status === 'stopped').every((s) => s.mayStop)).toBe(true);
      expect(reduced.status).toBe('optimal');
      expect(plain.status).toBe('optimal');
      expect(reduced.totals.cost).toBe(plain.totals.cost);
      expectAccepted(reduced, person, BENCH_AS_OF, courses);
      const threads = await plan(catalog, courses, person, BENCH_AS_OF, { ...options, solver, runners: highsWorkerPool() });
      expect(same(threads)).toEqual(same(reduced));
    }, 60_000);
  }
});
