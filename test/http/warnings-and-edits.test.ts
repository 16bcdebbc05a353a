/**
 * Writes that look like mistakes are saved with warnings; impossible dates are named in words; an
 * activity keeps its last credit line; renewals can be moved and undone. On every storage backend.
 * The test app's today is 2026-06-01.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp, type TestApp } from './start-test-app.js';

await describeEachStore('HTTP warnings, dates and edits', { describe, it }, (backend) => {
  let app: TestApp;
  const me = '/api/people/me';
  beforeEach(async () => {
    app = await startTestApp(backend);
    await app.call('POST', `${me}/credentials`, { id: 'cpr', program: 'cpr-aed', earned: '2026-01-10' });
    await app.call('POST', `${me}/credentials`, { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' });
  });
  afterEach(async () => {
    await app.close();
  });

  it('saves an activity completed after today, with an ACTIVITY_IN_FUTURE warning', async () => {
    const future = await app.call('POST', `${me}/activities`, { title: 'Kettlebell course', completed: '2026-07-01', credits: [{ body: 'nasm', units: 0.8 }] });
    expect(future).toMatchObject({ status: 201, body: { id: 'a1', warnings: [{ code: 'ACTIVITY_IN_FUTURE', path: 'body.completed' }] } });
    expect(future.body.warnings).toHaveLength(1);
    expect(future.body.warnings[0].message).toContain('after today (2026-06-01)');
    expect((await app.call('GET', `${me}/activities/a1`)).status).toBe(200);
    const past = await app.call('PATCH', `${me}/activities/a1`, { completed: '2026-05-01' });
    expect(past).toMatchObject({ status: 200, body: { completed: '2026-05-01', warnings: [] } });
    const again = await app.call('PATCH', `${me}/activities/a1`, { completed: '2026-06-02' });
    expect(again.body.warnings.map((w: { code: string }) => w.code)).toEqual(['ACTIVITY_IN_FUTURE']);
  });

  it('saves a credential earned in the future, with an EARNED_IN_FUTURE warning, also on a change', async () => {
    const added = await app.call('POST', `${me}/credentials`, { program: 'ace-cpt', earned: '2026-09-01' });
    expect(added).toMatchObject({ status: 201, body: { id: 'ace-cpt', warnings: [{ code: 'EARNED_IN_FUTURE', path: 'body.earned' }] } });
    const fixed = await app.call('PATCH', `${me}/credentials/ace-cpt`, { earned: '2025-09-01' });
    expect(fixed).toMatchObject({ status: 200, body: { earned: '2025-09-01', warnings: [] } });
    const wrong = await app.call('PATCH', `${me}/credentials/cpt`, { earned: '2027-01-01' });
    expect(wrong.body.warnings.map((w: { code: string }) => w.code)).toEqual(['EARNED_IN_FUTURE']);
  });

  it('warns DUPLICATE_PROGRAM on a second credential of the same program', async () => {
    const second = await app.call('POST', `${me}/credentials`, { program: 'nasm-cpt', earned: '2025-03-01' });
    expect(second).toMatchObject({ status: 201, body: { id: 'nasm-cpt', warnings: [{ code: 'DUPLICATE_PROGRAM', path: 'body.program' }] } });
    expect(second.body.warnings[0].message).toContain('"cpt" (earned 2025-01-15)');
    const other = await app.call('POST', `${me}/credentials`, { program: 'ace-cpt', earned: '2025-03-01' });
    expect(other.body.warnings).toEqual([]);
    const changed = await app.call('PATCH', `${me}/credentials/ace-cpt`, { program: 'nasm-cpt' });
    expect(changed.body.warnings.map((w: { code: string }) => w.code)).toEqual(['DUPLICATE_PROGRAM']);
  });

  it('warns RENEWAL_REQUIREMENT_NOT_MET when the cycle was not met on the renewal date, and not once it was', async () => {
    const early = await app.call('POST', `${me}/credentials/cpt/renewals`, { date: '2026-12-01' });
    expect(early).toMatchObject({ status: 201, body: { credential: 'cpt', date: '2026-12-01', warnings: [{ code: 'RENEWAL_REQUIREMENT_NOT_MET', path: 'body.date' }] } });
    expect(early.body.warnings[0].message).toContain('1.9 CEU more');
    await app.call('POST', `${me}/activities`, { title: 'Mobility course', completed: '2026-03-01', credits: [{ body: 'nasm', units: 1.9 }] });
    const moved = await app.call('PATCH', `${me}/credentials/cpt/renewals/${early.body.id}`, { date: '2026-12-02' });
    expect(moved).toMatchObject({ status: 200, body: { id: early.body.id, date: '2026-12-02', warnings: [] } });
    // Before the CE was completed, the requirement was not met: moving the renewal there warns again.
    const tooEarly = await app.call('PATCH', `${me}/credentials/cpt/renewals/${early.body.id}`, { date: '2026-02-01' });
    expect(tooEarly.body.warnings.map((w: { code: string }) => w.code)).toEqual(['RENEWAL_REQUIREMENT_NOT_MET']);
    // A card renewed by a new course has no units to meet.
    expect((await app.call('POST', `${me}/credentials/cpr/renewals`, { date: '2027-12-01' })).body.warnings).toEqual([]);
  });

  it('warns CPR_CARD_AS_CE for a CPR/AED card logged with units, but not in a body\'s CPR category', async () => {
    const card = await app.call('POST', `${me}/activities`, { title: 'Adult CPR/AED renewal', completed: '2026-02-01', credits: [{ body: 'nasm', units: 0.1 }] });
    expect(card).toMatchObject({ status: 201, body: { warnings: [{ code: 'CPR_CARD_AS_CE', path: 'body.title' }] } });
    expect(card.body.warnings[0].message).toContain('record the card as a credential (program cpr-aed)');
    const bls = await app.call('POST', `${me}/activities`, { title: 'BLS Provider', completed: '2026-02-01', credits: [{ body: 'ace', units: 0.2 }] });
    expect(bls.body.warnings.map((w: { code: string }) => w.code)).toEqual(['CPR_CARD_AS_CE']);
    const acsm = await app.call('POST', `${me}/activities`, { title: 'CPR and first aid', completed: '2026-02-01', credits: [{ body: 'acsm', units: 5, category: 'cpr-aed-first-aid' }] });
    expect(acsm).toMatchObject({ status: 201, body: { warnings: [] } });
    const word = await app.call('POST', `${me}/activities`, { title: 'Scaffolding your programs (not a card)', completed: '2026-02-01', credits: [{ body: 'nasm', units: 0.1 }] });
    expect(word.body.warnings).toEqual([]);
  });

  it('names an impossible date in words, in bodies, queries, changes and imports', async () => {
    const earned = await app.call('POST', `${me}/credentials`, { program: 'ace-cpt', earned: '2026-02-30' });
    expect(earned).toMatchObject({ status: 400, body: { code: 'REQUEST_INVALID', issues: [{ path: 'body.earned', message: '2026 has no 30 February (February 2026 has 28 days)' }] } });
    await app.call('POST', `${me}/activities`, { id: 'w1', title: 'Workshop', completed: '2026-03-01', credits: [{ body: 'nasm', units: 0.4 }] });
    const completed = await app.call('PATCH', `${me}/activities/w1`, { completed: '2026-04-31' });
    expect(completed).toMatchObject({ status: 400, body: { issues: [{ path: 'body.completed', message: '2026 has no 31 April (April 2026 has 30 days)' }] } });
    const month = await app.call('GET', `${me}/status?asOf=2026-13-01`);
    expect(month).toMatchObject({ status: 400, body: { issues: [{ path: 'querystring.asOf', message: expect.stringContaining('no month 13') }] } });
    const renewal = await app.call('POST', `${me}/credentials/cpt/renewals`, { date: '2027-02-29' });
    expect(renewal.body.issues[0].message).toBe('2027 has no 29 February (February 2027 has 28 days)');
    const imported = await app.call('POST', `${me}/import`, { activities: [{ id: 'x', title: 'x', completed: '2025-02-29', credits: [] }] });
    expect(imported).toMatchObject({ status: 400, body: { issues: [{ path: 'body.activities[0].completed', message: '2025 has no 29 February (February 2025 has 28 days)' }] } });
    const format = await app.call('POST', `${me}/credentials`, { program: 'ace-cpt', earned: '01/02/2026' });
    expect(format.body.issues[0].message).toBe('expected a date "YYYY-MM-DD"');
  });

  it('refuses to remove the last credit line of an activity with LAST_CREDIT_LINE, and changes nothing', async () => {
    await app.call('POST', `${me}/activities`, { id: 'w1', title: 'Workshop', completed: '2026-03-01', credits: [{ body: 'nasm', units: 0.4 }, { body: 'ace', units: 0.4 }] });
    const one = await app.call('PATCH', `${me}/activities/w1`, { credits: [{ body: 'ace', units: 0.4 }] });
    expect(one).toMatchObject({ status: 200, body: { credits: [{ body: 'ace', units: 0.4 }] } });
    const none = await app.call('PATCH', `${me}/activities/w1`, { credits: [], title: 'Renamed' });
    expect(none).toMatchObject({ status: 400, body: { code: 'LAST_CREDIT_LINE', issues: [{ code: 'LAST_CREDIT_LINE', path: 'body.credits' }] } });
    expect((await app.call('GET', `${me}/activities/w1`)).body).toMatchObject({ title: 'Workshop', credits: [{ body: 'ace', units: 0.4 }] });
  });

  it('moves a renewal to another date and undoes it, logging both, with 404 and 409 where due', async () => {
    const renewal = await app.call('POST', `${me}/credentials/cpt/renewals`, { date: '2027-01-10' });
    const other = await app.call('POST', `${me}/credentials/cpt/renewals`, { date: '2029-01-10' });
    const moved = await app.call('PATCH', `${me}/credentials/cpt/renewals/${renewal.body.id}`, { date: '2027-01-12' });
    expect(moved).toMatchObject({ status: 200, body: { id: renewal.body.id, credential: 'cpt', date: '2027-01-12' } });
    expect((await app.call('GET', `${me}/credentials/cpt`)).body.renewals.map((r: { date: string }) => r.date)).toEqual(['2027-01-12', '2029-01-10']);
    const clash = await app.call('PATCH', `${me}/credentials/cpt/renewals/${renewal.body.id}`, { date: '2029-01-10' });
    expect(clash).toMatchObject({ status: 409, body: { code: 'ALREADY_EXISTS' } });
    expect((await app.call('PATCH', `${me}/credentials/cpr/renewals/${renewal.body.id}`, { date: '2027-01-13' })).status).toBe(404);
    expect((await app.call('PATCH', `${me}/credentials/cpt/renewals/999999`, { date: '2027-01-13' })).status).toBe(404);
    expect((await app.call('PATCH', `${me}/credentials/cpt/renewals/${renewal.body.id}`, { date: '2027-01-12', extra: 1 })).status).toBe(400);
    const [change] = (await app.call('GET', `${me}/changes?limit=1`)).body;
    expect(change).toMatchObject({ entity: 'renewal', entityId: String(renewal.body.id), action: 'update', before: { date: '2027-01-10' }, after: { date: '2027-01-12' } });
    expect((await app.call('DELETE', `${me}/credentials/cpt/renewals/${other.body.id}`)).status).toBe(204);
    expect((await app.call('GET', `${me}/credentials/cpt`)).body.renewals.map((r: { date: string }) => r.date)).toEqual(['2027-01-12']);
    const spec = await app.call('GET', '/openapi.json');
    expect(spec.body.paths['/api/people/{personId}/credentials/{credentialId}/renewals/{renewalId}']).toHaveProperty('patch');
    expect(spec.body.components.schemas).toHaveProperty('Warning');
  });

  it('lets only one of two renewals moved to the same date at once succeed', async () => {
    const a = await app.call('POST', `${me}/credentials/cpt/renewals`, { date: '2027-01-10' });
    const b = await app.call('POST', `${me}/credentials/cpt/renewals`, { date: '2027-01-11' });
    const results = await Promise.all([a, b].map((r) => app.call('PATCH', `${me}/credentials/cpt/renewals/${r.body.id}`, { date: '2027-01-20' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const dates = (await app.call('GET', `${me}/credentials/cpt`)).body.renewals.map((r: { date: string }) => r.date).sort();
    expect(dates).toHaveLength(2);
    expect(dates).toContain('2027-01-20');
  });

  it('says per activity what it counted toward, or why not', async () => {
    await app.call('POST', `${me}/activities`, { id: 'k1', title: 'Kettlebells', completed: '2026-03-01', credits: [{ body: 'nasm', units: 0.8 }] });
    await app.call('POST', `${me}/activities`, { id: 'old', title: 'Before earning', completed: '2024-12-01', credits: [{ body: 'nasm', units: 0.5 }] });
    const status = await app.call('GET', `${me}/status?asOf=2026-06-01&detail=full`);
    const k1 = status.body.activities.find((a: { activity: string }) => a.activity === 'k1');
    expect(k1.lines).toEqual([expect.objectContaining({ credential: 'cpt', outcome: 'counted', units: 0.8, text: 'Counted 0.8 CEU toward NASM-CPT cycle 2025–2027.' })]);
    const old = status.body.activities.find((a: { activity: string }) => a.activity === 'old');
    expect(old.lines).toEqual([expect.objectContaining({ outcome: 'not-counted', reason: 'before-earned', text: 'Completed before NASM-CPT was earned: it does not count toward it.' })]);
  });
});
