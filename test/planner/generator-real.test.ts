/** The second, realistic generator writes valid catalogs with the documented shape, and its dates sit on the bench person's deadlines. */
import { describe, expect, it } from 'vitest';
import { BENCH_AS_OF, BENCH_DEADLINES, benchProfile } from '../../bench/bench-profiles.js';
import { generateRealisticCatalog, generateRealisticFiles, keyDates, realisticCourses } from '../../bench/generate-courses-real.js';
import { plan } from '../../src/planner/plan.js';
import { catalog, d } from './helpers.js';

const options = { offerings: 1000, seed: 3 };

describe('generate-courses-real', () => {
  const files = generateRealisticFiles(catalog, options);
  const offerings = files.flatMap((f) => f.data.offerings);
  const ordinary = offerings.filter((o) => o.earns === undefined);

  it('writes exactly the offerings asked for, split across .yaml, .yml and .json files the loader accepts', () => {
    expect(offerings).toHaveLength(1000);
    expect(new Set(files.map((f) => f.name.slice(f.name.lastIndexOf('.'))))).toEqual(new Set(['.yaml', '.yml', '.json']));
    expect(realisticCourses(catalog, options).offerings).toHaveLength(1000);
    expect(generateRealisticCatalog(catalog, options)).toEqual(generateRealisticCatalog(catalog, options));
  });

  it('has the properties of real catalogs: one or two bodies, cents, dated sessions, windows, bundles, copies', () => {
    const fewBodies = ordinary.filter((o) => o.credits.length <= 2).length / ordinary.length;
    expect(fewBodies).toBeGreaterThan(0.85);
    expect(ordinary.filter((o) => !Number.isInteger(o.price)).length / ordinary.length).toBeGreaterThan(0.5);
    const dated = ordinary.filter((o) => o.availability.kind === 'sessions').length / ordinary.length;
    expect(dated).toBeGreaterThan(0.12);
    expect(dated).toBeLessThan(0.3);
    expect(ordinary.some((o) => o.availability.kind === 'self-paced' && o.availability.from !== undefined && o.availability.until !== undefined)).toBe(true);
    expect(ordinary.some((o) => o.title.startsWith('Bundle of'))).toBe(true);
    expect(ordinary.some((o) => o.title.includes(' via '))).toBe(true);
    expect(ordinary.some((o) => o.title.endsWith(', sale'))).toBe(true);
    const keys = new Set(keyDates(BENCH_DEADLINES, BENCH_AS_OF, d('2031-12-31')));
    const onKey = ordinary.flatMap((o) => (o.availability.kind === 'sessions' ? o.availability.dates : [])).filter((date) => keys.has(date));
    expect(onKey.length).toBeGreaterThan(20);
    for (const deadline of BENCH_DEADLINES) expect(keys.has(deadline)).toBe(true);
  });

  it("uses the bench person's real deadlines", async () => {
    const result = await plan(catalog, realisticCourses(catalog, { offerings: 150, seed: 1 }), benchProfile(6), BENCH_AS_OF, { horizon: { cycles: 2 } });
    const deadlines = new Set([...result.cycles.map((c) => c.end), ...result.infeasible.map((i) => i.end)]);
    for (const deadline of deadlines) expect(BENCH_DEADLINES).toContain(deadline);
  }, 120_000);
});
