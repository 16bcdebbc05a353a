/**
 * Every id the API accepts can be addressed again in a URL: one length limit shared by the schemas
 * and the router, `.` and `..` refused (URL parsers drop them as dot segments), and ids with
 * characters that need escaping round-trip through encodeURIComponent. Refusals keep the documented
 * error shape.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH } from '../../src/profile/profile-schema.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp } from './start-test-app.js';
import { useApp } from './use-app.js';

const longest = 'x'.repeat(MAX_ID_LENGTH);
const tooLong = 'y'.repeat(MAX_ID_LENGTH + 1);
const activity = (id: string) => ({ id, title: 'Course', completed: '2026-03-01' });

function documentedShape(body: any): void {
  expect(body).toMatchObject({ statusCode: expect.any(Number), code: expect.any(String), message: expect.any(String), issues: expect.any(Array) });
}

await describeEachStore('HTTP ids', { describe, it }, (backend) => {
  const app = useApp('all', () => startTestApp(backend));

  it(`accepts an id of ${MAX_ID_LENGTH} characters and addresses it again`, async () => {
    expect((await app.call('POST', '/api/people/me/activities', activity(longest))).status).toBe(201);
    expect((await app.call('GET', `/api/people/me/activities/${longest}`)).status).toBe(200);
    expect((await app.call('PATCH', `/api/people/me/activities/${longest}`, { title: 'Renamed' })).status).toBe(200);
    expect((await app.call('DELETE', `/api/people/me/activities/${longest}`)).status).toBe(204);
  });

  it('refuses a longer id in a body, naming the field', async () => {
    const answer = await app.call('POST', '/api/people/me/activities', activity(tooLong));
    expect(answer).toMatchObject({ status: 400, body: { code: 'REQUEST_INVALID', issues: [{ path: 'body.id' }] } });
    const credential = await app.call('POST', '/api/people/me/credentials', { id: tooLong, program: 'nasm-cpt', earned: '2025-01-15' });
    expect(credential).toMatchObject({ status: 400, body: { issues: [{ path: 'body.id' }] } });
    const person = await app.call('POST', '/api/people', { id: 'p'.repeat(MAX_ID_LENGTH + 1), name: 'P' });
    expect(person).toMatchObject({ status: 400, body: { issues: [{ path: 'body.id' }] } });
    const imported = await app.call('POST', '/api/people/me/import', { activities: [activity('z'.repeat(200))] });
    expect(imported).toMatchObject({ status: 400, body: { issues: [{ path: 'body.activities[0].id' }] } });
  });

  it('answers a longer id in a path in the documented error shape, never 404 "no route"', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const answer = await app.call(method, `/api/people/me/activities/${tooLong}`, method === 'PATCH' ? { title: 'x' } : undefined);
      expect(answer.status, method).toBe(414);
      documentedShape(answer.body);
      expect(answer.body).toMatchObject({ code: 'REQUEST_INVALID', issues: [{ path: 'url' }] });
    }
  });

  it('refuses the ids "." and ".." (a URL cannot carry them as a segment)', async () => {
    for (const id of ['.', '..']) {
      expect(await app.call('POST', '/api/people/me/activities', activity(id))).toMatchObject({ status: 400, body: { issues: [{ path: 'body.id' }] } });
      expect(await app.call('POST', '/api/people/me/credentials', { id, program: 'nasm-cpt', earned: '2025-01-15' })).toMatchObject({ status: 400, body: { issues: [{ path: 'body.id' }] } });
      expect(await app.call('POST', '/api/people/me/import', { activities: [activity(id)] })).toMatchObject({ status: 400, body: { issues: [{ path: 'body.activities[0].id' }] } });
    }
  });

  it('round-trips ids that need escaping in a URL', async () => {
    for (const id of ['a/b', 'a?b', 'a#b', 'a%b', '%2e%2e', 'a b', 'ü-ß', 'a+b', 'a;b', 'a\\b', '...', '.a', 'a.']) {
      expect((await app.call('POST', '/api/people/me/activities', activity(id))).status, id).toBe(201);
      const path = `/api/people/me/activities/${encodeURIComponent(id)}`;
      expect((await app.call('GET', path)).body.id, id).toBe(id);
      expect((await app.call('DELETE', path)).status, id).toBe(204);
    }
  });
});
