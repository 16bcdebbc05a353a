/** Conformance, part two: imports (all or nothing), evidence files and the append-only change log. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../profile/profile-schema.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { Issue } from '../shared/recert-error.js';
import { attachEvidence } from './evidence/attach-evidence.js';
import { EvidenceFiles } from './evidence/evidence-files.js';
import { importCheck } from './import-check.js';
import type { KyselyStore } from './kysely-store.js';
import type { Store } from './store.js';
import { describeEachStore } from './testing/store-backends.js';

const d = calendarDate;
const PDF = new TextEncoder().encode('%PDF-1.4\n% certificate of completion\n');
const profile: Profile = {
  credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: d('2025-01-15') }, { id: 'cpr', program: 'cpr-aed', earned: d('2026-01-10') }],
  renewals: [{ credential: 'cpt', date: d('2027-01-10') }],
  activities: [
    { id: 'a1', title: 'Kettlebell workshop', completed: d('2025-03-01'), hours: 4, credits: [{ body: 'nasm', units: 0.4 }] },
    { id: 'a2', title: 'Mobility course', completed: d('2025-05-01'), credits: [{ body: 'nasm', units: 1 }] },
  ],
};
/** Stands in for checkProfileReferences: only duplicate ids and a fake unknown program. */
const check = (p: Profile): Issue[] => [
  ...p.credentials.flatMap((c, i) => (p.credentials.findIndex((o) => o.id === c.id) < i ? [{ code: 'PROFILE_REFERENCE' as const, path: `credentials[${i}].id`, message: 'used twice' }] : [])),
  ...p.credentials.flatMap((c, i) => (c.program === 'bogus' ? [{ code: 'PROFILE_REFERENCE' as const, path: `credentials[${i}].program`, message: 'unknown program' }] : [])),
];

