/**
 * End to end in Debian's Chromium: the Transcript and Audit packet buttons on a credential card download
 * the documents the API builds (read back with pdftotext and a ZIP reader); the calendar panel creates,
 * copies, replaces and turns off the feed address (the feed is read back with ical.js).
 * RECERT_SCREENSHOTS=1 also saves docs/screenshots/calendar-feed.png.
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
import { buildWebApp, describeInChromium, launchChromium, missingChromium } from './browser.js';

const today = localToday();
const CERTIFICATE = Buffer.from('%PDF-1.4\n% Certificate: mobility course, 19 hours\n%%EOF\n');
const TIMEOUT = 90_000;

describeInChromium('audit documents and the calendar feed from the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (missingChromium !== null) throw new Error(`${missingChromium}. CI must run the end-to-end tests; failing instead of skipping.`);
    buildWebApp();
    dataDir = mkdtempSync(join(tmpdir(), 'recert-e2e-audit-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
    const post = (path: string, body: unknown) => fetch(`${server.url}api/people/me/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post('credentials', { id: 'cpt', program: 'nasm-cpt', earned: addMonths(today, -20), number: 'NASM-88123' });
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

  it('downloads the audit packet with the certificate', async () => {
    const { fileName, bytes } = await downloadFrom(/^Audit packet of NASM Certified Personal Trainer/);
    expect(fileName).toBe('audit-packet-cpt-cycle-1.zip');
    const entries = await unzip(bytes);
    expect(entries.get(`01-${addMonths(today, -2)}-mobility-course.pdf`)).toEqual(CERTIFICATE);
  }, TIMEOUT);
});
