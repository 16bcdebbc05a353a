/**
 * Reading benchmark (issue 9, item 1): big files read the way a user meets them, by the compiled CLI
 * code in fresh processes, on inputs written to real files by two structurally different generators.
 *
 *   npm run bench:read
 *
 * - **Course catalogs**: 5,000 offerings from bench/generate-courses.ts (one YAML file) and from
 *   bench/generate-courses-real.ts (14 files mixing .yaml, .yml and .json, most offerings approved by
 *   one or two bodies, dated sessions, windows). Each is read and validated (`readCourseDir`, the
 *   rule catalog read first and not timed) in a fresh process: the first read (cold, as `recert plan`
 *   meets it) and the median of 5 more in the same process. Target: < 150 ms.
 * - **`recert check` on a big profile**: 6 credentials × 20,000 activities from bench/generate-wallets.ts
 *   (`uniform` and `career` shapes), as YAML and as JSON; `node dist/cli/main.js check FILE` end to end
 *   (printing the report to a pipe), median of 5 fresh runs, against the median of 5 bare `node -e 0`
 *   runs interleaved with them; peak memory (maxRSS) of one more run. Targets: ≤ 15× the bare start,
 *   < 200 MB.
 *
 * Figures depend on the machine's load: it is printed before and after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');

if (process.argv[2] === '--child-courses') {
  // A fresh process running the compiled reader: the rule catalog first (not timed), then the course folder.
  const { readCatalogDir } = await import(join(ROOT, 'dist', 'io', 'read-catalog-dir.js')) as typeof import('../src/io/read-catalog-dir.js');
  const { readCourseDir } = await import(join(ROOT, 'dist', 'io', 'read-course-dir.js')) as typeof import('../src/io/read-course-dir.js');
  const catalog = readCatalogDir();
  const dir = process.argv[3]!;
  const time = (): number => {
    const started = performance.now();
    readCourseDir(dir, catalog);
    return performance.now() - started;
  };
  const first = time();
  const warm = median(Array.from({ length: RUNS }, time));
  process.stdout.write(JSON.stringify({ first, warm }));
  process.exit(0);
}

function wallTime(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (result.error !== undefined) throw result.error;
  // `recert check` exits 0–4 by the worst status; anything else is a failure.
  if (result.status === null || result.status > 4) throw new Error(`${args.join(' ')}: exit ${result.status}\n${result.stderr.toString()}`);
  return ms;
}

/** Peak resident memory of one run, in MB (the process reports it at exit). */
function peakMb(args: string[]): number {
  const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nMAXRSS "+process.resourceUsage().maxRSS+"\\n"))';
  const result = spawnSync(process.execPath, ['--import', report, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const match = /MAXRSS (\d+)/.exec(result.stderr.toString());
  if (match === null) throw new Error(`no memory figure: ${result.stderr.toString()}`);
  return Number(match[1]) / 1024;
}

const tsx = (script: string, ...args: string[]): string => execFileSync(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });

const dir = mkdtempSync(join(tmpdir(), 'recert-read-bench-'));
let failed = false;
try {
  process.stdout.write(`reading benchmark (Node ${process.version}, ${cpus()[0]?.model ?? '?'} × ${cpus().length}), load average at start ${load()}\n\n`);

  // Course catalogs.
  const plain = join(dir, 'courses-bench');
  mkdirSync(plain);
  writeFileSync(join(plain, 'courses.yaml'), tsx('generate-courses.ts', '5000', '1'));
  const real = join(dir, 'courses-real');
  mkdirSync(real);
  tsx('generate-courses-real.ts', '5000', '1', real);
  process.stdout.write('| Course catalog (5,000 offerings) | First read, fresh process | Median of 5 more | Target | Met |\n|---|---|---|---|---|\n');
  for (const [name, folder] of [['generate-courses.ts (1 YAML file)', plain], ['generate-courses-real.ts (14 files: .yaml, .yml, .json)', real]] as const) {
    const result = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child-courses', folder], { encoding: 'utf8' })) as { first: number; warm: number };
    const met = result.first < 150;
    failed ||= !met;
    process.stdout.write(`| ${name} | ${result.first.toFixed(0)} ms | ${result.warm.toFixed(0)} ms | < 150 ms (first read) | ${met ? 'yes' : 'NO'} |\n`);
  }

  // recert check on a big profile.
  process.stdout.write('\n| `recert check` profile (6 credentials × 20,000 activities) | File | check, median of 5 | bare `node -e 0`, median of 5 | Ratio (target ≤ 15×) | Peak memory (target < 200 MB) | Met |\n|---|---|---|---|---|---|---|\n');
  for (const shape of ['uniform', 'career'] as const) {
    const wallets = join(dir, `${shape}.json`);
    tsx('generate-wallets.ts', '--people', '1', '--credentials', '6', '--activities', '20000', '--shape', shape, '--out', wallets);
    const profile = (JSON.parse(readFileSync(wallets, 'utf8')) as unknown[])[0];
    const files = { YAML: join(dir, `${shape}.yaml`), JSON: join(dir, `${shape}-profile.json`) };
    writeFileSync(files.YAML, jsyaml.dump(profile));
    writeFileSync(files.JSON, JSON.stringify(profile, null, 2));
    for (const [kind, file] of Object.entries(files)) {
      const args = [CLI, 'check', file, '--as-of', '2026-06-01'];
      wallTime(args); // warms the disk cache, not the process
      const check: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        bare.push(wallTime(['-e', '0']));
        check.push(wallTime(args));
      }
      const ratio = median(check) / median(bare);
      const memory = peakMb(args);
      const met = ratio <= 15 && memory < 200;
      failed ||= !met;
      process.stdout.write(`| ${shape} | ${kind} | ${median(check).toFixed(0)} ms | ${median(bare).toFixed(0)} ms | ${ratio.toFixed(1)}× | ${memory.toFixed(0)} MB | ${met ? 'yes' : 'NO'} |\n`);
    }
  }
  process.stdout.write(`\nload average at end ${load()}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
