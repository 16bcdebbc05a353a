/**
 * Planner benchmark, measured as a user meets it: catalogs written to folders by two structurally
 * different generators (bench/generate-courses.ts: one YAML file shaped like the model;
 * bench/generate-courses-real.ts: provider files in .yaml/.yml/.json shaped like real catalogs), then
 * per generator, catalog size, number of credentials (two cycles each) and seed:
 *
 * - **fresh**: wall time of a new `node dist/cli/main.js plan PERSON --catalog DIR --json` process,
 *   start-up, reading and validating the catalog folder and the profile included;
 * - **warm**: `plan()` in this process on the catalog read from the same folder (reading not timed),
 *   after untimed warm-up runs;
 * - **plain**: the plain model (no reductions) handed to HiGHS, on the same instance in the same run,
 *   and the ratio plain ÷ warm;
 * - **read**: reading and validating the catalog folder in this process (`readCourseDir`).
 * Fresh and warm must agree on the cost; plain too when it proves optimality (MISMATCH is printed otherwise).
 *
 *   npm run build && npm run bench               # default: 1,000 and 5,000 offerings × 3 and 6 credentials, 3 seeds
 *   npm run bench -- --quick                     # 5,000 offerings × 3 and 6 credentials, 1 seed, plain limit 30 s
 *   npm run bench -- --full                      # also 100 offerings and 1 credential
 *   npm run bench -- --target --seeds 10         # only 5,000 × 6
 *   npm run bench -- --offerings 5000 --credentials 3 --seeds 5   # any cells: comma-separated sizes and credential counts
 *   npm run bench -- --generator real            # one generator only (bench | real)
 *   npm run bench -- --plain-limit 20 --plain-all   # plain model's time limit; plain on every seed, not only seed 1
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCatalogDir } from '../src/io/read-catalog-dir.js';
import { readCourseDir } from '../src/io/read-course-dir.js';
import { cpuSample } from '../src/parallel/cpu-sample.js';
import { highsRunners } from '../src/parallel/highs-workers.js';
import { plan } from '../src/planner/plan.js';
import type { PlanResult } from '../src/planner/plan-result.js';
import type { CalendarDate } from '../src/shared/calendar-date.js';
import { BENCH_AS_OF, BENCH_BODIES, benchProfile } from './bench-profiles.js';
import { courseFileYaml, generateCourseFile } from './generate-courses.js';
import { writeRealisticCatalog } from './generate-courses-real.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const value = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const quick = flag('--quick');
const plainLimit = value('--plain-limit', quick ? 30 : 60);
const seedCount = value('--seeds', quick ? 1 : 3);
const SEEDS = Array.from({ length: seedCount }, (_, i) => i + 1);
const list = (name: string): number[] | undefined => (args.includes(name) ? args[args.indexOf(name) + 1]!.split(',').map(Number) : undefined);
const SIZES = list('--offerings') ?? (flag('--target') || quick ? [5000] : flag('--full') ? [100, 1000, 5000] : [1000, 5000]);
const CREDENTIALS = list('--credentials') ?? (flag('--target') ? [6] : flag('--full') ? [1, 3, 6] : [3, 6]);
const generatorArg = args.includes('--generator') ? args[args.indexOf('--generator') + 1] : undefined;
const GENERATORS = (['bench', 'real'] as const).filter((g) => generatorArg === undefined || generatorArg === g);
const TO = '2031-12-31' as CalendarDate;
const root = join(fileURLToPath(import.meta.url), '..', '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const work = join(tmpdir(), `recert-bench-${process.pid}`);
const catalog = readCatalogDir();

type Generator = (typeof GENERATORS)[number];

function catalogDir(generator: Generator, offerings: number, seed: number): string {
  const dir = join(work, `${generator}-${offerings}-${seed}`);
  if (existsSync(dir)) return dir;
  mkdirSync(dir, { recursive: true });
  if (generator === 'bench') {
    writeFileSync(join(dir, 'synthetic.yaml'), courseFileYaml(generateCourseFile(catalog, { offerings, seed, bodies: BENCH_BODIES, from: BENCH_AS_OF, to: TO })));
  } else {
    writeRealisticCatalog(catalog, { offerings, seed }, dir);
  }
  return dir;
}

function personFile(credentials: number): string {
  const path = join(work, `person-${credentials}.json`);
  if (!existsSync(path)) writeFileSync(path, JSON.stringify(benchProfile(credentials), null, 2));
  return path;
}

interface Fresh { ms: number; status: string; cost: number }

function fresh(dir: string, credentials: number): Fresh {
  const start = performance.now();
  const out = execFileSync(process.execPath, [cli, 'plan', personFile(credentials), '--as-of', BENCH_AS_OF, '--catalog', dir, '--horizon-cycles', '2', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  const result = JSON.parse(out) as PlanResult;
  return { ms, status: result.status, cost: result.totals.cost };
}

interface Warm { ms: number; result: PlanResult }

async function warm(dir: string, credentials: number, extra: Parameters<typeof plan>[4] = {}): Promise<Warm> {
  const courses = readCourseDir(dir, catalog);
  // As `recert plan` does: HiGHS worker threads when the machine has a core to spare, judged by what other
  // processes do (over an idle 150 ms here, untimed; `recert plan` measures while it reads its files).
  const since = cpuSample();
  await new Promise((resolve) => setTimeout(resolve, 150));
  const runners = highsRunners(since);
  const start = performance.now();
  const result = await plan(catalog, courses, benchProfile(credentials), BENCH_AS_OF, { horizon: { cycles: 2 }, runners, ...extra });
  return { ms: performance.now() - start, result };
}

function readMs(dir: string): number {
  const start = performance.now();
  readCourseDir(dir, catalog);
  return performance.now() - start;
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const spread = (xs: number[]): string => (xs.length === 1 ? fmt(xs[0]!) : `${fmt(median(xs))} [${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}]`);
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
function statusOf(r: PlanResult): string {
  if (r.status === 'optimal') return 'optimal';
  return r.gap === null ? 'not proven, no bound' : `not proven, gap ${(100 * r.gap).toFixed(2)}%`;
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error(`${cli} not found: run \`npm run build\` first (the fresh-process column runs the built CLI)`);
  const nodeStart = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; load average at start ${load()}; \`node -e 0\`: ${fmt(performance.now() - nodeStart)}`);
  console.log(`Catalogs and people in ${work}. Seeds ${SEEDS.join(', ')}; plain model limited to ${plainLimit} s.`);
  console.log('Warming up (untimed)...');
  for (const generator of GENERATORS) await warm(catalogDir(generator, 1000, 901), 6);

  console.log('\n| generator | offerings | credentials | cycles planned | fresh `recert plan` median [min–max] | warm `plan()` median [min–max] | proven optimal (fresh / warm) | slots → in final MILP | plain model (HiGHS), same run | plain ÷ warm | read catalog folder | greedy ÷ optimum |');
  console.log('|---|---:|---:|---:|---|---|---|---|---|---:|---:|---:|');
  for (const generator of GENERATORS) {
    for (const size of SIZES) {
      for (const credentials of CREDENTIALS) {
        const fresheds: Fresh[] = [];
        const warms: Warm[] = [];
        const reads: number[] = [];
        const plains: Warm[] = [];
        for (const seed of SEEDS) {
          const dir = catalogDir(generator, size, seed);
          reads.push(readMs(dir));
          const f = fresh(dir, credentials);
          const w = await warm(dir, credentials);
          if (f.cost !== w.result.totals.cost && f.status === 'optimal' && w.result.status === 'optimal') console.error(`MISMATCH fresh/warm ${generator} ${size}/${credentials}/seed ${seed}`);
          fresheds.push(f);
          warms.push(w);
          if (seed === SEEDS[0] || flag('--plain-all')) {
            const p = await warm(dir, credentials, { reductions: false, timeLimitSeconds: plainLimit });
            if (p.result.status === 'optimal' && w.result.status === 'optimal' && p.result.totals.cost !== w.result.totals.cost) console.error(`MISMATCH plain ${generator} ${size}/${credentials}/seed ${seed}`);
            plains.push(p);
          }
        }
        const first = warms[0]!.result;
        const plainCell = plains.map((p) => `${fmt(p.ms)}, ${statusOf(p.result)}`).join('; ');
        const ratios = plains.map((p, k) => `${(p.ms / warms[k]!.ms).toFixed(1)}×${p.result.status === 'optimal' ? '' : ' (at least)'}`).join('; ');
        const optimalFresh = fresheds.filter((f) => f.status === 'optimal').length;
        const optimalWarm = warms.filter((w) => w.result.status === 'optimal').length;
        const greedy = warms.map((w) => w.result.greedy.totals.cost / Math.max(1, w.result.totals.cost));
        console.log(`| ${generator} | ${size} | ${credentials} | ${first.cycles.length} | ${spread(fresheds.map((f) => f.ms))} | ${spread(warms.map((w) => w.ms))} | ${optimalFresh}/${SEEDS.length} / ${optimalWarm}/${SEEDS.length} | ${first.stats.slots} → ${first.stats.coreSlots} | ${plainCell} | ${ratios} | ${fmt(median(reads))} | ${median(greedy).toFixed(2)} |`);
      }
    }
  }
  console.log(`\nLoad average at the end: ${load()}.`);
  if (!flag('--keep')) rmSync(work, { recursive: true, force: true });
}

await main();
