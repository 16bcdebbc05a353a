/**
 * Values one engine could not hold (thousandths over 2^31 on PostgreSQL, a NUL in text) are refused
 * by every schema with 400 and the field path, on every backend, and the store never answers 500.
 */
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/shared/calendar-date.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp } from './start-test-app.js';
import { useApp } from './use-app.js';

const HUGE = 3_000_000;
const NUL = 'a\u0000b';

await describeEachStore('HTTP bounds', { describe, it }, (backend) => {
  const app = useApp('all', async () => {
    const app = await startTestApp(backend);
    await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' });
    await app.call('POST', '/api/people/me/activities', { title: 'Course', completed: '2026-03-01', credits: [{ body: 'nasm', units: 1 }] });
    return app;
  });

  const cases: Array<[string, string, string, unknown, string]> = [
    ['new activity, huge hours', 'POST', '/api/people/me/activities', { title: 'x', completed: '2026-01-01', hours: HUGE }, 'body.hours'],
    ['new activity, huge units', 'POST', '/api/people/me/activities', { title: 'x', completed: '2026-01-01', credits: [{ body: 'nasm', units: HUGE }] }, 'body.credits[0].units'],
    ['new activity, NUL in title', 'POST', '/api/people/me/activities', { title: NUL, completed: '2026-01-01' }, 'body.title'],
    ['new activity, NUL in id', 'POST', '/api/people/me/activities', { id: NUL, title: 'x', completed: '2026-01-01' }, 'body.id'],
    ['changed activity, huge hours', 'PATCH', '/api/people/me/activities/a1', { hours: HUGE }, 'body.hours'],
    ['changed activity, NUL in provider', 'PATCH', '/api/people/me/activities/a1', { provider: NUL }, 'body.provider'],
    ['changed activity, huge units', 'PATCH', '/api/people/me/activities/a1', { credits: [{ body: 'nasm', units: HUGE }] }, 'body.credits[0].units'],
    ['new credential, NUL in number', 'POST', '/api/people/me/credentials', { program: 'ace-cpt', earned: '2025-01-15', number: NUL }, 'body.number'],
    ['changed credential, NUL in number', 'PATCH', '/api/people/me/credentials/cpt', { number: NUL }, 'body.number'],
    ['new person, NUL in name', 'POST', '/api/people', { id: 'sam', name: NUL }, 'body.name'],
    ['changed person, NUL in name', 'PATCH', '/api/people/me', { name: NUL }, 'body.name'],
    ['NUL in a path id', 'GET', '/api/people/me/activities/a%00b', undefined, 'params.activityId'],
    ['NUL in a credential path id', 'POST', '/api/people/me/credentials/c%00/renewals', { date: '2027-01-01' }, 'params.credentialId'],
    ['import, huge units', 'POST', '/api/people/me/import?mode=merge', { activities: [{ id: 'z', title: 'x', completed: '2026-01-01', credits: [{ body: 'nasm', units: HUGE }] }] }, 'body.activities[0].credits[0].units'],
    ['import, NUL in provider', 'POST', '/api/people/me/import?mode=merge', { activities: [{ id: 'z', title: 'x', completed: '2026-01-01', provider: NUL }] }, 'body.activities[0].provider'],
  ];
  for (const [name, method, path, body, field] of cases) {
    it(`answers 400 naming ${field}: ${name}`, async () => {
      const answer = await app.call(method, path, body);
      expect(answer.status).toBe(400);
      expect(answer.body.issues.map((i: { path: string }) => i.path)).toContain(field);
    });
  }

  it('leaves the wallet unchanged', async () => {
    const profile = (await app.call('GET', '/api/people/me/profile')).body;
    expect(profile.activities).toEqual([{ id: 'a1', title: 'Course', completed: '2026-03-01', credits: [{ body: 'nasm', units: 1 }] }]);
    expect(profile.credentials).toEqual([{ id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' }]);
  });

  it('the store itself answers a located error, never a database failure, for what slips past a schema', async () => {
    const attempts = [
      app.store.addActivity('me', { id: 'big', title: 'x', completed: calendarDate('2026-01-01'), hours: HUGE, credits: [] }, 'test'),
      app.store.addActivity('me', { id: 'nul', title: NUL, completed: calendarDate('2026-01-01'), credits: [] }, 'test'),
    ];
    for (const outcome of await Promise.allSettled(attempts)) {
      // SQLite can hold both; PostgreSQL refuses them, as PROFILE_SCHEMA (400), not as a raw error (500).
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ issues: [{ code: 'PROFILE_SCHEMA' }] });
      else expect(backend.engine).toBe('sqlite');
    }
  });
});
