/**
 * Reminder settings, the notification list and the no-login unsubscribe link over HTTP on both
 * engines; the emails go through the real scheduler to a real SMTP server (smtp-server) and the
 * unsubscribe link is taken from the message as received.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { smtpMailer, type Mailer } from '../../src/reminders/mailer.js';
import { ReminderScheduler } from '../../src/reminders/reminder-scheduler.js';
import { calendarDate, type CalendarDate } from '../../src/shared/calendar-date.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { startTestApp, type TestApp } from './start-test-app.js';

const catalog = readCatalogDir();
let sink: SmtpSink;
let mailer: Mailer;
beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = smtpMailer(sink.url);
});
afterAll(async () => {
  mailer.close();
  await sink.close();
});

await describeEachStore('HTTP reminders', { describe, it }, (backend) => {
  let app: TestApp;
  let day: CalendarDate;
  const scheduler = () => new ReminderScheduler({
    store: app.store, catalog, mailer, from: 'reminders@recert.example.org', publicUrl: `${app.base}/`,
    now: () => new Date(`${day}T08:00:00Z`), today: () => day, worker: 'test',
  });
  beforeEach(async () => {
    sink.messages.length = 0;
    day = calendarDate('2027-02-25');
    app = await startTestApp(backend, { emailConfigured: true });
    await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-03-01' });
  });
  afterEach(async () => {
    await app.close();
  });

  it('starts off, refuses to turn on without an address, and saves on/off, address and thresholds', async () => {
    expect((await app.call('GET', '/api/people/me/reminder-settings')).body).toEqual({
      enabled: false, email: null, thresholds: [90, 60, 30, 7], emailConfigured: true, unsubscribePath: null, updatedAt: null,
    });
    const noAddress = await app.call('PUT', '/api/people/me/reminder-settings', { enabled: true, email: null, thresholds: [30] });
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.issues).toEqual([{ code: 'REQUEST_INVALID', path: 'body.email', message: 'an email address is needed to turn reminders on' }]);
    const badThreshold = await app.call('PUT', '/api/people/me/reminder-settings', { enabled: true, email: 'sam@example.com', thresholds: [45] });
    expect(badThreshold.status).toBe(400);
    expect(badThreshold.body.issues[0].path).toMatch(/^body\.thresholds\[0\]/);
    const badEmail = await app.call('PUT', '/api/people/me/reminder-settings', { enabled: true, email: 'not an address', thresholds: [30] });
    expect(badEmail.body.issues[0]).toMatchObject({ code: 'REQUEST_INVALID', path: 'body.email' });

    const saved = await app.call('PUT', '/api/people/me/reminder-settings', { enabled: true, email: 'sam@example.com', thresholds: [7, 30] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ enabled: true, email: 'sam@example.com', thresholds: [30, 7], unsubscribePath: expect.stringMatching(/^\/unsubscribe\/[A-Za-z0-9_-]{43}$/) });
    expect((await app.call('GET', '/api/people/me/reminder-settings')).body).toEqual(saved.body);
    expect((await app.call('GET', '/api/people/nobody/reminder-settings')).status).toBe(404);
    const changes = (await app.call('GET', '/api/people/me/changes')).body;
    expect(JSON.stringify(changes)).not.toContain(saved.body.unsubscribePath.slice('/unsubscribe/'.length));
  });

  it('lists the due reminders as notifications, without email, and then with the email the scheduler sent', async () => {
    const before = await app.call('GET', '/api/people/me/notifications?asOf=2027-02-25');
    expect(before.status).toBe(200);
    expect(before.body.items).toEqual([expect.objectContaining({
      key: 'me/cpt/cycle-1/deadline-7', threshold: 'deadline-7', dueOn: '2027-02-22', email: null,
      nextStep: expect.stringMatching(/^Complete 2\.0 CEU; Current Adult CPR and AED certification with a hands-on component by 2027-03-01, then renew/),
    })]);
    expect((await app.call('GET', '/api/people/me/notifications?asOf=2026-01-01')).body.items).toEqual([]);

    await app.call('PUT', '/api/people/me/reminder-settings', { enabled: true, email: 'sam@example.com', thresholds: [90, 60, 30, 7] });
    expect((await scheduler().tick()).sent).toEqual(['me/cpt/cycle-1/deadline-7']);
    const after = await app.call('GET', '/api/people/me/notifications?asOf=2027-02-25');
    expect(after.body.items[0].email).toEqual({ state: 'sent', sentAt: '2027-02-25T08:00:00.000Z' });
  });

  it('the unsubscribe link in the email works without login: GET confirms, POST turns reminders off, and nothing more is sent', async () => {
    await app.call('PUT', '/api/people/me/reminder-settings', { enabled: true, email: 'sam@example.com', thresholds: [90, 60, 30, 7] });
    day = calendarDate('2027-01-30');
    await scheduler().tick();
    expect(sink.messages).toHaveLength(1);
    const link = /Turn them off \(no login needed\): (\S+)/.exec(sink.messages[0]!.text ?? '')![1]!;
    expect(link.startsWith(`${app.base}/unsubscribe/`)).toBe(true);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // Not no-referrer: a browser would then send `Origin: null` with the form's POST, which is refused (test/e2e/audit.test.ts).
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    const html = await page.text();
    expect(html).toContain('<form method="post"><button type="submit">Turn off reminders</button></form>');
    expect((await app.call('GET', '/api/people/me/reminder-settings')).body.enabled).toBe(true);

    // RFC 8058 one-click, as a mail app sends it: a form POST with no cookie and no Origin.
    const oneClick = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('Reminders turned off');
    expect((await app.call('GET', '/api/people/me/reminder-settings')).body).toMatchObject({ enabled: false, email: 'sam@example.com' });

    day = calendarDate('2027-02-25');
    expect(await scheduler().tick()).toEqual({ queued: [], sent: [], failed: [], skipped: [] });
    expect(sink.messages).toHaveLength(1);
    // The link keeps working (a second click is harmless); a made-up one is 404.
    expect((await fetch(link, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${app.base}/unsubscribe/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${app.base}/unsubscribe/${'x'.repeat(43)}`, { method: 'POST' })).status).toBe(404);
  });

  it('skips a queued reminder when reminders are turned off before it is sent', async () => {
    await app.call('PUT', '/api/people/me/reminder-settings', { enabled: true, email: 'sam@example.com', thresholds: [90, 60, 30, 7] });
    const s = scheduler();
    expect(await s.enqueueDue()).toEqual(['me/cpt/cycle-1/deadline-7']);
    await app.call('PUT', '/api/people/me/reminder-settings', { enabled: false, email: 'sam@example.com', thresholds: [90, 60, 30, 7] });
    expect(await s.drain()).toEqual({ sent: [], failed: [], skipped: ['me/cpt/cycle-1/deadline-7'] });
    expect(sink.messages).toHaveLength(0);
  });

  it('documents the settings, notifications and unsubscribe routes in /openapi.json', async () => {
    const response = await app.call('GET', '/openapi.json');
    expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(200);
    const doc = response.body;
    expect(Object.keys(doc.paths['/api/people/{personId}/reminder-settings'])).toEqual(['get', 'put']);
    expect(doc.paths['/api/people/{personId}/notifications'].get.parameters.map((p: { name: string }) => p.name)).toContain('asOf');
    expect(Object.keys(doc.paths['/unsubscribe/{token}'])).toEqual(['get', 'post']);
  });
});
