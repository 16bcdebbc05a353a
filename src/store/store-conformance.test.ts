/**
 * The conformance suite: the same expectations on every storage backend (RECERT_TEST_STORES narrows
 * the list). Imports, evidence and the change log have their own files beside this one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Credential } from '../profile/profile-schema.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { Store } from './store.js';
import { describeEachStore } from './testing/store-backends.js';

const d = calendarDate;
const cpt: Credential = { id: 'cpt', program: 'nasm-cpt', earned: d('2025-01-15') };
const cpr: Credential = { id: 'cpr', program: 'cpr-aed', earned: d('2026-01-10'), number: 'AHA-123' };
const workshop: Activity = {
  id: 'a1', title: 'Kettlebell workshop', completed: d('2025-03-01'), hours: 4, provider: 'Strong Co',
  credits: [{ body: 'nasm', units: 0.4 }, { body: 'ace', units: 0.3, category: 'general' }],
};

await describeEachStore('store', { describe, it }, (backend) => {
  let store: Store;
  beforeEach(async () => {
    store = await backend.open();
    await store.createPerson({ id: 'me', name: 'Sam Trainer' }, 'test');
  });
  afterEach(async () => {
    await store.close();
  });

  it('reports which engine it runs on', () => {
    expect(store.engine).toBe(backend.engine);
  });

  it('keeps data across a reopen and does not migrate twice', async () => {
    const { store: first, reopen, dispose } = await backend.openReopenable();
    try {
      await first.createPerson({ id: 'kim', name: 'Kim' }, 'test');
      await first.addCredential('kim', cpt, 'test');
      await first.close();
      const second = await reopen();
      expect(await second.listCredentials('kim')).toEqual([cpt]);
      await second.close();
    } finally {
      await dispose();
    }
  });

  it('creates, renames, lists and refuses a second person with the same id', async () => {
    await store.createPerson({ id: 'kim', name: 'Kim' }, 'test');
    expect((await store.renamePerson('kim', 'Kim Lee', 'test')).name).toBe('Kim Lee');
    expect((await store.listPeople()).map((p) => p.id)).toEqual(['kim', 'me']);
    await expect(store.createPerson({ id: 'kim', name: 'Other' }, 'test')).rejects.toMatchObject({ issues: [{ code: 'ALREADY_EXISTS', path: 'id' }] });
    await expect(store.getPerson('nobody')).rejects.toMatchObject({ issues: [{ code: 'NOT_FOUND', path: 'personId' }] });
  });

  it('stores credentials with their optional number and returns them in the profile format', async () => {
    await store.addCredential('me', cpr, 'test');
    await store.addCredential('me', cpt, 'test');
    expect(await store.listCredentials('me')).toEqual([cpt, cpr]);
    expect(await store.getCredential('me', 'cpr')).toEqual(cpr);
    expect(typeof (await store.getCredential('me', 'cpt')).earned).toBe('string');
  });

  it('refuses a duplicate credential id, and unknown people or credentials', async () => {
    await store.addCredential('me', cpt, 'test');
    await expect(store.addCredential('me', cpt, 'test')).rejects.toMatchObject({ issues: [{ code: 'ALREADY_EXISTS' }] });
    await expect(store.addCredential('ghost', cpt, 'test')).rejects.toMatchObject({ issues: [{ code: 'NOT_FOUND', path: 'personId' }] });
    await expect(store.getCredential('me', 'nope')).rejects.toMatchObject({ issues: [{ code: 'NOT_FOUND', path: 'credentialId' }] });
  });

  it('lets two people use the same credential id', async () => {
    await store.createPerson({ id: 'kim', name: 'Kim' }, 'test');
    await store.addCredential('me', cpt, 'test');
    await store.addCredential('kim', { ...cpt, earned: d('2024-05-05') }, 'test');
    expect((await store.getCredential('kim', 'cpt')).earned).toBe('2024-05-05');
    expect((await store.getCredential('me', 'cpt')).earned).toBe('2025-01-15');
  });

  it('refuses one of two concurrent adds of the same id', async () => {
    const results = await Promise.allSettled([store.addCredential('me', cpt, 'a'), store.addCredential('me', cpt, 'b')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { issues: [{ code: 'ALREADY_EXISTS' }] } });
  });

  it('updates a credential field by field and clears its number with null', async () => {
    await store.addCredential('me', cpr, 'test');
    expect(await store.updateCredential('me', 'cpr', { earned: d('2026-02-01') }, 'test')).toEqual({ ...cpr, earned: '2026-02-01' });
    expect(await store.updateCredential('me', 'cpr', { number: null }, 'test')).toEqual({ id: 'cpr', program: 'cpr-aed', earned: '2026-02-01' });
  });

  it('records renewals per credential and removes them with their credential', async () => {
    await store.addCredential('me', cpt, 'test');
    await store.addCredential('me', cpr, 'test');
    const renewal = await store.addRenewal('me', { credential: 'cpt', date: d('2027-01-10') }, 'test');
    await store.addRenewal('me', { credential: 'cpr', date: d('2027-12-01') }, 'test');
    expect(renewal).toEqual({ id: expect.any(Number), credential: 'cpt', date: '2027-01-10' });
    expect(await store.listRenewals('me', 'cpt')).toEqual([renewal]);
    await expect(store.addRenewal('me', { credential: 'zzz', date: d('2027-01-10') }, 'test')).rejects.toMatchObject({ issues: [{ code: 'NOT_FOUND', path: 'credentialId' }] });
    await store.removeCredential('me', 'cpt', 'test');
    expect((await store.listRenewals('me')).map((r) => r.credential)).toEqual(['cpr']);
    await expect(store.removeRenewal('me', renewal.id, 'test')).rejects.toMatchObject({ issues: [{ code: 'NOT_FOUND', path: 'renewalId' }] });
  });

  it('stores an activity with its credit lines in order and units exactly', async () => {
    await store.addActivity('me', workshop, 'test');
    const tenths: Activity = { id: 'a2', title: 'Three short quizzes', completed: d('2025-04-01'), credits: [{ body: 'nasm', units: 0.1 + 0.2 }] };
    await store.addActivity('me', tenths, 'test');
    expect(await store.getActivity('me', 'a1')).toEqual(workshop);
    expect((await store.getActivity('me', 'a2')).credits[0]?.units).toBe(0.3);
    expect(await store.getActivity('me', 'a2')).not.toHaveProperty('hours');
    expect((await store.listActivities('me')).map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('replaces an activity\'s credit lines on update and clears optional fields with null', async () => {
    await store.addActivity('me', workshop, 'test');
    const updated = await store.updateActivity('me', 'a1', { credits: [{ body: 'nsca', units: 0.5, category: 'a' }], provider: null }, 'test');
    expect(updated).toEqual({ id: 'a1', title: workshop.title, completed: workshop.completed, hours: 4, credits: [{ body: 'nsca', units: 0.5, category: 'a' }] });
    expect(await store.getActivity('me', 'a1')).toEqual(updated);
  });

  it('refuses a duplicate activity id and an unknown one', async () => {
    await store.addActivity('me', workshop, 'test');
    await expect(store.addActivity('me', workshop, 'test')).rejects.toMatchObject({ issues: [{ code: 'ALREADY_EXISTS', path: 'id' }] });
    await expect(store.removeActivity('me', 'nope', 'test')).rejects.toMatchObject({ issues: [{ code: 'NOT_FOUND', path: 'activityId' }] });
  });

  it('loads the wallet as a profile the engine can evaluate', async () => {
    await store.addCredential('me', cpt, 'test');
    await store.addRenewal('me', { credential: 'cpt', date: d('2027-01-10') }, 'test');
    await store.addActivity('me', workshop, 'test');
    expect(await store.loadProfile('me')).toEqual({ credentials: [cpt], renewals: [{ credential: 'cpt', date: '2027-01-10' }], activities: [workshop] });
  });

  it('removes a person with everything they hold', async () => {
    await store.addCredential('me', cpt, 'test');
    await store.addActivity('me', workshop, 'test');
    await store.removePerson('me', 'test');
    await expect(store.loadProfile('me')).rejects.toMatchObject({ issues: [{ code: 'NOT_FOUND' }] });
    await store.createPerson({ id: 'me', name: 'Again' }, 'test');
    expect(await store.loadProfile('me')).toEqual({ credentials: [], renewals: [], activities: [] });
  });

  it('gives the wallet a new stamp with every write, keeps it through reads and failed writes, and has none for a removed person', async () => {
    const stamps = new Set<string>();
    const stampAfter = async (write: () => Promise<unknown>): Promise<string> => {
      await write();
      const stamp = await store.walletStamp('me');
      expect(typeof stamp).toBe('string');
      expect(stamps.has(stamp!)).toBe(false);
      stamps.add(stamp!);
      return stamp!;
    };
    await stampAfter(async () => undefined);
    await stampAfter(() => store.addCredential('me', cpt, 'test'));
    await stampAfter(() => store.updateCredential('me', 'cpt', { number: 'N-1' }, 'test'));
    const renewal = await store.addRenewal('me', { credential: 'cpt', date: d('2027-01-10') }, 'test');
    stamps.add((await store.walletStamp('me'))!);
    await stampAfter(() => store.updateRenewal('me', renewal.id, d('2027-01-11'), 'test'));
    await stampAfter(() => store.removeRenewal('me', renewal.id, 'test'));
    await stampAfter(() => store.addActivity('me', workshop, 'test'));
    await stampAfter(() => store.updateActivity('me', 'a1', { title: 'Kettlebells' }, 'test'));
    await stampAfter(() => store.importProfile('me', { credentials: [cpr], renewals: [], activities: [] }, { mode: 'merge', actor: 'test', check: () => [] }));
    await stampAfter(() => store.removeActivity('me', 'a1', 'test'));
    const last = await stampAfter(() => store.removeCredential('me', 'cpr', 'test'));
    await store.loadProfile('me');
    await store.listActivities('me');
    await expect(store.addCredential('me', cpt, 'test')).rejects.toMatchObject({ issues: [{ code: 'ALREADY_EXISTS' }] });
    await expect(store.importProfile('me', { credentials: [], renewals: [], activities: [] }, { mode: 'replace', actor: 'test', check: () => [{ code: 'PROFILE_REFERENCE', path: '', message: 'refused' }] })).rejects.toBeDefined();
    expect(await store.walletStamp('me')).toBe(last);
    await store.removePerson('me', 'test');
    expect(await store.walletStamp('me')).toBeUndefined();
    await store.createPerson({ id: 'me', name: 'Again' }, 'test');
    expect(stamps.has((await store.walletStamp('me'))!)).toBe(false);
  });
});
