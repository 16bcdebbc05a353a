/**
 * Symmetry breaking among interchangeable offerings (src/planner/symmetry.ts) never changes the optimum.
 * Catalogs from both generators get copies of some of their offerings (same hours, units, dates and
 * bodies; some cheaper, some dearer, some at the same price with more hours, some priced lower but longer):
 * the chain rows are found, and the reduced pipeline (with the rows), the plain model (without them) and
 * GLPK agree on the optimum, and the engine accepts the plans.
 */
import { describe, expect, it } from 'vitest';
import { BENCH_AS_OF, BENCH_BODIES, benchProfile } from '../../bench/bench-profiles.js';
import { generateCourses, prng } from '../../bench/generate-courses.js';
import { realisticCourses } from '../../bench/generate-courses-real.js';
import type { CourseCatalog } from '../../src/catalog/course-catalog.js';
import type { Offering } from '../../src/catalog/course-schema.js';
import { plan } from '../../src/planner/plan.js';
import { resolveOptions } from '../../src/planner/plan-options.js';
import { buildBuckets } from '../../src/planner/buckets.js';
import { buildSlots } from '../../src/planner/slots.js';
import { symmetryChains } from '../../src/planner/symmetry.js';
import { planTargets } from '../../src/planner/targets.js';
import { glpkSolver } from '../../src/planner/solve-glpk.js';
import { catalog, d, expectAccepted } from './helpers.js';

/** The catalog with `copies` copies of randomly chosen non-repeatable offerings, priced and timed around the original. */
function withCopies(courses: CourseCatalog, seed: number, copies: number): CourseCatalog {
  const random = prng(seed * 7919);
  const originals = courses.offerings.filter((o) => !o.repeatable);
  const added: Offering[] = [];
  for (let k = 0; k < copies; k++) {
    const o = originals[Math.floor(random() * originals.length)]!;
    const variant = k % 4;
    const priceCents = variant === 0 ? Math.max(0, o.priceCents - 1 - Math.floor(random() * 500)) : variant === 1 ? o.priceCents + 1 + Math.floor(random() * 500) : variant === 2 ? o.priceCents : Math.max(0, o.priceCents - 100);
    const hours = variant === 2 || variant === 3 ? o.hours + 1 : o.hours;
    added.push({ ...o, id: `${o.id}-copy${k}`, provider: `${o.provider}-reseller`, priceCents, hours });
  }
  return { ...courses, offerings: [...courses.offerings, ...added] };
}

describe('symmetry rows among interchangeable offerings keep the optimum', () => {
  const cases = [
    { generator: 'bench', seed: 11, offerings: 40, copies: 30, credentials: 3 },
    { generator: 'bench', seed: 12, offerings: 50, copies: 40, credentials: 6 },
    { generator: 'real', seed: 13, offerings: 60, copies: 40, credentials: 3 },
    { generator: 'real', seed: 14, offerings: 80, copies: 40, credentials: 6 },
  ] as const;
  for (const { generator, seed, offerings, copies, credentials } of cases) {
    it(`${generator === 'bench' ? 'synthetic' : 'realistic'} catalog of ${offerings} offerings and ${copies} copies, ${credentials} credentials, seed ${seed}`, async () => {
      const base = generator === 'bench'
        ? generateCourses(catalog, { offerings, seed, bodies: BENCH_BODIES, from: BENCH_AS_OF, to: d('2031-12-31') })
        : realisticCourses(catalog, { offerings, seed });
      const courses = withCopies(base, seed, copies);
      const person = benchProfile(credentials);
      const options = { horizon: { cycles: 2 }, timeLimitSeconds: 60 };

      // The rows exist: copies at the same or a higher cost, price and hours follow their original.
      const resolved = resolveOptions(options);
      const targets = planTargets(catalog, person, BENCH_AS_OF, resolved);
      const slots = buildSlots(courses.offerings, buildBuckets(targets.requirements, BENCH_AS_OF, true), targets.requirements, resolved, true);
      expect(symmetryChains(slots, courses.offerings, resolved).length).toBeGreaterThan(0);

      const reduced = await plan(catalog, courses, person, BENCH_AS_OF, options);
      const plain = await plan(catalog, courses, person, BENCH_AS_OF, { ...options, reductions: false });
      expect([reduced.status, plain.status]).toEqual(['optimal', 'optimal']);
      expect(reduced.totals.cost).toBe(plain.totals.cost);
      expect(reduced.infeasible).toEqual(plain.infeasible);
      if (reduced.infeasible.length === 0) {
        const glpk = await plan(catalog, courses, person, BENCH_AS_OF, { ...options, solver: glpkSolver });
        expect(glpk.status).toBe('optimal');
        expect(glpk.totals.cost).toBe(reduced.totals.cost);
      }
      expectAccepted(reduced, person, BENCH_AS_OF, courses);
      expectAccepted(plain, person, BENCH_AS_OF, courses);
    }, 180_000);
  }
});

