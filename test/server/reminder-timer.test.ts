/**
 * The server started with SMTP_URL/MAIL_FROM runs the reminder scheduler on its interval timer with the
 * injected clock: turning reminders on over HTTP brings the email due today, moving the clock brings the
 * next one, and nothing is sent twice across ticks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink.js';

let sink: SmtpSink;
let server: RunningServer;
let dataDir: string;
let clock = new Date('2027-01-30T09:00:00');

beforeAll(async () => {
  sink = await startSmtpSink();
  dataDir = mkdtempSync(join(tmpdir(), 'recert-reminder-timer-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, mail: { smtpUrl: sink.url, from: 'reminders@recert.example.org', intervalMs: 50 }, now: () => clock });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await sink.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server with email configured', () => {
  it('sends due reminders from its interval timer as its clock moves, each once, with links to this server', async () => {
    const api = (method: string, path: string, body: unknown) => fetch(`${server.url}api/people/me/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await api('POST', 'credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-03-01' })).status).toBe(201);
    const settings = await api('PUT', 'reminder-settings', { enabled: true, email: 'sam@example.com', thresholds: [30, 7] });
    expect(await settings.json()).toMatchObject({ enabled: true, emailConfigured: true });
    await expect.poll(() => sink.keys(), { timeout: 10_000 }).toEqual(['me/cpt/cycle-1/deadline-30']);
    const port = new URL(server.url).port;
    expect(sink.messages[0]!.text).toContain(`Your dashboard: http://127.0.0.1:${port}/`);
    clock = new Date('2027-02-22T09:00:00');
    await expect.poll(() => sink.keys(), { timeout: 10_000 }).toEqual(['me/cpt/cycle-1/deadline-30', 'me/cpt/cycle-1/deadline-7']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages).toHaveLength(2);
  }, 60_000);
});
