/**
 * The engine's speed rounds changed no answer: every report (findings and sentences included) and
 * activity summary on seeded wallets of both bench shapes and on random wallets hashes as the engine before them did
 * (report-hashes.json, see report-hashes.ts); the report is frozen all through although nothing walks
 * it any more; and the cycles an evaluation shares between credentials are those buildCycles gives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWallets } from '../../bench/generate-wallets.js';
import { buildCycles } from '../../src/engine/cycles.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { cyclesOnce } from '../../src/engine/held-credentials.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import type { CalendarDate } from '../../src/shared/calendar-date.js';
import { FIXTURE, inputsHash, reportsHash, SHAPES, type ReportHashes } from './report-hashes.js';

const BENCH_SHAPES = ['uniform', 'career'] as const;

const catalog = readCatalogDir();
const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as ReportHashes;

/**
 * Every object and array reachable from `value` through own properties that is not frozen. The lazy
 * findings are read too: their list and each finding are frozen, not the lists inside a finding (as
 * before the speed rounds), so the walk stops at a finding.
 */
function unfrozenPaths(value: unknown, path: string, out: string[]): string[] {
  if (typeof value !== 'object' || value === null) return out;
  if (!Object.isFrozen(value)) out.push(path);
  if (/\.findings\.\d+$/.test(path)) return out;
  for (const key of Object.keys(value)) unfrozenPaths((value as Record<string, unknown>)[key], `${path}.${key}`, out);
  return out;
}

describe('the engine after its speed rounds', () => {
  it('is fingerprinted from the catalog and generator the fixture was written for', () => {
    expect(inputsHash(), 'the catalog or bench/generate-wallets.ts changed: write the fixture again (npx tsx test/engine/report-hashes.ts --write) after checking that the engine itself is unchanged').toBe(expected.inputs);
  });

  for (const shape of SHAPES) {
    it(`answers exactly as before on ${shape} wallets (reports, findings, sentences and activity summaries)`, () => {
      const { hash, count } = reportsHash(shape);
      expect(count).toBe(expected.count[shape]);
      expect(hash).toBe(expected.reports[shape]);
    });
  }

  it('returns reports frozen all through, findings and sentences included', () => {
    for (const shape of BENCH_SHAPES) {
      for (const profile of generateWallets(catalog, { people: 20, credentials: 4, activities: 40, shape, seed: 11 })) {
        for (const asOf of ['2017-01-01', '2026-06-01'] as CalendarDate[]) {
          expect(unfrozenPaths(evaluate(catalog, profile, asOf), 'report', [])).toEqual([]);
        }
      }
    }
  });

  it('shares cycles between credentials that are the ones buildCycles gives each credential', () => {
    for (const shape of BENCH_SHAPES) {
      for (const profile of generateWallets(catalog, { people: 20, credentials: 5, activities: 5, shape, seed: 13 })) {
        for (const asOf of ['2017-01-01', '2022-03-31', '2026-06-01'] as CalendarDate[]) {
          const cyclesOf = cyclesOnce(profile, asOf);
          for (const credential of profile.credentials) {
            const program = catalog.programs.get(credential.program)!;
            const shared = cyclesOf(program, credential);
            expect(cyclesOf(program, credential)).toBe(shared);
            expect(shared).toEqual(buildCycles(program, credential, profile.renewals, asOf));
          }
        }
      }
    }
  });
});
