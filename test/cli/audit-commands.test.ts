/** `recert transcript` and `recert packet` on a temporary SQLite wallet, read back with pdftotext and a ZIP reader. */
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, unzip } from '../audit/read-documents.js';
import { walletCli } from './run-cli.js';

const { dir, out, err, recert } = walletCli('recert-audit-cli-');
const certificate = Buffer.from('%PDF-1.4\n% coaching certificate\n%%EOF\n');

beforeAll(async () => {
  await recert('init');
  await recert('credential', 'add', 'nasm-cpt', '--earned', '2025-01-15', '--id', 'cpt', '--number', 'NASM-88123');
  writeFileSync(join(dir, 'certificate.pdf'), certificate);
  expect(await recert('activity', 'add', '--title', 'Nutrition coaching', '--completed', '2026-03-12', '--hours', '20', '--credit', 'nasm:2.0', '--evidence', join(dir, 'certificate.pdf'))).toBe(0);
  await recert('credential', 'renew', 'cpt', '--date', '2027-01-10');
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recert transcript and packet', () => {
  it('writes the transcript of an earlier cycle as a PDF', async () => {
    const file = join(dir, 'cycle1.pdf');
    expect(await recert('transcript', 'cpt', '--cycle', '1', '--out', file, '--as-of', '2027-06-01')).toBe(0);
    expect(out.join('\n')).toBe(`wrote ${file} (cpt, cycle 1 2025-01-15 to 2027-01-15: 1 counted activity)`);
    const text = pdfText(readFileSync(file));
    expect(text).toContain('Credential number: NASM-88123');
    expect(text).toMatch(/1\s+2026-03-12\s+Nutrition coaching\s+-\s+20\s+2\.0\s+-\s+01-2026-03-12-nutrition-coaching\.pdf/);
    expect(text).toContain('Earned: 2.0 CEU of 2.0 CEU required.');
    expect(text).toContain('At the end of this cycle (2027-01-15): the requirements were not met.');
  });

  it('writes the audit packet with the certificate byte for byte', async () => {
    const file = join(dir, 'packet.zip');
    expect(await recert('packet', 'cpt', '--cycle', '1', '--out', file, '--as-of', '2027-06-01')).toBe(0);
    expect(out.join('\n')).toContain('1 certificate file(s)');
    const entries = await unzip(readFileSync(file));
    expect([...entries.keys()]).toEqual(['00-transcript-cpt-cycle-1.pdf', '01-2026-03-12-nutrition-coaching.pdf']);
    expect(entries.get('01-2026-03-12-nutrition-coaching.pdf')).toEqual(certificate);
  });

  it('defaults to the current cycle', async () => {
    const file = join(dir, 'current.pdf');
    expect(await recert('transcript', 'cpt', '--out', file, '--as-of', '2027-06-01')).toBe(0);
    expect(pdfText(readFileSync(file))).toContain('Cycle 2: 2027-01-16 to 2029-01-15 (current cycle)');
  });

  it('refuses a cycle out of range or malformed and an unknown credential with exit 2, writing nothing', async () => {
    const file = join(dir, 'never.pdf');
    expect(await recert('transcript', 'cpt', '--cycle', '3', '--out', file, '--as-of', '2027-06-01')).toBe(2);
    expect(err.join('\n')).toBe('--cycle: expected a cycle from 1 to 2 (the current one), got 3 [USAGE]');
    expect(await recert('packet', 'cpt', '--cycle', 'two', '--out', file)).toBe(2);
    expect(err.join('\n')).toContain('expected a cycle number of 1 or more, got "two"');
    expect(await recert('packet', 'nope', '--out', file)).toBe(2);
    expect(err.join('\n')).toContain('[NOT_FOUND]');
    expect(await recert('packet', 'cpt')).toBe(2);
    expect(await recert('packet', 'cpt', '--out', join(dir, 'no-such-folder', 'p.zip'))).toBe(2);
    expect(err.join('\n')).toMatch(/^--out: cannot write .*no-such-folder.*\[FILE_NOT_FOUND\]$/);
    expect(existsSync(file)).toBe(false);
  });
});
