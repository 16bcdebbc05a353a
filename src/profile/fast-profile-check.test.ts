/**
 * checkProfileFast accepts exactly what profileSchema accepts and returns what it returns: on
 * generated profiles, on every example profile, and on single-field mutations of them (wrong types,
 * bounds, impossible dates, unknown keys), either both accept with the same value (same key order) or
 * the fast check defers (undefined) and zod decides.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateWallets } from '../../bench/generate-wallets.js';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import { checkProfileFast } from './fast-profile-check.js';
import { profileSchema } from './profile-schema.js';

const catalog = readCatalogDir();

function agree(value: unknown): 'both' | 'deferred' {
  const fast = checkProfileFast(value);
  const slow = profileSchema.safeParse(value);
  if (fast === undefined) return 'deferred';
  expect(slow.success, JSON.stringify(value).slice(0, 300)).toBe(true);
  if (slow.success) {
    expect(fast).toStrictEqual(slow.data);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
  }
  return 'both';
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const reversedKeys = (value: unknown): unknown => Array.isArray(value)
  ? value.map(reversedKeys)
  : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) : value;

/** Values that break one field in a different way each. */
const BAD: unknown[] = ['', ' ', '.', '..', 'a\u0007b', 'x'.repeat(101), 'x'.repeat(501), 'Not-A-Slug', '2026-02-30', '2026-13-01', '1899-12-31', '2026-1-01', 0, -1, 0.0001, 1.0005, 10_000.5, Number.NaN, null, true, [], {}, { extra: 1 }];

describe('checkProfileFast', () => {
  it('returns what zod returns on generated profiles of both shapes', () => {
    for (const shape of ['uniform', 'career'] as const) {
      for (const profile of generateWallets(catalog, { people: 30, credentials: 4, activities: 40, shape, seed: 7 })) {
        expect(agree(clone(profile))).toBe('both');
        // Keys in another order than the schema's: rebuilt in the schema's order, as zod does.
        expect(agree(reversedKeys(clone(profile)))).toBe('both');
      }
    }
  });

  it('returns what zod returns on every example profile, and defers on every one-field mutation zod refuses', () => {
    const dir = join(import.meta.dirname, '..', '..', 'examples');
    const files = readdirSync(dir).filter((name) => /\.(ya?ml|json)$/.test(name));
    let mutations = 0;
    for (const name of files) {
      const text = readFileSync(join(dir, name), 'utf8');
      const data = name.endsWith('.json') ? JSON.parse(text) as unknown : jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
      if (!profileSchema.safeParse(data).success) continue;
      expect(agree(clone(data))).toBe('both');
      const profile = clone(data) as Record<string, Record<string, unknown>[]>;
      for (const listName of ['credentials', 'renewals', 'activities']) {
        const first = profile[listName]?.[0];
        if (first === undefined) continue;
        const keys = [...Object.keys(first), 'extra', ...(listName === 'activities' ? ['hours', 'provider'] : []), ...(listName === 'credentials' ? ['number'] : [])];
        for (const key of keys) {
          for (const bad of BAD) {
            const mutated = clone(profile);
            mutated[listName]![0]![key] = bad;
            agree(mutated);
            mutations++;
          }
        }
        const credits = (first.credits as Record<string, unknown>[] | undefined)?.[0];
        if (credits !== undefined) {
          for (const key of ['body', 'units', 'category', 'extra']) {
            for (const bad of BAD) {
              const mutated = clone(profile);
              ((mutated.activities![0]!.credits as Record<string, unknown>[])[0]!)[key] = bad;
              agree(mutated);
              mutations++;
            }
          }
        }
      }
    }
    expect(mutations).toBeGreaterThan(100);
  });

  it('defers on anything that is not a plain profile object', () => {
    for (const value of [null, [], 'x', 1, { credentials: null }, { credentials: [], other: [] }, { activities: [{ id: 'a' }] }]) {
      expect(checkProfileFast(value)).toBeUndefined();
    }
    expect(checkProfileFast({})).toStrictEqual(profileSchema.parse({}));
  });
});
