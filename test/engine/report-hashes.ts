/**
 * Fingerprints of everything `evaluate` answers — each report as JSON (findings and sentences
 * included) and the activity summary built from it — on seeded wallets of both bench shapes and
 * several as-of dates, and on random wallets from the fuzz tests' arbitrary. A speed change must leave every fingerprint as it was.
 *
 * report-hashes.json holds the fingerprints computed by the engine before its speed rounds (decision
 * 0013), with a fingerprint of the inputs (the catalog files and the wallet generator). When an input
 * or the engine's answers change on purpose, write the file again from the new engine:
 *
 *   npx tsx test/engine/report-hashes.ts --write
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { generateWallets, type Shape } from '../../bench/generate-wallets.js';
import { summarizeActivities } from '../../src/engine/activity-summary.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { DEFAULT_CATALOG_DIR, readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { readDataFiles } from '../../src/io/read-data-files.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import type { CalendarDate } from '../../src/shared/calendar-date.js';
import { profileArb } from '../fuzz/profile-arbitrary.js';

export const FIXTURE = fileURLToPath(new URL('report-hashes.json', import.meta.url));
const GENERATORS = ['../../bench/generate-wallets.ts', '../fuzz/profile-arbitrary.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url)));

/** The two bench shapes, and random wallets from the fuzz tests' arbitrary (late, duplicate and early renewals, caps, grants). */
export const SHAPES = ['uniform', 'career', 'random'] as const;
export type WalletSet = (typeof SHAPES)[number];
const AS_OF = ['2016-03-01', '2018-07-01', '2021-02-28', '2024-12-31', '2026-06-01', '2030-01-01'] as CalendarDate[];
const SEEDS = [1, 2, 3, 4, 5];

export interface ReportHashes {
  /** The catalog files and the wallet generator the fingerprints were computed from. */
  readonly inputs: string;
  readonly reports: Record<WalletSet, string>;
  /** How many reports each fingerprint covers. */
  readonly count: Record<WalletSet, number>;
}

export function inputsHash(): string {
  const hash = createHash('sha256');
  for (const { file, text } of readDataFiles(DEFAULT_CATALOG_DIR, 'catalog folder')) hash.update(`${basename(file)}\0${text}\0`);
  for (const generator of GENERATORS) hash.update(readFileSync(generator, 'utf8'));
  hash.update(fc.__version);
  return hash.digest('hex');
}

function walletsOf(set: WalletSet): Profile[] {
  const catalog = readCatalogDir();
  if (set === 'random') return fc.sample(profileArb(catalog, { maxActivities: 40 }), { seed: 20261125, numRuns: 400 });
  const shape: Shape = set;
  return SEEDS.flatMap((seed) => generateWallets(catalog, { people: 25, credentials: 2 + (seed % 4), activities: 10 + seed * 13, shape, seed: seed * 7919 }));
}

/** The fingerprint of every report (and its activity summary) on the wallets of `set`. */
export function reportsHash(set: WalletSet): { hash: string; count: number } {
  const catalog = readCatalogDir();
  const hash = createHash('sha256');
  let count = 0;
  for (const profile of walletsOf(set)) {
    for (const asOf of AS_OF) {
      const report = evaluate(catalog, profile, asOf);
      hash.update(JSON.stringify(report));
      hash.update(JSON.stringify(summarizeActivities(report, profile)));
      count++;
    }
  }
  return { hash: hash.digest('hex'), count };
}

export function computeReportHashes(): ReportHashes {
  const [uniform, career, random] = SHAPES.map(reportsHash) as [ReturnType<typeof reportsHash>, ReturnType<typeof reportsHash>, ReturnType<typeof reportsHash>];
  return {
    inputs: inputsHash(),
    reports: { uniform: uniform.hash, career: career.hash, random: random.hash },
    count: { uniform: uniform.count, career: career.count, random: random.count },
  };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  writeFileSync(FIXTURE, `${JSON.stringify(computeReportHashes(), null, 2)}\n`);
  process.stdout.write(`wrote ${FIXTURE}\n`);
}
