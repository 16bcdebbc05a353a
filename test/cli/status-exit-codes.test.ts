/** `recert check` and `recert status` exit 0 / 3 / 4 by the worst credential, so a cron job can act on it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';
import { statusExitCode } from '../../src/cli/status-exit-code.js';
import type { ComplianceReport, CredentialReport, Status } from '../../src/engine/report.js';

const temp = mkdtempSync(join(tmpdir(), 'recert-exit-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const seed = join(import.meta.dirname, '..', '..', 'examples', 'seed-nasm.json');
const bare = join(temp, 'bare.json');
writeFileSync(bare, JSON.stringify({ credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' }], renewals: [], activities: [] }));

describe('recert check exit status', () => {
  it('exits 0 when every credential is current or never expires', async () => {
    const { code, out } = await cli('check', seed, '--as-of', '2026-06-01');
    expect(out).toContain('CURRENT');
    expect(out).toContain('NEVER-EXPIRES');
    expect(code).toBe(0);
  });

  it.each([
    ['2025-06-01', 'in-progress'],
    ['2026-12-20', 'due-soon'],
    ['2027-02-01', 'grace'],
  ])('exits 3 on %s, when the credential is %s', async (asOf, status) => {
    const { code, out } = await cli('check', bare, '--as-of', asOf, '--json');
    expect(JSON.parse(out).credentials[0].status).toBe(status);
    expect(code).toBe(3);
  });

  it('exits 4 once a credential has lapsed, with --json and without', async () => {
    const json = await cli('check', bare, '--as-of', '2028-06-01', '--json');
    expect(JSON.parse(json.out).credentials[0].status).toBe('lapsed');
    expect(json.code).toBe(4);
    expect((await cli('check', bare, '--as-of', '2028-06-01')).code).toBe(4);
  });

  it('still exits 2 for bad input', async () => {
    expect((await cli('check', bare, '--as-of', '2028-13-01')).code).toBe(2);
  });
});

describe('recert status exit status', () => {
  it('follows the wallet: 0 empty, 3 in progress, 4 lapsed, 0 again when only current ones remain', async () => {
    const data = join(temp, 'data');
    const wallet = (...args: string[]) => cli(...args, '--data-dir', data);
    expect((await wallet('init')).code).toBe(0);
    expect((await wallet('status', '--as-of', '2026-01-01')).code).toBe(0);
    await wallet('credential', 'add', 'nasm-cpt', '--earned', '2025-01-15', '--id', 'cpt');
    expect((await wallet('status', '--as-of', '2025-06-01')).code).toBe(3);
    expect((await wallet('status', '--as-of', '2028-06-01', '--json')).code).toBe(4);
    await wallet('credential', 'add', 'cpr-aed', '--earned', '2026-01-10', '--id', 'cpr');
    // The worst credential decides: the lapsed CPT outweighs a current CPR card.
    expect((await wallet('status', '--as-of', '2028-06-01')).code).toBe(4);
    await wallet('credential', 'remove', 'cpt');
    expect((await wallet('status', '--as-of', '2026-06-01')).code).toBe(0);
  });
});

describe('statusExitCode', () => {
  const report = (...statuses: Status[]): ComplianceReport => ({
    asOf: '2026-01-01' as ComplianceReport['asOf'],
    credentials: statuses.map((status) => ({ status }) as CredentialReport),
  });
  it('maps every status', () => {
    expect(statusExitCode(report())).toBe(0);
    expect(statusExitCode(report('current', 'never-expires', 'not-yet-earned'))).toBe(0);
    for (const s of ['in-progress', 'due-soon', 'grace', 'unconfirmed', 'not-covered'] as const) expect(statusExitCode(report('current', s))).toBe(3);
    expect(statusExitCode(report('grace', 'lapsed', 'current'))).toBe(4);
  });
});
