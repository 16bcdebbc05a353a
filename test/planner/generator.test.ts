/** The synthetic catalog generator makes valid, deterministic catalogs with the documented shape. */
import { describe, expect, it } from 'vitest';
import { courseFileYaml, generateCourseFile, generateCourses } from '../../bench/generate-courses.js';
import { BENCH_AS_OF, BENCH_BODIES } from '../../bench/bench-profiles.js';
import { buildCourseCatalog } from '../../src/catalog/build-course-catalog.js';
import { catalog, d } from './helpers.js';

const options = { offerings: 300, seed: 7, bodies: BENCH_BODIES, from: BENCH_AS_OF, to: d('2031-12-31') };

describe('generate-courses', () => {
  it('writes a course file the loader accepts, with the same offerings as the in-memory catalog', () => {
    const loaded = buildCourseCatalog([{ file: 'synthetic.yaml', text: courseFileYaml(generateCourseFile(catalog, options)) }], catalog);
    expect(loaded.offerings).toEqual(generateCourses(catalog, options).offerings);
  });

  it('is deterministic per seed and follows the documented ranges', () => {
    const file = generateCourseFile(catalog, options);
    expect(generateCourseFile(catalog, options)).toEqual(file);
    const ordinary = file.offerings.filter((o) => o.earns === undefined);
    expect(file.offerings).toHaveLength(300);
    for (const o of ordinary) {
      expect(o.hours).toBeGreaterThanOrEqual(1);
      expect(o.hours).toBeLessThanOrEqual(20);
      expect(o.price / o.hours).toBeGreaterThanOrEqual(10);
      expect(o.price / o.hours).toBeLessThanOrEqual(30);
      expect(o.credits.length).toBeGreaterThanOrEqual(1);
      expect(o.credits.length).toBeLessThanOrEqual(4);
    }
    expect(file.offerings.filter((o) => o.earns === 'cpr-aed')).toHaveLength(3);
  });
});
