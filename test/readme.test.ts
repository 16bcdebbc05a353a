/**
 * README.md is tested as a newcomer meets it: the programs table matches the catalog, and every
 * command of its ```sh blocks runs, in order, against a fresh temporary data folder and exits 0
 * (the rules are in test/readme-commands.ts). Nothing is written into the repository: commands run in
 * a temporary folder holding a copy of examples/, with RECERT_DATA_DIR pointing into it.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { README, withProgramsSection } from '../scripts/update-readme.js';
import { commandsOf, fencesOf, type Step } from './readme-commands.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const readme = readFileSync(README, 'utf8');
const commands = commandsOf(readme);
const TIMEOUT = 120_000;

it('the README programs table matches the catalog (run `npm run readme:programs` after a catalog change)', () => {
  expect(readme).toBe(withProgramsSection(readme));
});

it('keeps commands in ```sh blocks and synopses in ```text blocks (no untested shell blocks)', () => {
  const langs = new Set(fencesOf(readme).map((f) => f.lang));
  for (const lang of ['bash', 'shell', 'console', 'zsh', 'shell-session']) expect(langs.has(lang), `a \`\`\`${lang} block`).toBe(false);
  // Placeholders belong in synopses: a [--flag], a|b choice or an UPPER-CASE word in an sh block is not runnable as written.
  for (const command of commands) expect(command.text, `README.md:${command.line}`).not.toMatch(/\[--|\w\|\w|\b(PROFILE|FILE|DATE|ID|USD)\b|\.\.\./);
  expect(commands.length).toBeGreaterThan(10);
});

it('never points outside the repository', () => {
  expect(readme).not.toMatch(/\.\.\/shared|\.\.\/\.\./);
});

describe('every command in the README runs as written from a fresh clone', () => {
  let work: string;
  let dataDir: string;
  const untrackedBefore = untracked();

  beforeAll(() => {
    buildCliIfStale();
    work = mkdtempSync(join(tmpdir(), 'recert-readme-'));
    cpSync(join(ROOT, 'examples'), join(work, 'examples'), { recursive: true });
    dataDir = join(work, 'data');
  }, TIMEOUT);

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  for (const command of commands) {
    it(`README.md:${command.line}: ${command.text}`, async () => {
      for (const step of command.steps) await runStep(step, work, dataDir);
    }, TIMEOUT);
  }

  it('the first `npx recert` command also runs literally through npx in the repository folder', async () => {
    const first = commands.flatMap((c) => c.steps).find((s) => s.kind === 'run' && s.command.startsWith('npx recert '))!;
    const result = await sh(first.command, ROOT, mkdtempSync(join(tmpdir(), 'recert-readme-npx-')));
    expect(result, first.command).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('NASM Certified Personal Trainer');
  }, TIMEOUT);

  it('wrote nothing into the repository', () => {
    expect(untracked()).toEqual(untrackedBefore);
  });
});

async function runStep(step: Step, cwd: string, dataDir: string): Promise<void> {
  if (step.kind === 'skip') return;
  if (step.kind === 'server') return probeServer(dataDir);
  // `npx recert` is the package's own bin; call it directly (npx adds seconds of npm start-up per line).
  const command = step.command.replace(/^npx recert(?=\s|$)/, `"${process.execPath}" "${CLI}"`);
  const result = await sh(command, cwd, dataDir);
  expect({ command: step.command, code: result.code, stderr: result.stderr }).toEqual({ command: step.command, code: 0, stderr: expect.any(String) });
  expect(result.stdout.length + result.stderr.length, `${step.command} printed nothing`).toBeGreaterThan(0);
}

function sh(command: string, cwd: string, dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, RECERT_DATA_DIR: dataDir, NO_COLOR: '1', npm_config_update_notifier: 'false' };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { cwd, env, timeout: TIMEOUT - 5000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** `npm start` in the repository, on a free port and the temporary data folder: it must serve the web app and the API. */
async function probeServer(dataDir: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', RECERT_DATA_DIR: dataDir, npm_config_update_notifier: 'false' };
  delete env.DATABASE_URL;
  const child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /recert is running at (\S+)/.exec(output);
        if (match !== null) resolve(match[1]!);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then((code) => reject(new Error(`npm start exited with ${code} before serving:\n${output}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>recert');
    const health = await fetch(new URL('/api/health', url));
    expect(health.status).toBe(200);
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

/** dist/ is what `npx recert` and `npm start` run; rebuild it when a source file is newer (a fresh clone's is current). */
function buildCliIfStale(): void {
  const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const stale = sources.some((f) => {
    const built = join(ROOT, 'dist', f.replace(/\.ts$/, '.js'));
    return !existsSync(built) || statSync(built).mtimeMs < statSync(join(ROOT, 'src', f)).mtimeMs;
  });
  if (!stale) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  // As `npm run build` does: npx runs the package's bin directly, so it must be executable.
  chmodSync(join(ROOT, 'dist', 'cli', 'main.js'), 0o755);
}

function untracked(): string[] {
  return execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => f !== '').map((f) => relative(ROOT, join(ROOT, f))).sort();
}
