import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/cli/main.js';
import { cli } from './run-cli.js';
import { today } from '../../src/cli/commands/wallet-options.js';

const root = join(import.meta.dirname, '..', '..');
const seed = join(root, 'examples', 'seed-nasm.json');

describe('CLI manners', () => {
  it('recert check defaults --as-of to today, like recert status', async () => {
    const { code, out } = await cli('check', seed, '--json');
    expect(code).toBe(0);
    expect((JSON.parse(out) as { asOf: string }).asOf).toBe(today());
  });

  it('recert --version prints the package version', async () => {
    const { code, out } = await cli('--version');
    expect(code).toBe(0);
    expect(out).toBe(packageVersion());
    expect(out).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('recert check prints the next step for each credential', async () => {
    const { out } = await cli('check', seed, '--as-of', '2026-06-01');
    expect(out).toContain('Next step: Renew by');
    const json = JSON.parse((await cli('check', seed, '--as-of', '2026-06-01', '--json')).out) as { credentials: { nextStep: { kind: string } }[] };
    expect(json.credentials.map((c) => c.nextStep.kind)).toContain('renew-by');
  });

  it('exits quietly when the reader closes the pipe early (recert programs | true)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recert-epipe-'));
    const errFile = join(dir, 'stderr.txt');
    // `true` exits without reading, so every write after it has gone fails with EPIPE.
    const result = spawnSync('bash', ['-c', `set -o pipefail; node --import tsx src/cli/main.ts programs 2>"${errFile}" | true`], { cwd: root, encoding: 'utf8' });
    expect(readFileSync(errFile, 'utf8')).toBe('');
    expect(result.status).toBe(0);
  }, 30_000);
});
