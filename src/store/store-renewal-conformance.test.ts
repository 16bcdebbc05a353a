/** Conformance: a credential is renewed at most once per date, through every write path and on every backend. */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../profile/profile-schema.js';
import { calendarDate } from '../shared/calendar-date.js';
import { importCheck } from './import-check.js';
import type { KyselyStore } from './kysely-store.js';
import { uniqueRenewalsMigration } from './migrations/002-unique-renewals.js';
import type { Store } from './store.js';
import { describeEachStore } from './testing/store-backends.js';

const d = calendarDate;
const cpt = { id: 'cpt', program: 'nasm-cpt', earned: d('2025-01-15') };
const noCheck = () => [];

await describeEachStore('store renewals', { describe, it }, (backend) => {
  let store: Store;
  beforeEach(async () => {
    store = await backend.open();
    await store.createPerson({ id: 'me', name: 'Sam' }, 'test');
    await store.addCredential('me', cpt, 'test');
  });
  afterEach(async () => {
    await store.close();
  });

  it('refuses the same renewal date twice with ALREADY_EXISTS, also when two adds race', async () => {
    const first = await store.addRenewal('me', { credential: 'cpt', date: d('2027-01-10') }, 'test');
    await expect(store.addRenewal('me', { credential: 'cpt', date: d('2027-01-10') }, 'test')).rejects.toMatchObject({ issues: [{ code: 'ALREADY_EXISTS', path: 'date' }] });
    const raced = await Promise.allSettled([1, 2, 3].map(() => store.addRenewal('me', { credential: 'cpt', date: d('2028-01-10') }, 'test')));
    expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of raced.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ issues: [{ code: 'ALREADY_EXISTS' }] });
    expect((await store.listRenewals('me', 'cpt')).map((r) => r.date)).toEqual(['2027-01-10', '2028-01-10']);
    expect((await store.listRenewals('me'))[0]).toEqual(first);
  });

  it('moves a renewal to another date in one logged change, refusing a date the credential already has', async () => {
    const a = await store.addRenewal('me', { credential: 'cpt', date: d('2027-01-10') }, 'test');
    const b = await store.addRenewal('me', { credential: 'cpt', date: d('2029-01-10') }, 'test');
    expect(await store.updateRenewal('me', a.id, d('2027-01-12'), 'editor')).toEqual({ ...a, date: '2027-01-12' });
    await expect(store.updateRenewal('me', a.id, d('2029-01-10'), 'test')).rejects.toMatchObject({ issues: [{ code: 'ALREADY_EXISTS', path: 'date' }] });
    await expect(store.updateRenewal('me', 999_999, d('2027-01-13'), 'test')).rejects.toMatchObject({ issues: [{ code: 'NOT_FOUND' }] });
    expect((await store.listRenewals('me', 'cpt')).map((r) => r.date)).toEqual(['2027-01-12', '2029-01-10']);
    const [change] = await store.listChanges({ personId: 'me', limit: 1 });
    expect(change).toMatchObject({ actor: 'editor', entity: 'renewal', entityId: String(a.id), action: 'update', before: { date: '2027-01-10' }, after: { date: '2027-01-12' } });
    // Two moves to one free date at once: the unique index lets one through.
    const raced = await Promise.allSettled([a, b].map((r) => store.updateRenewal('me', r.id, d('2031-01-10'), 'test')));
    expect(raced.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((raced.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ issues: [{ code: 'ALREADY_EXISTS' }] });
  });

  it('skips renewals the wallet already holds, or the file repeats, in merge and replace imports', async () => {
    await store.addRenewal('me', { credential: 'cpt', date: d('2027-01-10') }, 'test');
    const file: Profile = { credentials: [], renewals: [{ credential: 'cpt', date: d('2027-01-10') }, { credential: 'cpt', date: d('2029-01-10') }, { credential: 'cpt', date: d('2029-01-10') }], activities: [] };
    await store.importProfile('me', file, { mode: 'merge', actor: 'import', check: importCheck('merge', noCheck) });
    await store.importProfile('me', file, { mode: 'merge', actor: 'import', check: importCheck('merge', noCheck) });
    expect((await store.loadProfile('me')).renewals.map((r) => r.date)).toEqual(['2027-01-10', '2029-01-10']);
    await store.importProfile('me', { ...file, credentials: [cpt] }, { mode: 'replace', actor: 'import', check: importCheck('replace', noCheck) });
    expect((await store.loadProfile('me')).renewals.map((r) => r.date)).toEqual(['2027-01-10', '2029-01-10']);
  });

  it('has a unique index on (person, credential, date); migration 002 removes older duplicates first', async () => {
    const db = (store as KyselyStore)['db'];
    const insert = sql`insert into renewals (person_id, credential_id, date) values ('me', 'cpt', '2027-01-10')`;
    await insert.execute(db);
    await expect(insert.execute(db)).rejects.toThrow();
    // Back to the 001 schema, with duplicates as older versions stored them, then up again.
    await uniqueRenewalsMigration().down!(db);
    await insert.execute(db);
    await insert.execute(db);
    await sql`insert into renewals (person_id, credential_id, date) values ('me', 'cpt', '2028-01-10')`.execute(db);
    const oldest = (await store.listRenewals('me'))[0]!;
    await uniqueRenewalsMigration().up(db);
    expect(await store.listRenewals('me')).toEqual([oldest, expect.objectContaining({ date: '2028-01-10' })]);
    await expect(insert.execute(db)).rejects.toThrow();
  });
});
