/** Host and Origin checks against DNS rebinding and cross-site writes, through real requests. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHostNames, hostNameOf, parseHostList } from '../../src/api/request-guard.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp, type TestApp } from './start-test-app.js';

/** node:http, because fetch would not let a test choose the Host header. */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<{ status: number; body: any }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try { parsed = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function multipart(name: string, content: string): { headers: Record<string, string>; body: Buffer } {
  const boundary = 'recert-test-boundary';
  const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) }, body };
}

describe('allowed host names', () => {
  it('always allows the loopback names, adds a named listen address and the extra list', () => {
    expect(allowedHostNames('0.0.0.0')).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(allowedHostNames('recert.lan', parseHostList(' Other.Example, ,::1 '))).toEqual(['localhost', '127.0.0.1', '[::1]', 'recert.lan', 'other.example']);
    expect(hostNameOf('localhost:3000')).toBe('localhost');
    expect(hostNameOf('[::1]:3000')).toBe('[::1]');
    expect(hostNameOf('EVIL.example')).toBe('evil.example');
    expect(hostNameOf('a@b')).toBeNull();
  });
});

await describeEachStore('HTTP request guard', { describe, it }, (backend) => {
  let app: TestApp;
  let port: string;
  beforeAll(async () => {
    app = await startTestApp(backend);
    port = new URL(app.base).port;
    await app.call('POST', '/api/people/me/activities', { title: 'Course', completed: '2026-03-01', credits: [{ body: 'nasm', units: 1 }] });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 421 for a Host it does not serve (DNS rebinding), and serves the loopback names', async () => {
    const rebound = await raw(app.base, 'GET', '/api/people/me/activities', { host: `evil.example:${port}` });
    expect(rebound).toMatchObject({ status: 421, body: { statusCode: 421, code: 'HOST_NOT_ALLOWED', issues: [{ code: 'HOST_NOT_ALLOWED', path: 'headers.host' }] } });
    expect((await raw(app.base, 'GET', '/openapi.json', { host: 'evil.example' })).status).toBe(421);
    expect((await raw(app.base, 'GET', '/no-such-route', { host: 'evil.example' })).status).toBe(421);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      expect((await raw(app.base, 'GET', '/api/people/me/activities', { host })).status, host).toBe(200);
    }
  });

  it('refuses writes from another origin with 403, and allows same-origin and Origin-less writes', async () => {
    const upload = multipart('note.txt', 'attended the course');
    const crossSite = await raw(app.base, 'POST', '/api/people/me/activities/a1/evidence', { ...upload.headers, host: `localhost:${port}`, origin: 'http://evil.example' }, upload.body);
    expect(crossSite).toMatchObject({ status: 403, body: { statusCode: 403, code: 'CROSS_ORIGIN', issues: [{ code: 'CROSS_ORIGIN', path: 'headers.origin' }] } });
    for (const origin of ['null', `http://localhost:${Number(port) + 1}`, `http://127.0.0.1:${port}`, 'not a url']) {
      const refused = await raw(app.base, 'DELETE', '/api/people/me/activities/a1', { host: `localhost:${port}`, origin });
      expect(refused.status, origin).toBe(403);
    }
    expect((await app.call('GET', '/api/people/me/activities/a1')).body.evidence).toEqual([]);
    // Reading with a foreign Origin is not a write; the browser's CORS rules keep the answer from the page.
    expect((await raw(app.base, 'GET', '/api/people/me/activities/a1', { host: `localhost:${port}`, origin: 'http://evil.example' })).status).toBe(200);
    const sameOrigin = await raw(app.base, 'POST', '/api/people/me/activities/a1/evidence', { ...upload.headers, host: `localhost:${port}`, origin: `http://localhost:${port}` }, upload.body);
    expect(sameOrigin.status).toBe(201);
    const noOrigin = await app.call('PATCH', '/api/people/me/activities/a1', { title: 'Course, renamed' });
    expect(noOrigin.status).toBe(200);
  });
});
