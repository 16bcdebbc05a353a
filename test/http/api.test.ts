/** The HTTP API through real requests, on every storage backend. */
import { describe, expect, it } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp } from './start-test-app.js';
import { useApp } from './use-app.js';

await describeEachStore('HTTP API', { describe, it }, (backend) => {
  const app = useApp('each', () => startTestApp(backend));

  it('serves its OpenAPI document and interactive docs', async () => {
    const spec = await app.call('GET', '/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toBe('3.0.3');
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining([
      '/api/people/{personId}/credentials', '/api/people/{personId}/activities/{activityId}/evidence', '/api/people/{personId}/status', '/api/people/{personId}/import',
    ]));
    expect(spec.body.paths['/api/people/{personId}/credentials'].post.responses).toHaveProperty('400');
    const docs = await fetch(`${app.base}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('adds a credential and shows its status change when enough CE is logged', async () => {
    await app.call('POST', '/api/people/me/credentials', { id: 'cpr', program: 'cpr-aed', earned: '2026-01-10' });
    const added = await app.call('POST', '/api/people/me/credentials', { program: 'nasm-cpt', earned: '2025-01-15' });
    expect(added).toMatchObject({ status: 201, body: { id: 'nasm-cpt', program: 'nasm-cpt', earned: '2025-01-15', renewals: [] } });
    const before = await app.call('GET', '/api/people/me/credentials/nasm-cpt/status');
    expect(before.body).toMatchObject({ status: 'in-progress', required: 2, earned: 0.1, deadline: '2027-01-15', ceWindowEnds: '2027-04-15' });
    expect(before.body.nextStep).toMatchObject({ kind: 'earn-units', date: '2027-01-15', fee: { usd: 99, confidence: 'own-old' }, url: 'https://www.nasm.org/recertify/personal-trainer-recertification' });
    expect(before.body.nextStep.text).toContain('Complete 1.9 CEU by 2027-01-15');
    const logged = await app.call('POST', '/api/people/me/activities', { title: 'Mobility course', completed: '2026-03-01', hours: 19, credits: [{ body: 'nasm', units: 1.9 }] });
    expect(logged).toMatchObject({ status: 201, body: { id: 'a1', evidence: [] } });
    const after = await app.call('GET', '/api/people/me/status?asOf=2026-06-01');
    const summary = after.body.credentials.find((c: { id: string }) => c.id === 'nasm-cpt');
    expect(summary).toMatchObject({ status: 'current', earned: 2, missing: 0, why: expect.stringMatching(/\S/) });
    expect(summary).not.toHaveProperty('findings');
    expect(after.body).not.toHaveProperty('activities');
    const full = await app.call('GET', '/api/people/me/status?asOf=2026-06-01&detail=full');
    const report = full.body.credentials.find((c: { id: string }) => c.id === 'nasm-cpt');
    expect(report).toMatchObject({ status: 'current', earned: 2, missing: 0 });
    expect(report.explanation).toContain(summary.why);
    expect(full.body.activities.length).toBeGreaterThan(0);
  });

  it('answers 400 naming the field for a bad date, an unknown program, a bad credit and a bad query', async () => {
    const badDate = await app.call('POST', '/api/people/me/credentials', { program: 'nasm-cpt', earned: '2025-02-30' });
    expect(badDate).toMatchObject({ status: 400, body: { code: 'REQUEST_INVALID', issues: [{ path: 'body.earned' }] } });
    const unknown = await app.call('POST', '/api/people/me/credentials', { program: 'nasm-xyz', earned: '2025-02-03' });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'PROFILE_REFERENCE', issues: [{ path: 'body.program' }] } });
    const credit = await app.call('POST', '/api/people/me/activities', { title: 'x', completed: '2026-01-01', credits: [{ body: 'nasm', units: -1 }] });
    expect(credit).toMatchObject({ status: 400, body: { issues: [{ path: 'body.credits[0].units', message: 'expected units of at least 0.001' }] } });
    const body = await app.call('POST', '/api/people/me/activities', { title: 'x', completed: '2026-01-01', credits: [{ body: 'acme', units: 1 }] });
    expect(body).toMatchObject({ status: 400, body: { issues: [{ path: 'body.credits[0].body' }] } });
    const query = await app.call('GET', '/api/people/me/status?asOf=tomorrow');
    expect(query).toMatchObject({ status: 400, body: { issues: [{ path: 'querystring.asOf' }] } });
    const json = await fetch(`${app.base}/api/people/me/credentials`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"program":' });
    expect(json.status).toBe(400);
  });

  it('answers 404 for unknown people, credentials, activities, evidence and routes', async () => {
    const uuid = '6f1c2b1e-1111-4222-8333-444455556666';
    for (const [path, field] of [
      ['/api/people/ghost/credentials', 'params.personId'],
      ['/api/people/me/credentials/nope', 'params.credentialId'],
      ['/api/people/me/credentials/nope/status', 'params.credentialId'],
      ['/api/people/me/activities/nope', 'params.activityId'],
      [`/api/people/me/evidence/${uuid}/file`, 'params.evidenceId'],
      ['/api/nothing-here', 'url'],
    ] as const) {
      const response = await app.call('GET', path);
      expect({ path, status: response.status, field: response.body.issues?.[0]?.path }).toEqual({ path, status: 404, field });
    }
    expect((await app.call('DELETE', '/api/people/me/activities/nope')).status).toBe(404);
  });

  it('answers 409 for an id already used', async () => {
    await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' });
    const again = await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'ace-cpt', earned: '2025-01-15' });
    expect(again).toMatchObject({ status: 409, body: { code: 'ALREADY_EXISTS', issues: [{ path: 'id' }] } });
  });

  it('answers 409 for a renewal on a date the credential already has, and a merge import adds no duplicate', async () => {
    await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' });
    expect((await app.call('POST', '/api/people/me/credentials/cpt/renewals', { date: '2027-01-10' })).status).toBe(201);
    const again = await app.call('POST', '/api/people/me/credentials/cpt/renewals', { date: '2027-01-10' });
    expect(again).toMatchObject({ status: 409, body: { code: 'ALREADY_EXISTS', issues: [{ code: 'ALREADY_EXISTS', path: 'date' }] } });
    const file = { renewals: [{ credential: 'cpt', date: '2027-01-10' }, { credential: 'cpt', date: '2029-01-10' }] };
    expect((await app.call('POST', '/api/people/me/import?mode=merge', file)).status).toBe(200);
    expect((await app.call('POST', '/api/people/me/import?mode=merge', file)).status).toBe(200);
    expect((await app.call('GET', '/api/people/me/credentials/cpt')).body.renewals.map((r: { date: string }) => r.date)).toEqual(['2027-01-10', '2029-01-10']);
  });

  it('changes and removes credentials, renewals and activities', async () => {
    await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15', number: 'N-1' });
    const patched = await app.call('PATCH', '/api/people/me/credentials/cpt', { earned: '2025-01-20', number: null });
    expect(patched.body).toEqual({ id: 'cpt', program: 'nasm-cpt', earned: '2025-01-20', renewals: [], warnings: [] });
    const renewal = await app.call('POST', '/api/people/me/credentials/cpt/renewals', { date: '2027-01-10' });
    expect(renewal).toMatchObject({ status: 201, body: { credential: 'cpt', date: '2027-01-10' } });
    expect((await app.call('GET', '/api/people/me/credentials')).body[0].renewals).toHaveLength(1);
    expect((await app.call('DELETE', `/api/people/me/credentials/cpt/renewals/${renewal.body.id}`)).status).toBe(204);
    await app.call('POST', '/api/people/me/activities', { id: 'w1', title: 'Workshop', completed: '2025-03-01', credits: [{ body: 'nasm', units: 0.4 }] });
    const activity = await app.call('PATCH', '/api/people/me/activities/w1', { credits: [{ body: 'ace', units: 0.4, category: 'ethics' }] });
    expect(activity).toMatchObject({ status: 200, body: { id: 'w1', credits: [{ body: 'ace', units: 0.4, category: 'ethics' }] } });
    expect((await app.call('DELETE', '/api/people/me/activities/w1')).status).toBe(204);
    expect((await app.call('DELETE', '/api/people/me/credentials/cpt')).status).toBe(204);
    expect((await app.call('GET', '/api/people/me/profile')).body).toEqual({ credentials: [], renewals: [], activities: [] });
  });

  it('logs each change with the caller as actor ("local" on a local server), never the X-Recert-Actor header', async () => {
    await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' }, { 'x-recert-actor': 'web' });
    const changes = await app.call('GET', '/api/people/me/changes?limit=1');
    expect(changes.body).toEqual([expect.objectContaining({ actor: 'local', entity: 'credential', entityId: 'cpt', action: 'create', before: null, after: { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' } })]);
  });

  it('lists the catalog for the forms', async () => {
    const programs = await app.call('GET', '/api/programs');
    expect(programs.body.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['nasm-cpt', 'cpr-aed']));
    const bodies = await app.call('GET', '/api/bodies');
    expect(bodies.body.find((b: { id: string }) => b.id === 'nsca').categories.length).toBeGreaterThan(0);
  });
});