describe('symmetryChains', () => {
  it('chains copies by cost, price and hours, and links none whose price or hours go the other way', () => {
    const courses = realisticCourses(catalog, { offerings: 30, seed: 5 });
    const original = courses.offerings.find((o) => !o.repeatable && o.earns === undefined)!;
    const copy = (id: string, priceCents: number, hours: number): Offering => ({ ...original, id, priceCents, hours });
    const offerings = [original, copy('cheaper', original.priceCents - 100, original.hours), copy('longer', original.priceCents, original.hours + 2), copy('cheap-but-long', original.priceCents - 200, original.hours + 5)];
    const resolved = resolveOptions({ horizon: { cycles: 2 } });
    const targets = planTargets(catalog, benchProfile(6), BENCH_AS_OF, resolved);
    const slots = buildSlots(offerings, buildBuckets(targets.requirements, BENCH_AS_OF, true), targets.requirements, resolved, true);
    // Sorted by cost: cheap-but-long (3), cheaper (1), original (0), longer (2). cheap-but-long → cheaper is
    // not a chain link (it takes more hours), so only cheaper → original → longer.
    expect(symmetryChains(slots, offerings, resolved)).toEqual([[1, 0], [0, 2]]);
  });
});

describe('buildSlots', () => {
  it('gives each offering its own units, whatever characters its body and category names hold', () => {
    // A joined key would read `nasm` + category `x:` and body `nasm:x` as one shape; the planner does not
    // require the course schema's slugs, so names like these must not mix two offerings' credits.
    const base = { title: 't', provider: 'p', providerName: 'P', priceCents: 1000, hours: 2, format: 'online', availability: { kind: 'self-paced' }, repeatable: false, sampleData: true } as const;
    const offerings: Offering[] = [
      { ...base, id: 'b', credits: [{ body: 'nasm', milli: 2000, category: 'x:' }] },
      { ...base, id: 'a', credits: [{ body: 'nasm:x', milli: 5000 }] },
      { ...base, id: 'c', credits: [{ body: 'nasm', milli: 700, category: 'x' }, { body: ',', milli: 9000 }] },
      { ...base, id: 'd', credits: [{ body: 'nasm', milli: 300, category: 'x,' }] },
    ] as unknown as Offering[];
    const resolved = resolveOptions({ horizon: { cycles: 2 } });
    const targets = planTargets(catalog, benchProfile(1), BENCH_AS_OF, resolved);
    const buckets = buildBuckets(targets.requirements, BENCH_AS_OF, true);
    const together = buildSlots(offerings, buckets, targets.requirements, resolved, true);
    offerings.forEach((offering, o) => {
      const alone = buildSlots([offering], buckets, targets.requirements, resolved, true);
      const mine = together.filter((slot) => slot.offering === o);
      expect(mine.map((slot) => slot.effects), offering.id).toEqual(alone.map((slot) => slot.effects));
    });
    expect(together.filter((slot) => slot.offering === 1)).toEqual([]);
    expect(together.filter((slot) => slot.offering === 0).flatMap((slot) => slot.effects.map((e) => (e.kind === 'credit' ? e.milli : 0)))).toContain(2000);
  });
});
