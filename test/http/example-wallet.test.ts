/** The example wallet the web app's empty state offers: a new throwaway person holding examples/seed-nasm.json. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PROFILE } from '../../src/api/routes/example-routes.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp } from './start-test-app.js';
import { useApp } from './use-app.js';

const example = JSON.parse(readFileSync(EXAMPLE_PROFILE, 'utf8')) as { credentials: unknown[]; activities: unknown[] };

await describeEachStore('HTTP example wallet', { describe, it }, (backend) => {
  const app = useApp('each', () => startTestApp(backend));

  it('makes a new person holding the example profile, and leaves "me" alone', async () => {
    const created = await app.call('POST', '/api/example-wallets', undefined, { 'x-recert-actor': 'web' });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^example-[0-9a-f]{8}$/);
    const exported = await app.call('GET', `/api/people/${created.body.id}/export?format=json`);
    expect(exported.body).toEqual(JSON.parse(readFileSync(EXAMPLE_PROFILE, 'utf8')));
    const status = await app.call('GET', `/api/people/${created.body.id}/status?asOf=2026-06-01`);
    expect(status.body.credentials.map((c: { id: string; status: string }) => `${c.id} ${c.status}`)).toEqual(expect.arrayContaining(['cpt current', 'cpr current']));
    expect((await app.call('GET', '/api/people/me/credentials')).body).toEqual([]);
    const changes = await app.call('GET', `/api/people/${created.body.id}/changes`);
    expect(changes.body.length).toBeGreaterThan(0);
    expect(changes.body.every((c: { actor: string }) => c.actor === 'local')).toBe(true);
  });

  it('makes a different person each time, and two at once', async () => {
    const [a, b] = await Promise.all([app.call('POST', '/api/example-wallets'), app.call('POST', '/api/example-wallets')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    const people = (await app.call('GET', '/api/people')).body as { id: string }[];
    expect(people.map((p) => p.id).sort()).toEqual(['me', a.body.id, b.body.id].sort());
    for (const id of [a.body.id, b.body.id]) {
      expect((await app.call('GET', `/api/people/${id}/credentials`)).body).toHaveLength(example.credentials.length);
      expect((await app.call('GET', `/api/people/${id}/activities`)).body).toHaveLength(example.activities.length);
    }
  });
});
