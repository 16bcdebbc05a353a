/** Runs the recert CLI in process, as the tests call it: the exit code and what it wrote to stdout and stderr. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * The CLI on its own temporary data folder (`<dir>/data`): `recert(...args)` runs with `--data-dir` there
 * and returns the exit code; `out` and `err` hold what the last run wrote, a line per write. The caller
 * removes `dir` when done.
 */
export function walletCli(prefix: string): { dir: string; out: string[]; err: string[]; recert: (...args: string[]) => Promise<number> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const out: string[] = [];
  const err: string[] = [];
  const recert = (...args: string[]): Promise<number> => {
    out.length = 0;
    err.length = 0;
    return run([...args, '--data-dir', join(dir, 'data')], { out: (s) => out.push(s), err: (s) => err.push(s) });
  };
  return { dir, out, err, recert };
}
