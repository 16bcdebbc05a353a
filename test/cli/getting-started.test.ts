import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GETTING_STARTED } from '../../src/cli/getting-started.js';
import { cli } from './run-cli.js';

describe('recert with no arguments', () => {
  it('prints a short getting-started and the command list on stdout, and exits 0', async () => {
    const { code, out, err } = await cli();
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Getting started');
    expect(out).toContain('recert check examples/seed-nasm.json');
    expect(out).toContain('recert plan examples/seed-nasm-new.json');
    expect(out).toContain('recert init');
    expect(out).toMatch(/Commands:[\s\S]*check[\s\S]*plan[\s\S]*status/);
  });

  // The commands it suggests must work as printed (run from the repository folder, on a fresh data folder).
  const dataDir = mkdtempSync(join(tmpdir(), 'recert-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const suggested = GETTING_STARTED.split('\n').map((line) => /^\s+recert (\S.*?)(?:\s{2,}.*)?$/.exec(line)?.[1]).filter((c): c is string => c !== undefined);

  it('suggests check, plan, init, credential add and status', () => {
    expect(suggested.map((c) => c.split(' ')[0])).toEqual(['check', 'plan', 'init', 'credential', 'status']);
  });

  it('suggests commands that run as printed, in order, on a fresh data folder', async () => {
    for (const command of suggested) {
      const argv = command.split(' ');
      const wallet = ['init', 'credential', 'status'].includes(argv[0]!) ? ['--data-dir', dataDir] : [];
      const { code, err } = await cli(...argv, ...wallet);
      // `status` reports through its exit status: 3 means a credential needs attention (a fresh,
      // in-progress NASM-CPT here), not a failure (docs/errors.md, "Exit statuses of the CLI").
      const expected = argv[0] === 'status' ? 3 : 0;
      expect({ command, code, err }).toEqual({ command, code: expected, err: '' });
    }
  }, 60_000);
});
