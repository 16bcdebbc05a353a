/**
 * checkCourseFileFast accepts only what courseFileSchema accepts and returns what it returns: on
 * files of both course generators, on every shipped course file, and on one-field mutations of them
 * (wrong types, bounds, impossible dates, unknown keys, bad URLs), either both accept with the same
 * value (same key order) or the fast check defers (undefined) and zod decides.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateCourseFile } from '../../bench/generate-courses.js';
import { generateRealisticFiles } from '../../bench/generate-courses-real.js';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { courseFileSchema } from './course-schema.js';
import { checkCourseFileFast } from './fast-course-check.js';

const catalog = readCatalogDir();
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function agree(value: unknown): 'both' | 'deferred' {
  const fast = checkCourseFileFast(value);
  if (fast === undefined) return 'deferred';
  const slow = courseFileSchema.safeParse(value);
  expect(slow.success, JSON.stringify(value).slice(0, 300)).toBe(true);
  if (slow.success) {
    expect(fast).toStrictEqual(slow.data);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
  }
  return 'both';
}

const BAD: unknown[] = [undefined, '', 'Not-A-Slug', '2026-02-30', '2026-13-01', 'not a url', 'ftp:/x', 0, -1, 1.5, 0.001, Number.NaN, null, true, [], {}, { extra: 1 }, { kind: 'sessions', dates: [] }, { kind: 'recurring', first: '2026-01-01', every: { weeks: 0 }, until: '2026-06-01' }];

describe('checkCourseFileFast', () => {
  it('returns what zod returns on files of both generators', () => {
    const files = [
      generateCourseFile(catalog, { offerings: 300, seed: 2, bodies: ['nasm', 'ace', 'acsm', 'nsca', 'issa'], from: '2026-01-01' as CalendarDate, to: '2028-12-31' as CalendarDate }),
      ...generateRealisticFiles(catalog, { offerings: 300, seed: 2 }).map((f) => f.data),
    ];
    for (const file of files) expect(agree(clone(file))).toBe('both');
  });

  it('returns what zod returns on every shipped course file, and never accepts a one-field mutation zod refuses', () => {
    const dir = join(import.meta.dirname, '..', '..', 'catalog', 'courses');
    let mutations = 0;
    for (const name of readdirSync(dir).filter((n) => /\.(ya?ml|json)$/.test(n))) {
      const data = jsyaml.load(readFileSync(join(dir, name), 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as Record<string, unknown>;
      expect(agree(clone(data))).toBe('both');
      const offerings = data.offerings as Record<string, unknown>[];
      for (const key of [...Object.keys(offerings[0]!), 'extra', 'url', 'note', 'earns', 'repeatable']) {
        for (const bad of BAD) {
          const mutated = clone(data) as { offerings: Record<string, unknown>[] };
          mutated.offerings[0]![key] = bad;
          agree(mutated);
          mutations++;
        }
      }
      const withCredits = offerings.findIndex((o) => Array.isArray(o.credits) && o.credits.length > 0);
      for (const key of ['body', 'units', 'category', 'extra']) {
        for (const bad of BAD) {
          const mutated = clone(data) as { offerings: { credits: Record<string, unknown>[] }[] };
          mutated.offerings[withCredits]!.credits[0]![key] = bad;
          agree(mutated);
          mutations++;
        }
      }
      for (const key of ['schemaVersion', 'sampleData', 'note', 'provider', 'extra']) {
        for (const bad of BAD) {
          const mutated = clone(data);
          mutated[key] = bad;
          agree(mutated);
          mutations++;
        }
      }
    }
    expect(mutations).toBeGreaterThan(500);
  });
});
