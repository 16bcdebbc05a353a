/**
 * The plan next to the LP optimum (solve-part.ts, docs/planner.md §4 item 9): where the LP bound is the
 * optimum, as on the first generator's catalogs, that small MILP proves the optimum by itself (no
 * guessed-cost core is solved) and its answer is the plain model's; where it is not, the guesses follow
 * and the answer is still the plain model's.
 */
import { describe, expect, it } from 'vitest';
import { BENCH_AS_OF, BENCH_BODIES, benchProfile } from '../../bench/bench-profiles.js';
import { generateCourses } from '../../bench/generate-courses.js';
import { realisticCourses } from '../../bench/generate-courses-real.js';
import type { MilpSolver } from '../../src/planner/milp.js';
import { plan } from '../../src/planner/plan.js';
import { highsSolver } from '../../src/planner/solve-highs.js';
import { catalog, courses, d, expectAccepted, profile } from './helpers.js';

const options = { horizon: { cycles: 2 }, timeLimitSeconds: 60 };

describe('a plan next to the LP optimum', () => {
  for (const seed of [1, 2]) {
    it(`proves the optimum without a guessed-cost core on a first-generator catalog (seed ${seed})`, async () => {
      const courses = generateCourses(catalog, { offerings: 2000, seed, bodies: BENCH_BODIES, from: BENCH_AS_OF, to: d('2031-12-31') });
      const person = benchProfile(3);
      const reduced = await plan(catalog, courses, person, BENCH_AS_OF, options);
      const plain = await plan(catalog, courses, person, BENCH_AS_OF, { ...options, reductions: false });
      expect(reduced.status).toBe('optimal');
      expect(plain.status).toBe('optimal');
      expect(reduced.totals.cost).toBe(plain.totals.cost);
      // Proven by the neighbourhood MILP: no slot was left to a guessed-cost core.
      expect(reduced.stats.coreSlots).toBe(0);
      expectAccepted(reduced, person, BENCH_AS_OF, courses);
    }, 60_000);
  }

  it('is not solved when the greedy plan already costs ⌈L⌉ (proven optimal with no MILP, as before it)', async () => {
    const open = '{ kind: self-paced }';
    const choice = courses(`  - { id: cpr, title: CPR/AED class, price: 50, hours: 4, format: in-person, earns: cpr-aed, repeatable: true,
      availability: { kind: recurring, first: "2026-01-03", every: { months: 1 }, until: "2031-12-31" } }
  - { id: cheap-long, title: Cheap and long, price: 100, hours: 30, format: online, availability: ${open}, credits: [{ body: nasm, units: 1.9 }] }
  - { id: dear-short, title: Dear and short, price: 300, hours: 19, format: in-person, availability: ${open}, credits: [{ body: nasm, units: 1.9 }] }
`);
    const person = profile([{ id: 'nasm', program: 'nasm-cpt', earned: '2026-03-15' }]);
    let solves = 0;
    const counting: MilpSolver = { ...highsSolver, solve: (milp, o) => { solves++; return highsSolver.solve(milp, o); } };
    const result = await plan(catalog, choice, person, d('2026-03-15'), { horizon: { cycles: 1 }, solver: counting });
    expect(result.status).toBe('optimal');
    expect(result.totals.cost).toBe(result.greedy.totals.cost);
    expect(solves).toBe(0);
  });

  it('leaves the proof to the guesses where the bound is below the optimum, with the same answer as the plain model', async () => {
    const courses = realisticCourses(catalog, { offerings: 300, seed: 4 });
    const person = benchProfile(6);
    const reduced = await plan(catalog, courses, person, BENCH_AS_OF, options);
    const plain = await plan(catalog, courses, person, BENCH_AS_OF, { ...options, reductions: false });
    expect(reduced.status).toBe('optimal');
    expect(reduced.totals.cost).toBe(plain.totals.cost);
    expect(reduced.stats.coreSlots).toBeGreaterThan(0);
    expectAccepted(reduced, person, BENCH_AS_OF, courses);
  }, 60_000);
});
