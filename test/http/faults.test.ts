/**
 * Faults a real deployment meets: an evidence file lost on disk, clients that send half a request
 * and stall, requests refused by the Host and Origin checks (which must show in the log).
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp, type TestApp } from './start-test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const TIMEOUTS = { headers: 400, request: 600, idle: 5_000, keepAlive: 1_000, checkInterval: 100 };

/** Opens a raw socket, writes `text`, and resolves with what the server sent and how long it kept the socket open. */
function halfSend(base: string, text: string): Promise<{ answer: string; openMs: number }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let answer = '';
    const socket: Socket = connect(Number(port), hostname, () => socket.write(text));
    socket.on('data', (chunk) => { answer += chunk.toString('latin1'); });
    socket.on('close', () => resolve({ answer, openMs: Date.now() - started }));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => { socket.destroy(); reject(new Error('the server kept a half-sent request open for 10 s')); });
  });
}

/** The status of a request sent with node:http, which (unlike fetch) lets a test set Host. */
function rawStatus(base: string, method: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

await describeEachStore('HTTP faults', { describe, it }, (backend) => {
  let app: TestApp;
  const logLines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    app = await startTestApp(backend, {
      app: {
        timeouts: TIMEOUTS,
        // The server's default level: refusals must be visible without turning on debug logging.
        logger: { level: 'warn', stream: { write: (line: string) => { logLines.push(JSON.parse(line) as Record<string, unknown>); } } },
      },
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a documented error without download headers when an evidence file is missing', async () => {
    await app.call('POST', '/api/people/me/activities', { id: 'a1', title: 'Workshop', completed: '2026-03-01' });
    const form = new FormData();
    form.append('file', new Blob([PDF]), 'c.pdf');
    const added = await (await fetch(`${app.base}/api/people/me/activities/a1/evidence`, { method: 'POST', body: form })).json() as { id: string };
    await app.loseAllEvidence();
    const answer = await app.call('GET', `/api/people/me/evidence/${added.id}/file`);
    expect(answer).toMatchObject({ status: 410, body: { code: 'EVIDENCE_FILE_MISSING', issues: [{ path: 'params.evidenceId' }] } });
    expect(answer.headers.get('content-disposition')).toBeNull();
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-type')).toContain('application/json');
  });

  it('closes connections whose body never finishes, and whose headers never finish', async () => {
    const body = 'POST /api/people/me/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"activities": [';
    const headers = 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ';
    const stalled = await Promise.all([
      ...Array.from({ length: 100 }, () => halfSend(app.base, body)),
      ...Array.from({ length: 100 }, () => halfSend(app.base, headers)),
    ]);
    for (const { answer, openMs } of stalled) {
      expect(openMs).toBeLessThan(TIMEOUTS.request + 2_000);
      if (answer !== '') expect(answer).toMatch(/^HTTP\/1\.1 408/);
    }
    expect((await app.call('GET', '/api/health')).status).toBe(200);
  });

  it('logs requests refused by the Host and Origin checks at warn level', async () => {
    logLines.length = 0;
    expect(await rawStatus(app.base, 'GET', '/api/health', { host: 'evil.example' })).toBe(421);
    expect((await app.call('POST', '/api/people/me/activities', { title: 'x', completed: '2026-01-01' }, { origin: 'http://evil.example' })).status).toBe(403);
    const refusals = logLines.filter((line) => line.code === 'HOST_NOT_ALLOWED' || line.code === 'CROSS_ORIGIN');
    expect(refusals.map((line) => [line.level, line.code])).toEqual([[40, 'HOST_NOT_ALLOWED'], [40, 'CROSS_ORIGIN']]);
    expect(refusals[0]).toMatchObject({ host: 'evil.example' });
    expect(refusals[1]).toMatchObject({ origin: 'http://evil.example' });
  });
});