await describeEachStore('store imports, evidence and change log', { describe, it }, (backend) => {
  let store: Store;
  let files: EvidenceFiles;
  let dir: string;
  beforeEach(async () => {
    store = await backend.open({ now: () => new Date('2026-03-01T10:00:00.000Z') });
    dir = mkdtempSync(join(tmpdir(), 'recert-evidence-'));
    files = new EvidenceFiles(dir);
    await store.createPerson({ id: 'me', name: 'Sam' }, 'test');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const merge = { mode: 'merge' as const, actor: 'import', check: importCheck('merge', check) };

  it('imports a profile and exports it unchanged', async () => {
    expect(await store.importProfile('me', profile, merge)).toMatchObject({ credentials: 2, renewals: 1, activities: 2 });
    expect(await store.loadProfile('me')).toEqual({ ...profile, credentials: [profile.credentials[0], profile.credentials[1]] });
  });

  it('writes nothing when one row of a merge import is bad, and names that row of the file', async () => {
    await store.addCredential('me', { id: 'old', program: 'nasm-cpt', earned: d('2024-01-01') }, 'test');
    const changesBefore = (await store.listChanges()).length;
    const bad: Profile = { ...profile, credentials: [...profile.credentials, { id: 'x', program: 'bogus', earned: d('2025-01-01') }] };
    await expect(store.importProfile('me', bad, merge)).rejects.toMatchObject({ issues: [{ path: 'credentials[2].program' }] });
    expect((await store.loadProfile('me')).credentials.map((c) => c.id)).toEqual(['old']);
    expect(await store.listChanges()).toHaveLength(changesBefore);
  });

  it('reports an id that the wallet already holds at the file\'s row in a merge import', async () => {
    await store.addCredential('me', { id: 'cpr', program: 'cpr-aed', earned: d('2024-01-01') }, 'test');
    await expect(store.importProfile('me', profile, merge)).rejects.toMatchObject({ issues: [{ path: 'credentials[1].id', message: 'used twice' }] });
  });

  it('replaces the wallet, keeping the evidence of activities that stay', async () => {
    await store.importProfile('me', profile, merge);
    const kept = await attachEvidence(store, files, { personId: 'me', activityId: 'a1', actor: 'test' }, { name: 'a1.pdf', bytes: PDF });
    const next: Profile = { credentials: [profile.credentials[0]!], renewals: [], activities: [{ ...profile.activities[0]!, title: 'Kettlebell workshop, day 1' }] };
    await store.importProfile('me', next, { mode: 'replace', actor: 'import', check: importCheck('replace', check) });
    expect(await store.loadProfile('me')).toEqual(next);
    expect(await store.listEvidence('me', 'a1')).toEqual([kept]);
  });

  it('replaces a wallet larger than one page of stored activities: kept, changed, removed and added rows all land, with evidence kept', async () => {
    // 5,001 stored activities span three pages of the import's read (2,000 each); ids sort as text.
    const activity = (i: number, title = `Course ${i}`): Profile['activities'][number] => ({
      id: `k${i}`, title, completed: d(`2025-0${1 + (i % 9)}-1${i % 10}`), credits: i % 3 === 0 ? [] : [{ body: 'nasm', units: 0.1 }, { body: 'ace', units: 0.2, category: 'general' }],
    });
    const stored: Profile = { credentials: [profile.credentials[0]!], renewals: [], activities: Array.from({ length: 5_001 }, (_, i) => activity(i)) };
    await store.importProfile('me', stored, merge);
    const kept = await attachEvidence(store, files, { personId: 'me', activityId: 'k4000', actor: 'test' }, { name: 'k4000.pdf', bytes: PDF });
    const next: Profile = {
      credentials: [profile.credentials[0]!],
      renewals: [],
      activities: [
        ...stored.activities.filter((_, i) => i % 2 === 0).map((a, i) => (i % 7 === 0 ? { ...a, title: `${a.title}, revised`, credits: [{ body: 'nasm', units: 0.3 }] } : a)),
        ...Array.from({ length: 700 }, (_, i) => activity(10_000 + i)),
      ],
    };
    await store.importProfile('me', next, { mode: 'replace', actor: 'import', check: importCheck('replace', check) });
    const byId = (list: Profile['activities']) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(byId((await store.loadProfile('me')).activities)).toEqual(byId(next.activities));
    expect(await store.listEvidence('me', 'k4000')).toEqual([kept]);
  });

  it('answers reads while a long import is being written, with the wallet as it was before the import until it commits', async () => {
    const big: Profile = {
      credentials: [profile.credentials[0]!],
      renewals: [],
      activities: Array.from({ length: 6_000 }, (_, i) => ({ id: `b${i}`, title: `Course ${i}`, completed: d('2025-06-01'), credits: [{ body: 'nasm', units: 0.1 }] })),
    };
    const order: string[] = [];
    const importing = store.importProfile('me', big, merge).then(() => order.push('import'));
    // The import yields between chunks; each read is answered before the import ends.
    await new Promise((resolve) => setImmediate(resolve));
    const seen = await store.loadProfile('me');
    order.push('read');
    expect(await store.listPeople()).toHaveLength(1);
    await importing;
    expect(order).toEqual(['read', 'import']);
    expect(seen).toEqual({ credentials: [], renewals: [], activities: [] });
    expect((await store.loadProfile('me')).activities).toHaveLength(6_000);
  });

  it('stores identical evidence bytes once and deletes them with their last reference', async () => {
    await store.importProfile('me', profile, merge);
    const one = await attachEvidence(store, files, { personId: 'me', activityId: 'a1', actor: 'test' }, { name: 'C:\\Users\\sam\\cert.pdf', bytes: PDF });
    const two = await attachEvidence(store, files, { personId: 'me', activityId: 'a2', actor: 'test' }, { name: '../../etc/passwd.pdf', bytes: PDF });
    expect(one).toMatchObject({ name: 'cert.pdf', type: 'application/pdf', size: PDF.length, sha256: EvidenceFiles.sha256(PDF) });
    expect(two.name).toBe('passwd.pdf');
    expect(two.sha256).toBe(one.sha256);
    expect((await store.removeActivity('me', 'a1', 'test')).orphanedSha256).toEqual([]);
    expect(await files.has(one.sha256)).toBe(true);
    const removed = await store.removeEvidence('me', two.id, 'test');
    expect(removed.orphanedSha256).toEqual([one.sha256]);
    await files.remove(removed.orphanedSha256);
    expect(await files.has(one.sha256)).toBe(false);
  });

  it('refuses evidence that is too large, of the wrong type, or for an unknown activity, before writing bytes', async () => {
    await store.importProfile('me', profile, merge);
    const target = { personId: 'me', activityId: 'a1', actor: 'test' };
    await expect(attachEvidence(store, files, { ...target, maxBytes: 10 }, { name: 'big.pdf', bytes: PDF })).rejects.toMatchObject({ issues: [{ code: 'EVIDENCE_TOO_LARGE' }] });
    await expect(attachEvidence(store, files, target, { name: 'x.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) })).rejects.toMatchObject({ issues: [{ code: 'EVIDENCE_TYPE' }] });
    await expect(attachEvidence(store, files, target, { name: 'photo.png', bytes: PDF })).rejects.toMatchObject({ issues: [{ code: 'EVIDENCE_TYPE', message: expect.stringContaining('expected .pdf') }] });
    await expect(attachEvidence(store, files, { ...target, activityId: 'zz' }, { name: 'c.pdf', bytes: PDF })).rejects.toMatchObject({ issues: [{ code: 'NOT_FOUND' }] });
    expect(await files.has(EvidenceFiles.sha256(PDF))).toBe(false);
  });

  it('logs who changed what and when, with the before and after values', async () => {
    await store.addCredential('me', { id: 'cpt', program: 'nasm-cpt', earned: d('2025-01-15') }, 'alice');
    await store.updateCredential('me', 'cpt', { earned: d('2025-02-01') }, 'bob');
    await store.removeCredential('me', 'cpt', 'carol');
    const changes = await store.listChanges({ personId: 'me', limit: 3 });
    expect(changes.map((c) => [c.actor, c.entity, c.entityId, c.action])).toEqual([
      ['carol', 'credential', 'cpt', 'delete'], ['bob', 'credential', 'cpt', 'update'], ['alice', 'credential', 'cpt', 'create'],
    ]);
    expect(changes[1]).toMatchObject({ at: '2026-03-01T10:00:00.000Z', before: { earned: '2025-01-15' }, after: { earned: '2025-02-01' } });
    expect(changes[0]).toMatchObject({ before: { id: 'cpt' }, after: null });
  });

  it('refuses updates and deletes of change-log rows in the database itself', async () => {
    const db = (store as KyselyStore)['db'];
    await expect(sql`update change_log set actor = 'mallory'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from change_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await store.listChanges())[0]?.actor).toBe('test');
  });
});
