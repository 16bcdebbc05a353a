import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { RunnerTask } from 'vitest';
import { describe, expect, it } from 'vitest';
import { findSkipped, skippedLine } from './skipped-suites-reporter.js';

const test = (name: string, mode: 'run' | 'skip' | 'todo' = 'run', state?: 'pass' | 'skip'): RunnerTask =>
  ({ type: 'test', name, mode, result: state === undefined ? undefined : { state } }) as unknown as RunnerTask;
const suite = (name: string, mode: 'run' | 'skip', tasks: RunnerTask[]): RunnerTask => ({ type: 'suite', name, mode, tasks }) as unknown as RunnerTask;

describe('the skipped-suites line at the end of a test run', () => {
  it('says so when nothing was skipped', () => {
    const files = [suite('a.test.ts', 'run', [suite('HTTP API [postgres]', 'run', [test('works', 'run', 'pass')])])];
    expect(skippedLine(findSkipped(files))).toBe('recert tests: no suites skipped.');
  });

  it('names each skipped suite under its reason, and counts skipped tests that give none', () => {
    const pg = 'PostgreSQL at 127.0.0.1:5432 is unreachable';
    const files = [
      suite('a.test.ts', 'run', [suite(`HTTP API [postgres] skipped: ${pg}`, 'skip', [test('needs PostgreSQL', 'skip')]), suite('HTTP API [sqlite]', 'run', [test('x', 'run', 'pass')])]),
      suite('b.test.ts', 'run', [suite(`store [postgres] skipped: ${pg}`, 'skip', [test('needs PostgreSQL', 'skip')])]),
      suite('c.test.ts', 'run', [suite('the web app in Chromium skipped: Chromium not found', 'skip', [test('starts', 'skip')]), test('later', 'todo')]),
    ];
    expect(skippedLine(findSkipped(files))).toBe(
      `recert tests: skipped 3 suites: HTTP API [postgres], store [postgres] (${pg}); the web app in Chromium (Chromium not found); 1 other test marked skip or todo (no reason given).`,
    );
  });

  it('shortens a long list of suites skipped for one reason', () => {
    const files = ['a', 'b', 'c', 'd', 'e'].map((n) => suite(`${n} [postgres] skipped: no server`, 'skip', []));
    expect(skippedLine(findSkipped(files))).toBe('recert tests: skipped 5 suites: a [postgres], b [postgres], c [postgres] and 2 more (no server).');
  });

  it('ends a real vitest run without PostgreSQL with that line', async () => {
    const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs');
    const env: NodeJS.ProcessEnv = { ...process.env, RECERT_TEST_DATABASE_URL: 'postgres://127.0.0.1:1/test', RECERT_TEST_STORES: 'postgres' };
    delete env.CI;
    delete env.VITEST;
    delete env.VITEST_WORKER_ID;
    delete env.VITEST_POOL_ID;
    delete env.TEST;
    delete env.NODE_ENV;
    const { stdout } = await promisify(execFile)(process.execPath, [vitest, 'run', 'test/http/example-wallet.test.ts'], { env, timeout: 60_000 });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^recert tests: skipped 1 suite: HTTP example wallet \[postgres\] \(.+\)\.$/);
  }, 90_000);
});
