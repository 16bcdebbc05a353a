/**
 * HiGHS in worker threads (src/parallel/highs-workers.ts): the same answers as HiGHS in this thread,
 * jobs given at the same time to one runner (plans made concurrently) each get their own answer, and a
 * cancelled job neither settles nor disturbs the next one.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate-courses.js';
import { highsWorkerPool } from '../../src/parallel/highs-workers.js';
import { MilpBuilder, type Milp } from '../../src/planner/milp.js';
import { highsSolver } from '../../src/planner/solve-highs.js';

/** Cover `need` units with items i = 0..n−1 of (cost, units) at least once each pick; binary. */
function covering(n: number, need: number, seed: number): Milp {
  const b = new MilpBuilder();
  const next = prng(seed);
  const terms: [number, number][] = [];
  for (let i = 0; i < n; i++) terms.push([b.column(`x${i}`, 100 + Math.floor(next() * 900), 0, 1, true), 1 + Math.floor(next() * 30)]);
  b.row('need', need, Infinity, terms);
  return b.build();
}

describe('HiGHS worker threads', () => {
  it('answer as HiGHS in this thread does, also with several jobs at once on one runner', async () => {
    const [a, b] = highsWorkerPool();
    const models = [covering(40, 200, 1), covering(60, 300, 2), covering(50, 10_000, 3), covering(30, 150, 4)];
    const here = await Promise.all(models.map((m) => highsSolver.solve(m, { timeLimitSeconds: 20 })));
    const there = await Promise.all(models.map((m, k) => (k % 3 === 0 ? a! : b!).run(m, { timeLimitSeconds: 20 }).result));
    expect(there.map((r) => [r.status, r.objective])).toEqual(here.map((r) => [r.status, r.objective]));
    expect(there[2]!.status).toBe('infeasible');
  }, 60_000);

  it('a cancelled job never settles, and the runner solves the next one', async () => {
    const [a] = highsWorkerPool();
    let settled = false;
    const job = a!.run(covering(400, 3000, 5), { timeLimitSeconds: 20 });
    job.result.then(() => { settled = true; }, () => { settled = true; });
    job.cancel();
    const next = await a!.run(covering(40, 200, 1), { timeLimitSeconds: 20 }).result;
    expect(next.objective).toBe((await highsSolver.solve(covering(40, 200, 1), { timeLimitSeconds: 20 })).objective);
    expect(settled).toBe(false);
  }, 60_000);
});
