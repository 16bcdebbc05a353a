/**
 * End to end in Debian's Chromium: the Transcript and Audit packet buttons on a credential card download
 * the documents the API builds (read back with pdftotext and a ZIP reader); the calendar panel creates,
 * copies, replaces and turns off the feed address (the feed is read back with ical.js); the reminders panel
 * turns email reminders on, and the server's scheduler emails the reminder due to a real SMTP server.
 * RECERT_SCREENSHOTS=1 also saves docs/screenshots/calendar-feed.png and reminders-settings.png.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localToday } from '../../src/api/local-today.js';
import { addMonths } from '../../src/shared/calendar-date.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { pdfText, unzip } from '../audit/read-documents.js';
import { parseFeed } from '../calendar/parse-feed.js';
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { buildWebApp, describeInChromium, launchChromium, missingChromium } from './browser.js';

const today = localToday();
const CERTIFICATE = Buffer.from('%PDF-1.4\n% Certificate: mobility course, 19 hours\n%%EOF\n');
const TIMEOUT = 90_000;

describeInChromium('audit documents and the calendar feed from the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let sink: SmtpSink;

  beforeAll(async () => {
    if (missingChromium !== null) throw new Error(`${missingChromium}. CI must run the end-to-end tests; failing instead of skipping.`);
    buildWebApp();
    dataDir = mkdtempSync(join(tmpdir(), 'recert-e2e-audit-'));
    sink = await startSmtpSink();
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, mail: { smtpUrl: sink.url, from: 'reminders@recert.example.org', intervalMs: 200 } });
    const post = (path: string, body: unknown) => fetch(`${server.url}api/people/me/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // Renewal deadline in two months: the 90- or 60-day reminder is due.
    await post('credentials', { id: 'cpt', program: 'nasm-cpt', earned: addMonths(today, -22), number: 'NASM-88123' });
    await post('activities', { id: 'a1', title: 'Mobility course', completed: addMonths(today, -2), hours: 19, credits: [{ body: 'nasm', units: 1.9 }] });
    const form = new FormData();
    form.append('file', new Blob([CERTIFICATE]), 'mobility.pdf');
    expect((await fetch(`${server.url}api/people/me/activities/a1/evidence`, { method: 'POST', body: form })).status).toBe(201);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (error) => {
      throw error;
    });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sink?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  const downloadFrom = async (name: RegExp): Promise<{ fileName: string; bytes: Buffer }> => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('article[data-credential="cpt"]').getByRole('link', { name }).click()]);
    const path = join(dataDir, download.suggestedFilename());
    await download.saveAs(path);
    return { fileName: download.suggestedFilename(), bytes: readFileSync(path) };
  };

  it('downloads the transcript of the current cycle from the card', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
    const { fileName, bytes } = await downloadFrom(/^Transcript of NASM Certified Personal Trainer/);
    expect(fileName).toBe('transcript-cpt-cycle-1.pdf');
    const text = pdfText(bytes);
    expect(text).toContain('Credential number: NASM-88123');
    expect(text).toMatch(/1\s+\d{4}-\d{2}-\d{2}\s+Mobility course\s+-\s+19\s+1\.9/);
  }, TIMEOUT);

  it('creates the calendar feed, copies its address, and replaces it', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByRole('button', { name: 'Create calendar feed' }).click();
    const field = page.getByLabel(/Your private calendar address/);
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(url);
    const events = parseFeed(await (await fetch(url)).text());
    expect(events.some((e) => e.uid === 'me/cpt/renewal-deadline/cycle-1@recert')).toBe(true);
    if (process.env.RECERT_SCREENSHOTS) await page.locator('#calendar-panel').screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'screenshots', 'calendar-feed.png') });

    await page.getByRole('button', { name: 'New address' }).click();
    // Polled from here: the page's CSP forbids the string evaluation waitForFunction would use.
    await expect.poll(() => field.inputValue(), { timeout: 10_000 }).not.toBe(url);
    const rotated = await field.inputValue();
    expect(rotated).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(rotated)).status).toBe(200);
    await page.getByRole('button', { name: 'Turn off' }).click();
    await page.getByRole('button', { name: 'Create calendar feed' }).waitFor();
    expect((await fetch(rotated)).status).toBe(404);
  }, TIMEOUT);

  it('turns email reminders on: the reminder due is emailed, with an unsubscribe link, and the list says so', async () => {
    const panel = page.locator('#reminders-panel');
    await expect.poll(() => panel.locator('#notifications-list li').count()).toBe(1);
    expect(await panel.locator('#notifications-list').innerText()).toContain('Not emailed (reminder emails are off).');
    await page.getByLabel('Email me before my deadlines').check();
    await page.getByRole('button', { name: 'Save reminders' }).click();
    await expect.poll(() => page.locator('#reminders-error').innerText()).toBe('an email address is needed to turn reminders on');
    await page.getByLabel('Email address').fill('sam@example.com');
    await page.getByLabel('7 days before').uncheck();
    await page.getByRole('button', { name: 'Save reminders' }).click();
    await expect.poll(() => fetch(`${server.url}api/people/me/reminder-settings`).then((r) => r.json()), { timeout: 10_000 })
      .toMatchObject({ enabled: true, email: 'sam@example.com', thresholds: [90, 60, 30] });
    await expect.poll(() => sink.keys(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^me\/cpt\/cycle-1\/deadline-(90|60)$/)]);
    expect(sink.messages[0]!.text).toMatch(/Turn them off \(no login needed\): http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[A-Za-z0-9_-]{43}/);
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    await expect.poll(() => page.locator('#notifications-list').innerText()).toMatch(/Emailed \d{4}-\d{2}-\d{2}\./);
    expect(await page.getByLabel('Email me before my deadlines').isChecked()).toBe(true);
    expect(await page.getByLabel('Email address').inputValue()).toBe('sam@example.com');
    if (process.env.RECERT_SCREENSHOTS) await panel.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'screenshots', 'reminders-settings.png') });
  }, TIMEOUT);

  it('the unsubscribe link from the email turns reminders off in the browser, without login', async () => {
    const link = /Turn them off \(no login needed\): (\S+)/.exec(sink.messages[0]!.text ?? '')![1]!;
    const other = await browser.newPage();
    try {
      await other.goto(link);
      await other.getByRole('button', { name: 'Turn off reminders' }).click();
      await other.getByRole('heading', { name: 'Reminders turned off' }).waitFor();
      expect(await fetch(`${server.url}api/people/me/reminder-settings`).then((r) => r.json())).toMatchObject({ enabled: false, email: 'sam@example.com' });
    } finally {
      await other.close();
    }
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(await page.getByLabel('Email me before my deadlines').isChecked()).toBe(false);
  }, TIMEOUT);

  it('downloads the audit packet with the certificate', async () => {
    const { fileName, bytes } = await downloadFrom(/^Audit packet of NASM Certified Personal Trainer/);
    expect(fileName).toBe('audit-packet-cpt-cycle-1.zip');
    const entries = await unzip(bytes);
    expect(entries.get(`01-${addMonths(today, -2)}-mobility-course.pdf`)).toEqual(CERTIFICATE);
  }, TIMEOUT);
});
