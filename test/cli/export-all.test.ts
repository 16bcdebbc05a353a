/** `recert export --all --out FILE.zip` on a temporary SQLite wallet: everything kept about the person, importable back. */
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../audit/read-documents.js';
import { walletCli } from './run-cli.js';

const { dir, out, err, recert } = walletCli('recert-export-all-');
const certificate = Buffer.from('%PDF-1.4\n% coaching certificate\n%%EOF\n');

beforeAll(async () => {
  expect(await recert('init', '--name', 'Sam')).toBe(0);
  await recert('credential', 'add', 'nasm-cpt', '--earned', '2025-01-15', '--id', 'cpt', '--number', 'NASM-88123');
  writeFileSync(join(dir, 'certificate.pdf'), certificate);
  expect(await recert('activity', 'add', '--title', 'Nutrition coaching', '--completed', '2026-03-12', '--hours', '20', '--credit', 'nasm:2.0', '--evidence', join(dir, 'certificate.pdf'))).toBe(0);
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recert export --all', () => {
  it('writes a ZIP whose wallet.json is the json export byte for byte, with the change log, the account data and the certificate', async () => {
    const file = join(dir, 'all.zip');
    expect(await recert('export', '--all', '--out', file)).toBe(0);
    expect(out.join('\n')).toBe(`wrote ${file}`);
    const entries = await unzip(readFileSync(file));
    expect([...entries.keys()]).toEqual(['wallet.json', 'change-log.json', 'account.json', 'evidence/a1-2026-03-12-nutrition-coaching.pdf']);
    expect(entries.get('evidence/a1-2026-03-12-nutrition-coaching.pdf')).toEqual(certificate);
    const json = join(dir, 'wallet.json');
    expect(await recert('export', '--format', 'json', '--out', json)).toBe(0);
    expect(entries.get('wallet.json')).toEqual(readFileSync(json));
    const log = JSON.parse(entries.get('change-log.json')!.toString()) as { entity: string; personId: string }[];
    expect(log.map((row) => row.entity)).toEqual(['person', 'credential', 'activity', 'evidence']);
    const account = JSON.parse(entries.get('account.json')!.toString());
    expect(account).toMatchObject({ person: { id: 'me', name: 'Sam' }, account: null, calendarFeed: { exists: false } });

    // Importable back: into a fresh wallet, it gives the same wallet.
    writeFileSync(join(dir, 'from-zip.json'), entries.get('wallet.json')!);
    expect(await recert('init', '--person', 'copy')).toBe(0);
    expect(await recert('import', join(dir, 'from-zip.json'), '--person', 'copy')).toBe(0);
    expect(await recert('export', '--format', 'json', '--person', 'copy')).toBe(0);
    expect(`${out.join('\n')}\n`).toBe(entries.get('wallet.json')!.toString());
  });

  it('needs --out (exit 2) and writes nothing', async () => {
    expect(await recert('export', '--all')).toBe(2);
    expect(err.join('\n')).toContain('--out');
    expect(existsSync(join(dir, 'never.zip'))).toBe(false);
  });
});
