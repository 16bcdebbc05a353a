/**
 * End to end: the real server (temp SQLite data folder, free port) and the web app in headless
 * Chromium. A trainer adds a credential, logs CE with a certificate, and sees the status change.
 * Saves docs/screenshots/dashboard.png (and a phone-width one) for the README.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localToday } from '../../src/api/local-today.js';
import { addDays, addMonths } from '../../src/shared/calendar-date.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { buildWebApp, describeInChromium, launchChromium, missingChromium } from './browser.js';

const today = localToday();
const CERTIFICATE = Buffer.from('%PDF-1.4\n% Certificate of completion: Mobility and corrective exercise, 19 hours, 1.9 NASM CEU\n%%EOF\n');
const TIMEOUT = 90_000;

describeInChromium('the web app in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (missingChromium !== null) throw new Error(`${missingChromium}. CI must run the end-to-end tests; failing instead of skipping.`);
    buildWebApp();
    dataDir = mkdtempSync(join(tmpdir(), 'recert-e2e-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => {
      throw error;
    });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  const card = (id: string) => page.locator(`article[data-credential="${id}"]`);

  it('starts on an empty wallet', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
    await expect(page.locator('#summary').textContent()).resolves.toBe('No credentials yet.');
    await expect(page.getByRole('heading', { name: 'Your wallet is empty' }).isVisible()).resolves.toBe(true);
  }, TIMEOUT);

  it('adds a credential through the form and shows it in progress', async () => {
    await addCredential(page, 'cpr-aed', addMonths(today, -1));
    await addCredential(page, 'nasm-cpt', addMonths(today, -20), 'NASM-88123');
    await expect(card('nasm-cpt').locator('.badge').textContent()).resolves.toBe('In progress');
    await expect(card('nasm-cpt').locator('.progress-label').textContent()).resolves.toContain('0.1 of 2.0 CEU');
    await expect(card('nasm-cpt').locator('.missing').textContent()).resolves.toMatch(/Still needed: 1\.9 CEU more/);
  }, TIMEOUT);

  it('shows the field the server refused, next to that field', async () => {
    await page.click('#open-activity');
    await page.fill('#activity-title', 'Mobility and corrective exercise');
    await page.fill('#activity-completed', addDays(today, -10));
    await page.click('#activity-form button[type="submit"]');
    const units = page.locator('[data-path="credits[0].units"]');
    await expect(units.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#activity-form .field-error').textContent()).resolves.toMatch(/units/);

    // A "PDF" that is really a Windows program: refused by content, and the activity is not kept.
    await page.selectOption('[data-path="credits[0].body"]', 'nasm');
    await page.fill('[data-path="credits[0].units"]', '1.9');
    await page.setInputFiles('#activity-evidence', { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00]) });
    await page.click('#activity-form button[type="submit"]');
    await page.waitForSelector('#activity-evidence[aria-invalid="true"]');
    await expect(page.locator('#activity-form .field-error').textContent()).resolves.toMatch(/not a PDF, PNG, JPEG, WebP or plain-text file/);
    const log = await page.request.get(`${server.url}api/people/me/activities`);
    expect(await log.json()).toEqual([]);
  }, TIMEOUT);

  it('logs CE with a certificate and the status turns current', async () => {
    await page.fill('#activity-hours', '19');
    await page.fill('#activity-provider', 'NASM');
    await page.setInputFiles('#activity-evidence', { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: CERTIFICATE });
    await page.click('#activity-form button[type="submit"]');
    await page.waitForSelector('article[data-credential="nasm-cpt"] .badge[data-status="current"]');
    await expect(card('nasm-cpt').locator('.progress-label').textContent()).resolves.toContain('2.0 of 2.0 CEU');
    const link = page.locator('tr[data-activity="a1"] a.file-link');
    await expect(link.textContent()).resolves.toBe('certificate.pdf');
    const download = await page.request.get(new URL((await link.getAttribute('href'))!, server.url).href);
    expect(Buffer.from(await download.body())).toEqual(CERTIFICATE);
  }, TIMEOUT);

  it('labels every form control and saves the dashboard screenshots', async () => {
    // A fuller wallet for the README picture: a second body's credential, due soon, and its CE.
    const api = `${server.url}api/people/me`;
    await page.request.post(`${api}/credentials`, { data: { program: 'ace-cpt', earned: addDays(addMonths(today, -24), 40) } });
    await page.request.post(`${api}/activities`, { data: { title: 'Ethics in personal training', completed: addMonths(today, -5), hours: 1, provider: 'ACE', credits: [{ body: 'ace', units: 0.1, category: 'ethics' }] } });
    await page.request.post(`${api}/activities`, { data: { title: 'Kettlebell foundations workshop', completed: addMonths(today, -9), hours: 8, provider: 'StrongFirst', credits: [{ body: 'nasm', units: 0.8 }, { body: 'ace', units: 0.8 }] } });
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    // Browser-side code as text: the project's TypeScript config has no DOM types.
    const unlabelled = await page.evaluate(`[...document.querySelectorAll('input, select, button')]
      .filter((el) => el.labels?.length === 0 && !el.getAttribute('aria-label') && el.textContent.trim() === '')
      .map((el) => el.outerHTML)`);
    expect(unlabelled).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/dashboard.png', fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'docs/screenshots/dashboard-phone.png', fullPage: true });
  }, TIMEOUT);
});

async function addCredential(page: Page, program: string, earned: string, number?: string): Promise<void> {
  const before = await page.locator('article[data-credential]').count();
  await page.click('#open-credential');
  await page.selectOption('#credential-program', program);
  await page.fill('#credential-earned', earned);
  if (number !== undefined) await page.fill('#credential-number', number);
  await page.click('#credential-form button[type="submit"]');
  await page.locator('article[data-credential]').nth(before).waitFor();
}
