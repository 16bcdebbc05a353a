/**
 * Planner benchmark: solve time and proven optimality against catalog size (100, 1,000, 5,000 offerings)
 * and credentials (1, 3, 6), two cycles each, for the reduced pipeline (HiGHS), the same pipeline with
 * GLPK as the MILP solver, and the plain model handed to HiGHS. Not a test: it prints a table.
 *
 *   npm run bench                      # full run (plain model limited to 60 s per instance)
 *   npm run bench -- --quick           # one seed, plain model only up to 1,000 offerings
 *   npm run bench -- --plain-limit 20  # another limit for the plain model
 *   npm run bench -- --target --seeds 20   # only 5,000 offerings × 6 credentials, 20 seeds
 *
 * Timing: wall clock around `plan()` (building the model, greedy, LP, MILP; not catalog generation), in
 * one process after warm-up runs, so that V8 and the WebAssembly tiers are compiled; the first call in a
 * fresh process (what one CLI run pays) is measured separately, in a child process.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { readCatalogDir } from '../src/io/read-catalog-dir.js';
import { plan } from '../src/planner/plan.js';
import type { PlanResult } from '../src/planner/plan-result.js';
import { glpkSolver } from '../src/planner/solve-glpk.js';
import type { CalendarDate } from '../src/shared/calendar-date.js';
import { BENCH_AS_OF, BENCH_BODIES, benchProfile } from './bench-profiles.js';
import { generateCourses } from './generate-courses.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const plainLimit = Number(args[args.indexOf('--plain-limit') + 1] ?? 60) || 60;
const SIZES_ALL = [100, 1000, 5000];
const CREDENTIALS_ALL = [1, 3, 6];
const seedCount = Number(args[args.indexOf('--seeds') + 1] ?? 3) || 3;
const SEEDS = quick ? [1] : Array.from({ length: seedCount }, (_, i) => i + 1);
const only = args.includes('--target');
const TO = '2031-12-31' as CalendarDate;
const catalog = readCatalogDir();
// --target: only the 5,000 × 6 cell (the target), e.g. with --seeds 20.
const SIZES = only ? [5000] : SIZES_ALL;
const CREDENTIALS = only ? [6] : CREDENTIALS_ALL;

interface Run { ms: number; result: PlanResult }

async function timed(offerings: number, credentials: number, seed: number, extra: Parameters<typeof plan>[4] = {}): Promise<Run> {
  const courses = generateCourses(catalog, { offerings, seed, bodies: BENCH_BODIES, from: BENCH_AS_OF, to: TO });
  const start = performance.now();
  const result = await plan(catalog, courses, benchProfile(credentials), BENCH_AS_OF, { horizon: { cycles: 2 }, timeLimitSeconds: 60, ...extra });
  return { ms: performance.now() - start, result };
}

function status(r: PlanResult): string {
  if (r.status === 'optimal') return 'optimal';
  return r.gap === null ? 'limit, no bound' : `limit, gap ${(100 * r.gap).toFixed(2)}%`;
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

async function main(): Promise<void> {
  if (args.includes('--cold-child')) {
    if (args.includes('--liftoff-only')) setFlagsFromString('--liftoff-only');
    const run = await timed(5000, 6, 1);
    process.stdout.write(JSON.stringify({ ms: run.ms, status: run.result.status }));
    return;
  }
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log('Warming up (two runs of each size, not timed)...');
  for (const size of SIZES) for (const seed of [901, 902]) await timed(size, 6, seed);

  console.log('\n| offerings | credentials | cycles planned | reduced (HiGHS) median [min–max] | proven optimal | slots → in final MILP | reduced, GLPK as MILP solver | plain model (HiGHS) | plain ÷ reduced | greedy ÷ optimum |');
  console.log('|---:|---:|---:|---|---|---|---|---|---:|---:|');
  for (const size of SIZES) {
    for (const credentials of CREDENTIALS) {
      const runs: Run[] = [];
      for (const seed of SEEDS) runs.push(await timed(size, credentials, seed));
      const glpk: Run[] = [];
      for (const seed of SEEDS) glpk.push(await timed(size, credentials, seed, { solver: glpkSolver }));
      const optimal = runs.filter((r) => r.result.status === 'optimal').length;
      const first = runs[0]!.result;
      for (const [k, r] of glpk.entries()) if (r.result.totals.cost !== runs[k]!.result.totals.cost) console.error(`MISMATCH glpk ${size}/${credentials}/seed ${SEEDS[k]}`);
      let plainCell = 'skipped (--quick)';
      let ratio = '–';
      if (!quick || size <= 1000) {
        const plain = await timed(size, credentials, SEEDS[0]!, { reductions: false, timeLimitSeconds: plainLimit });
        if (plain.result.status === 'optimal' && plain.result.totals.cost !== first.totals.cost) console.error(`MISMATCH plain ${size}/${credentials}`);
        plainCell = `${fmt(plain.ms)}, ${status(plain.result)}`;
        ratio = `${(plain.ms / runs[0]!.ms).toFixed(1)}×${plain.result.status === 'optimal' ? '' : ' (at least)'}`;
      }
      const times = runs.map((r) => r.ms);
      const greedy = runs.map((r) => r.result.greedy.totals.cost / Math.max(1, r.result.totals.cost));
      console.log(`| ${size} | ${credentials} | ${first.cycles.length} | ${fmt(median(times))} [${fmt(Math.min(...times))}–${fmt(Math.max(...times))}] | ${optimal}/${runs.length} | ${first.stats.slots} → ${first.stats.coreSlots} | ${fmt(median(glpk.map((r) => r.ms)))} | ${plainCell} | ${ratio} | ${median(greedy).toFixed(2)} |`);
    }
  }
  const cold = (extra: string[]): { ms: number; status: string } =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--cold-child', ...extra], { encoding: 'utf8' })) as { ms: number; status: string };
  const plainCold = cold([]);
  const cliCold = cold(['--liftoff-only']);
  console.log(`\nFirst call in a fresh process (5,000 offerings × 6 credentials, seed 1, includes compiling HiGHS's WebAssembly and JIT warm-up): ${fmt(plainCold.ms)}, ${plainCold.status}; with V8's --liftoff-only as \`recert plan\` sets it: ${fmt(cliCold.ms)}, ${cliCold.status}.`);
}

await main();
