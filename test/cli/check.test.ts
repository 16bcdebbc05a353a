import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const seed = join(import.meta.dirname, '..', '..', 'examples', 'seed-nasm.json');
const temp = mkdtempSync(join(tmpdir(), 'recert-cli-'));
function profileFile(name: string, text: string): string {
  const path = join(temp, name);
  writeFileSync(path, text);
  return path;
}

describe('recert check', () => {
  it('prints a readable report with a progress bar per credential', async () => {
    const { code, out } = await cli('check', seed, '--as-of', '2026-06-01');
    expect(code).toBe(0);
    expect(out).toContain('NASM Certified Personal Trainer');
    expect(out).toMatch(/\[#+\] 2\.4 \/ 2\.0 CEU/);
    expect(out).toContain('CURRENT');
    expect(out).toContain('NEVER-EXPIRES');
  });

  it('prints the documented JSON shape with --json', async () => {
    const { code, out } = await cli('check', seed, '--as-of', '2026-06-01', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { asOf: string; credentials: Record<string, unknown>[] };
    expect(report.asOf).toBe('2026-06-01');
    const cpt = report.credentials.find((c) => c.id === 'cpt')!;
    for (const key of ['id', 'program', 'status', 'cycle', 'required', 'earned', 'missing', 'components', 'counted', 'notCounted', 'explanation']) {
      expect(cpt, key).toHaveProperty(key);
    }
    expect(cpt).toMatchObject({ program: 'nasm-cpt', status: 'current', cycle: { start: '2025-01-15', end: '2027-01-15' }, required: 2, earned: 2.4, missing: 0, counted: ['a1'] });
    expect(cpt.components).toEqual([expect.objectContaining({ id: 'cpr-aed-current', met: true, detail: expect.any(String) })]);
  });

  it('rejects a malformed profile with the JSON path, line and exit code 2', async () => {
    const path = profileFile('bad.json', '{\n  "credentials": [\n    {"id": "cpt", "program": "nasm-cpt", "earned": "2025-02-30"}\n  ]\n}\n');
    const { code, err } = await cli('check', path, '--as-of', '2026-06-01');
    expect(code).toBe(2);
    expect(err).toContain(`${path}:3:`);
    expect(err).toContain('credentials[0].earned');
    expect(err).toContain('2025 has no 30 February');
    expect(err).toContain('[PROFILE_SCHEMA]');
  });

  it('rejects JSON that does not parse, naming the line', async () => {
    const path = profileFile('syntax.json', '{\n  "credentials": [\n    {"id": "cpt",,}\n  ]\n}\n');
    const { code, err } = await cli('check', path, '--as-of', '2026-06-01');
    expect(code).toBe(2);
    expect(err).toMatch(/syntax\.json:3:\d+: .*\[PROFILE_SYNTAX\]/);
  });

  it('rejects an unknown program and a renewal of an unknown credential', async () => {
    const path = profileFile('refs.json', JSON.stringify({
      credentials: [{ id: 'x', program: 'nasm-cptt', earned: '2025-01-01' }],
      renewals: [{ credential: 'y', date: '2026-01-01' }],
    }));
    const { code, err } = await cli('check', path, '--as-of', '2026-06-01');
    expect(code).toBe(2);
    expect(err).toContain('credentials[0].program: unknown program "nasm-cptt"');
    expect(err).toContain('renewals[0].credential: no credential with id "y"');
  });

  it('rejects a bad --as-of date and a missing file with exit code 2', async () => {
    expect((await cli('check', seed, '--as-of', '2026-13-01')).code).toBe(2);
    const missing = await cli('check', join(temp, 'nope.json'), '--as-of', '2026-06-01');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('profile file not found');
  });
});

describe('recert validate and programs', () => {
  it('validates a good profile', async () => {
    const { code, out } = await cli('validate', seed);
    expect(code).toBe(0);
    expect(out).toContain('valid (3 credentials, 1 renewals, 1 activities)');
  });

  it('lists every program with its rules and unconfirmed values', async () => {
    const { code, out } = await cli('programs');
    expect(code).toBe(0);
    for (const id of ['nasm-cpt', 'nasm-ces', 'nasm-pes', 'ace-cpt', 'acsm-cpt', 'nsca-cscs', 'nsca-cpt', 'issa-cpt', 'cpr-aed']) expect(out).toContain(id);
    expect(out).toContain('unconfirmed: expiry day');
  });
});
