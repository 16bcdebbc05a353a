/** The wallet commands end to end on a temporary SQLite data folder, through `run(argv, io)`. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../main.js';

let dir: string;
let out: string[];
let err: string[];
const recert = async (...args: string[]): Promise<number> => {
  out = [];
  err = [];
  return run([...args, '--data-dir', join(dir, 'data')], { out: (s) => out.push(s), err: (s) => err.push(s) });
};

// The CLI loads the store (Kysely, better-sqlite3, pg) on first use, so that `recert check` and `plan`
// start without it; load it once here, under the hook timeout, so no test's budget pays for it.
beforeAll(async () => {
  await Promise.all([import('../../store/open-store.js'), import('../../store/evidence/evidence-files.js')]);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recert-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('recert wallet commands', () => {
  it('asks for `recert init` before anything else, and init is safe to run twice', async () => {
    expect(await recert('status')).toBe(2);
    expect(err.join('\n')).toMatch(/run `recert init` first.*\[STORE_NOT_INITIALIZED\]/);
    expect(await recert('init')).toBe(0);
    expect(await recert('init')).toBe(0);
    expect(out.join('\n')).toMatch(/already initialized/);
  });

  it('adds a credential and CE with a certificate, and the status turns current', async () => {
    await recert('init');
    expect(await recert('credential', 'add', 'cpr-aed', '--earned', '2026-01-10')).toBe(0);
    expect(await recert('credential', 'add', 'nasm-cpt', '--earned', '2025-03-01', '--id', 'cpt')).toBe(0);
    await recert('status', '--as-of', '2026-11-23', '--json');
    expect(JSON.parse(out.join('\n')).credentials[0]).toMatchObject({ id: 'cpt', status: 'in-progress', missing: 1.9 });
    const certificate = join(dir, 'certificate.pdf');
    writeFileSync(certificate, '%PDF-1.4\nMobility course, 19 hours\n');
    expect(await recert('activity', 'add', '--title', 'Mobility course', '--completed', '2026-03-01', '--credit', 'nasm:1.9', '--evidence', certificate)).toBe(0);
    expect(out.join('\n')).toContain('1 evidence file(s)');
    await recert('status', '--as-of', '2026-11-23');
    expect(out.join('\n')).toMatch(/NASM-CPT\) \(cpt, nasm-cpt\)\s+\S*CURRENT/);
    await recert('activity', 'list');
    expect(out.join('\n')).toContain('Mobility course — 1.9 nasm  [certificate.pdf]');
  });

  it('matches program ids without regard to case, and suggests the closest id for a typo', async () => {
    await recert('init');
    expect(await recert('credential', 'add', 'NASM-CPT', '--earned', '2025-03-01')).toBe(0);
    expect(out.join('\n')).toContain('added credential "nasm-cpt" (NASM Certified Personal Trainer (NASM-CPT))');
    expect(await recert('credential', 'add', 'nasm-cp', '--earned', '2025-03-01')).toBe(2);
    expect(err.join('\n')).toContain('unknown program "nasm-cp"; did you mean nasm-cpt?');
  });

  it('lists under each activity what it counted toward', async () => {
    await recert('init');
    await recert('credential', 'add', 'nasm-cpt', '--earned', '2025-03-01', '--id', 'cpt');
    await recert('activity', 'add', '--title', 'Mobility course', '--completed', '2026-03-01', '--credit', 'nasm:1.9');
    await recert('activity', 'list', '--as-of', '2026-11-23');
    expect(out.join('\n')).toMatch(/Mobility course — 1\.9 nasm\n\s+Counted 1\.9 CEU toward NASM-CPT cycle 2025–2027\.$/);
  });

  it('saves what looks like a mistake and warns on stderr with the code', async () => {
    await recert('init');
    expect(await recert('credential', 'add', 'nasm-cpt', '--earned', '2025-03-01')).toBe(0);
    expect(await recert('credential', 'add', 'nasm-cpt', '--earned', '2025-04-01')).toBe(0);
    expect(err.join('\n')).toMatch(/^warning: program: you already hold .* \[DUPLICATE_PROGRAM\]$/m);
    expect(await recert('activity', 'add', '--title', 'Adult CPR/AED', '--completed', '2999-01-01', '--credit', 'nasm:0.1')).toBe(0);
    expect(err.join('\n')).toMatch(/^warning: completed: completed on 2999-01-01, after today .* \[ACTIVITY_IN_FUTURE\]$/m);
    expect(err.join('\n')).toMatch(/\[CPR_CARD_AS_CE\]$/m);
    expect(await recert('credential', 'renew', 'nasm-cpt', '--date', '2026-01-01')).toBe(0);
    expect(err.join('\n')).toMatch(/^warning: date: on 2026-01-01 the NASM-CPT requirement .* \[RENEWAL_REQUIREMENT_NOT_MET\]$/m);
    await recert('credential', 'list', '--json');
    expect(JSON.parse(out.join('\n'))).toHaveLength(2);
  });

  it('refuses an unknown program, a bad credit and a certificate of the wrong type, writing nothing', async () => {
    await recert('init');
    expect(await recert('credential', 'add', 'nasm-xyz', '--earned', '2025-03-01')).toBe(2);
    expect(err.join('\n')).toMatch(/^program: unknown program "nasm-xyz"/);
    expect(await recert('activity', 'add', '--title', 'x', '--completed', '2026-03-01', '--credit', 'nasm:-1')).toBe(2);
    const fake = join(dir, 'cert.pdf');
    writeFileSync(fake, Buffer.from([0x4d, 0x5a, 0x90, 0x00]));
    expect(await recert('activity', 'add', '--title', 'x', '--completed', '2026-03-01', '--credit', 'nasm:1', '--evidence', fake)).toBe(2);
    expect(err.join('\n')).toContain('[EVIDENCE_TYPE]');
    await recert('export');
    expect(JSON.parse(out.join('\n'))).toEqual({ credentials: [], renewals: [], activities: [] });
  });

  it('renews and removes credentials and activities', async () => {
    await recert('init');
    await recert('credential', 'add', 'nasm-cpt', '--earned', '2025-03-01', '--id', 'cpt');
    expect(await recert('credential', 'renew', 'cpt', '--date', '2027-02-20')).toBe(0);
    await recert('credential', 'list', '--json');
    expect(JSON.parse(out.join('\n'))).toEqual([{ id: 'cpt', program: 'nasm-cpt', earned: '2025-03-01', renewals: ['2027-02-20'] }]);
    expect(await recert('credential', 'renew', 'nope', '--date', '2027-02-20')).toBe(2);
    expect(err.join('\n')).toContain('[NOT_FOUND]');
    await recert('activity', 'add', '--title', 'Workshop', '--completed', '2025-04-01', '--credit', 'nasm:0.4');
    expect(await recert('activity', 'remove', 'a1')).toBe(0);
    expect(await recert('credential', 'remove', 'cpt')).toBe(0);
    await recert('credential', 'list');
    expect(out.join('\n')).toMatch(/No credentials yet/);
  });

  it('imports all or nothing, naming the file, row and field of each problem', async () => {
    await recert('init');
    const file = join(dir, 'profile.json');
    const profile = {
      credentials: [{ id: 'ace', program: 'ace-cpt', earned: '2025-01-15' }],
      activities: [
        { id: 'b1', title: 'ok', completed: '2025-03-01', credits: [{ body: 'ace', units: 0.4 }] },
        { id: 'b2', title: 'bad', completed: '2025-03-01', credits: [{ body: 'ace', units: 0.2, category: 'zzz' }] },
      ],
    };
    writeFileSync(file, JSON.stringify(profile, null, 2));
    expect(await recert('import', file)).toBe(2);
    expect(err.join('\n')).toMatch(/profile\.json: activities\[1\]\.credits\[0\]\.category: unknown ace category "zzz"/);
    writeFileSync(file, JSON.stringify({ ...profile, activities: [{ ...profile.activities[0], completed: '2025-02-30' }] }, null, 2));
    expect(await recert('import', file)).toBe(2);
    expect(err.join('\n')).toMatch(/profile\.json:\d+:\d+: activities\[0\]\.completed: 2025 has no 30 February/);
    await recert('export');
    expect(JSON.parse(out.join('\n'))).toEqual({ credentials: [], renewals: [], activities: [] });
    writeFileSync(file, JSON.stringify({ ...profile, activities: [profile.activities[0]] }));
    expect(await recert('import', file)).toBe(0);
    expect(await recert('export', '--format', 'csv', '--out', join(dir, 'log.csv'))).toBe(0);
    expect(readFileSync(join(dir, 'log.csv'), 'utf8')).toBe('activity_id,title,completed,hours,provider,body,units,category,evidence\r\nb1,ok,2025-03-01,,,ace,0.4,,\r\n');
  });
});
