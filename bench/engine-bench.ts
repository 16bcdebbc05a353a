/**
 * Engine benchmark: `evaluate(catalog, profile, asOf)` on generated wallets, timed in a fresh
 * process that reads the catalog folder and the wallets file, as the CLI and the server do.
 *
 *   npm run bench:engine              # both targets, both generators
 *
 * Targets (issue 13): 10,000 people × 4 credentials × 50 activities evaluated in under 1 s on one
 * core; one wallet of 20,000 activities in under 100 ms. Each case: wallets are generated into a
 * temporary file by bench/generate-wallets.ts (two shapes), then a child process reads them, runs one
 * warm-up pass, and reports the best and median of 5 timed passes (wall clock around evaluate only).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../src/engine/evaluate.js';
import { readCatalogDir } from '../src/io/read-catalog-dir.js';
import { parseProfile } from '../src/profile/parse-profile.js';
import type { Profile } from '../src/profile/profile-schema.js';
import type { CalendarDate } from '../src/shared/calendar-date.js';

const AS_OF = '2026-06-01' as CalendarDate;
const HERE = fileURLToPath(new URL('.', import.meta.url));

interface Case { readonly name: string; readonly people: number; readonly credentials: number; readonly activities: number; readonly targetMs: number }
const CASES: Case[] = [
  { name: '10,000 people × 4 credentials × 50 activities', people: 10_000, credentials: 4, activities: 50, targetMs: 1000 },
  { name: '1 wallet × 4 credentials × 20,000 activities', people: 1, credentials: 4, activities: 20_000, targetMs: 100 },
];

if (process.argv[2] === '--child') {
  // A fresh process: read the catalog and the wallets from files, validate them as the CLI does, then time.
  const catalog = readCatalogDir();
  const file = process.argv[3]!;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  const wallets: Profile[] = raw.map((w) => parseProfile(JSON.stringify(w), file, catalog));
  const pass = (): number => {
    const started = process.hrtime.bigint();
    for (const wallet of wallets) evaluate(catalog, wallet, AS_OF);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  pass();
  const times = Array.from({ length: 5 }, pass).sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ best: times[0], median: times[2] }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'recert-engine-bench-'));
  process.stdout.write(`engine benchmark (Node ${process.version}, ${cpus()[0]?.model ?? '?'} × ${cpus().length}, load ${loadavg()[0]!.toFixed(1)}), as of ${AS_OF}\n\n`);
  process.stdout.write('| Case | Generator | Best | Median | Target | Met |\n|---|---|---|---|---|---|\n');
  let failed = false;
  try {
    for (const c of CASES) {
      for (const shape of ['uniform', 'career']) {
        const file = join(dir, `${shape}-${c.people}-${c.activities}.json`);
        execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'generate-wallets.ts'), '--people', String(c.people), '--credentials', String(c.credentials), '--activities', String(c.activities), '--shape', shape, '--out', file]);
        const result = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8' })) as { best: number; median: number };
        const met = result.median < c.targetMs;
        failed ||= !met;
        process.stdout.write(`| ${c.name} | ${shape} | ${result.best.toFixed(0)} ms | ${result.median.toFixed(0)} ms | < ${c.targetMs} ms | ${met ? 'yes' : 'NO'} |\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}
