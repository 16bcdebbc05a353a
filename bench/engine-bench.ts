/**
 * Engine benchmark: `evaluate(catalog, profile, asOf)` on generated wallets, timed in a fresh
 * process running the compiled code (dist/, as the CLI and the server run it) that reads the catalog
 * folder and the wallets file.
 *
 *   npm run bench:engine              # builds, then both targets, both generators
 *
 * Targets (issue 13): 10,000 people × 4 credentials × 50 activities evaluated in under 1 s on one
 * core; one wallet of 20,000 activities in under 100 ms. Each case: wallets are generated into a
 * temporary file by bench/generate-wallets.ts (two shapes), then a child process reads them, runs one
 * warm-up pass, and reports the best and median of 5 timed passes: wall clock and CPU time of the
 * process around evaluate only (CPU time is what "on one core" means; on a loaded machine the wall
 * clock also counts waiting for a core). evaluate builds each report's findings and sentences when
 * they are first read; the last column reads every sentence of every report too (what `recert check`
 * and the status route do), so neither figure hides the other.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profile } from '../src/profile/profile-schema.js';
import type { CalendarDate } from '../src/shared/calendar-date.js';

const AS_OF = '2026-06-01' as CalendarDate;
const HERE = fileURLToPath(new URL('.', import.meta.url));
const DIST = join(HERE, '..', 'dist');

interface Case { readonly name: string; readonly people: number; readonly credentials: number; readonly activities: number; readonly targetMs: number }
const CASES: Case[] = [
  { name: '10,000 people × 4 credentials × 50 activities', people: 10_000, credentials: 4, activities: 50, targetMs: 1000 },
  { name: '1 wallet × 4 credentials × 20,000 activities', people: 1, credentials: 4, activities: 20_000, targetMs: 100 },
];

if (process.argv[2] === '--child') {
  // A fresh process on the compiled code: read the catalog and the wallets from files, validate them as the CLI does, then time.
  const { evaluate } = await import(join(DIST, 'engine', 'evaluate.js')) as typeof import('../src/engine/evaluate.js');
  const { readCatalogDir } = await import(join(DIST, 'io', 'read-catalog-dir.js')) as typeof import('../src/io/read-catalog-dir.js');
  const { parseProfile } = await import(join(DIST, 'profile', 'parse-profile.js')) as typeof import('../src/profile/parse-profile.js');
  const catalog = readCatalogDir();
  const file = process.argv[3]!;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  const wallets: Profile[] = raw.map((w) => parseProfile(JSON.stringify(w), file, catalog));
  const pass = (readSentences: boolean) => (): { wall: number; cpu: number } => {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (const wallet of wallets) {
      const report = evaluate(catalog, wallet, AS_OF);
      if (readSentences) for (const credential of report.credentials) void credential.explanation.length;
    }
    const used = process.cpuUsage(cpu);
    return { wall: Number(process.hrtime.bigint() - started) / 1e6, cpu: (used.user + used.system) / 1000 };
  };
  const stats = (readSentences: boolean) => {
    pass(readSentences)();
    const runs = Array.from({ length: 5 }, pass(readSentences));
    const sorted = (key: 'wall' | 'cpu') => runs.map((r) => r[key]).sort((a, b) => a - b);
    return { best: sorted('wall')[0]!, median: sorted('wall')[2]!, cpu: sorted('cpu')[2]! };
  };
  const plain = stats(false);
  const withSentences = stats(true);
  process.stdout.write(JSON.stringify({ ...plain, sentences: withSentences.median }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'recert-engine-bench-'));
  process.stdout.write(`engine benchmark (Node ${process.version}, ${cpus()[0]?.model ?? '?'} × ${cpus().length}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}), as of ${AS_OF}\n\n`);
  process.stdout.write('| Case | Generator | Best | Median | CPU time, median | Target (median) | Met | Median with every sentence read |\n|---|---|---|---|---|---|---|---|\n');
  let failed = false;
  try {
    for (const c of CASES) {
      for (const shape of ['uniform', 'career']) {
        const file = join(dir, `${shape}-${c.people}-${c.activities}.json`);
        execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'generate-wallets.ts'), '--people', String(c.people), '--credentials', String(c.credentials), '--activities', String(c.activities), '--shape', shape, '--out', file]);
        const result = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8' })) as { best: number; median: number; cpu: number; sentences: number };
        const met = result.median < c.targetMs;
        failed ||= !met;
        process.stdout.write(`| ${c.name} | ${shape} | ${result.best.toFixed(0)} ms | ${result.median.toFixed(0)} ms | ${result.cpu.toFixed(0)} ms | < ${c.targetMs} ms | ${met ? 'yes' : 'NO'} | ${result.sentences.toFixed(0)} ms |\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`\nload average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  if (failed) process.exitCode = 1;
}
