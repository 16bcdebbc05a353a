/** Profile import (all or nothing, errors naming row and field) and export, through real requests. */
import { describe, expect, it } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp } from './start-test-app.js';
import { useApp } from './use-app.js';

const profile = {
  credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' }, { id: 'cpr', program: 'cpr-aed', earned: '2026-01-10' }],
  renewals: [{ credential: 'cpt', date: '2027-01-10' }],
  activities: [
    { id: 'a1', title: 'Kettlebell workshop', completed: '2025-03-01', hours: 4, credits: [{ body: 'nasm', units: 0.4 }, { body: 'ace', units: 0.4 }] },
    { id: 'a2', title: 'Program design, "advanced"', completed: '2025-04-01', provider: 'Acme, Inc.', credits: [{ body: 'nasm', units: 1.5 }] },
  ],
};

await describeEachStore('HTTP import and export', { describe, it }, (backend) => {
  const app = useApp('each', () => startTestApp(backend));

  it('imports a profile and exports it again as JSON', async () => {
    expect(await app.call('POST', '/api/people/me/import', profile)).toMatchObject({ status: 200, body: { credentials: 2, renewals: 1, activities: 2 } });
    const exported = await app.call('GET', '/api/people/me/export?format=json');
    expect(exported.headers.get('content-disposition')).toContain('recert-me.json');
    expect(exported.body).toEqual({ ...profile, credentials: [profile.credentials[0], profile.credentials[1]] });
  });

  it('exports the CE log as CSV, one row per credit line, quoting where needed', async () => {
    await app.call('POST', '/api/people/me/import', profile);
    const csv = await app.call('GET', '/api/people/me/export?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body.split('\r\n')).toEqual([
      'activity_id,title,completed,hours,provider,body,units,category,evidence',
      'a1,Kettlebell workshop,2025-03-01,4,,nasm,0.4,,',
      'a1,Kettlebell workshop,2025-03-01,4,,ace,0.4,,',
      'a2,"Program design, ""advanced""",2025-04-01,,"Acme, Inc.",nasm,1.5,,',
      '',
    ]);
  });

  it('rejects the whole import on a malformed row, naming its row and field, and writes nothing', async () => {
    const bad = { ...profile, activities: [profile.activities[0], { ...profile.activities[1], completed: '2025-13-01' }] };
    const response = await app.call('POST', '/api/people/me/import', bad);
    expect(response).toMatchObject({ status: 400, body: { code: 'REQUEST_INVALID', issues: [{ path: 'body.activities[1].completed' }] } });
    expect((await app.call('GET', '/api/people/me/profile')).body).toEqual({ credentials: [], renewals: [], activities: [] });
  });

  it('rejects the whole import on an unknown body or a dangling renewal, and writes nothing', async () => {
    const bad = {
      ...profile,
      renewals: [{ credential: 'zzz', date: '2027-01-10' }],
      activities: [profile.activities[0], { ...profile.activities[1], credits: [{ body: 'acme', units: 1 }] }],
    };
    const response = await app.call('POST', '/api/people/me/import', bad);
    expect(response.status).toBe(400);
    expect(response.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.renewals[0].credential', 'body.activities[1].credits[0].body']);
    expect((await app.call('GET', '/api/people/me/changes')).body.filter((c: { entity: string }) => c.entity !== 'person')).toEqual([]);
  });

  it('names the file row when a merge import reuses an id the wallet already has', async () => {
    await app.call('POST', '/api/people/me/credentials', { id: 'cpr', program: 'cpr-aed', earned: '2024-01-01' });
    const response = await app.call('POST', '/api/people/me/import?mode=merge', profile);
    expect(response).toMatchObject({ status: 400, body: { code: 'PROFILE_REFERENCE', issues: [{ path: 'body.credentials[1].id' }] } });
  });

  it('replaces the wallet with mode=replace', async () => {
    await app.call('POST', '/api/people/me/import', profile);
    const smaller = { credentials: [profile.credentials[1]], renewals: [], activities: [] };
    expect((await app.call('POST', '/api/people/me/import?mode=replace', smaller)).status).toBe(200);
    expect((await app.call('GET', '/api/people/me/profile')).body).toEqual(smaller);
  });
});
