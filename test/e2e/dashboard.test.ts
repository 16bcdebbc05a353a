/**
 * End to end: the real server (temp SQLite data folder, free port) and the web app in headless
 * Chromium. A trainer adds a credential, logs CE with a certificate, and sees the status change; a
 * future-dated activity is saved with its warning; a renewal is recorded, moved and undone; the CE
 * log says what counted. The new checks run at desktop and at phone width.
 *
 * Screenshots go to a temporary folder, so the test never rewrites a tracked file. `npm run
 * screenshots` sets RECERT_SCREENSHOTS_DIR=docs/screenshots to refresh the committed ones.
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
const SHOTS = process.env.RECERT_SCREENSHOTS_DIR ?? join(tmpdir(), 'recert-e2e-screenshots');

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
    await expect(card('nasm-cpt').locator('.next-step').textContent()).resolves.toMatch(/^Next step: Complete 1\.9 CEU by \d{4}-\d{2}-\d{2}, then renew\. Renewal fee: \$\d+.* Renew at https:\/\/www\.nasm\.org\/\S+\.$/);
    await expect(card('nasm-cpt').locator('.next-step a').getAttribute('href')).resolves.toMatch(/^https:\/\/www\.nasm\.org\//);
    await card('nasm-cpt').locator('details.why > summary').click();
    await expect(card('nasm-cpt').locator('.why-summary').textContent()).resolves.toMatch(/Still needed: 1\.9 CEU more\..*0\.1 of 2\.0 CEU counted from 1 credential held\./);
    // Sources and unconfirmed values are one level further down, collapsed.
    await expect(card('nasm-cpt').locator('details.sources').getAttribute('open')).resolves.toBeNull();
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

  it('shows a future-dated activity\'s warning after saving, and what it counted once fixed', async () => {
    await futureActivityShowsWarning(page, 'Kettlebell course', 0.5);
    // The CE log says what the first activity counted toward.
    await expect(page.locator('tr[data-activity="a1"] .counted li.counted').textContent()).resolves.toMatch(/^Counted 1\.9 CEU toward NASM-CPT cycle \d{4}–\d{4}\.$/);
  }, TIMEOUT);

  it('records a renewal, changes its date and undoes it, with the change history', async () => {
    await renewalCanBeMovedAndUndone(page);
  }, TIMEOUT);

  it('edits a credential and an activity\'s credit lines, and keeps the last line', async () => {
    await card('nasm-cpt').getByRole('button', { name: /^Edit NASM/ }).click();
    await expect(page.inputValue('#credential-number')).resolves.toBe('NASM-88123');
    await page.fill('#credential-number', 'NASM-99001');
    await page.click('#credential-form button[type="submit"]');
    await page.locator('#credential-dialog').waitFor({ state: 'hidden' });
    const stored = await page.request.get(`${server.url}api/people/me/credentials/nasm-cpt`);
    expect((await stored.json()).number).toBe('NASM-99001');

    const row = page.locator('tr[data-activity="a1"]');
    await row.getByRole('button', { name: /^Edit / }).click();
    // One line: it cannot be removed.
    await expect(page.locator('#credit-lines .remove').first().isHidden()).resolves.toBe(true);
    await page.click('#add-credit');
    await page.selectOption('[data-path="credits[1].body"]', 'ace');
    await page.fill('[data-path="credits[1].units"]', '1.9');
    await page.click('#activity-form button[type="submit"]');
    await row.locator('.chip', { hasText: 'ACE 1.9' }).waitFor();
    await row.getByRole('button', { name: /^Edit / }).click();
    await page.locator('#credit-lines .credit-line').nth(1).locator('.remove').click();
    await page.click('#activity-form button[type="submit"]');
    await row.locator('.chip', { hasText: 'ACE 1.9' }).waitFor({ state: 'detached' });
    await page.locator('#history summary').click();
    await expect(page.locator('#changes').textContent()).resolves.toContain('Changed credential nasm-cpt: number “NASM-88123” → “NASM-99001”.');
    await page.locator('#history summary').click();
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
    // The picture shows one "Why this status" open: its plain summary first, sources collapsed below.
    await card('ace-cpt').locator('details.why > summary').click();
    await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });

    // Printed, the dashboard is a report: no buttons or forms, the progress bars still drawn in colour.
    await page.emulateMedia({ media: 'print' });
    const visibleButtons = await page.evaluate(`[...document.querySelectorAll('button, input, select, .button')].filter((el) => el.getClientRects().length > 0).length`);
    expect(visibleButtons).toBe(0);
    const bar = await page.evaluate(`(() => { const fill = document.querySelector('article[data-credential="nasm-cpt"] .bar-fill'); const style = getComputedStyle(fill); return { width: fill.getBoundingClientRect().width, adjust: style.printColorAdjust, colour: style.backgroundColor }; })()`) as { width: number; adjust: string; colour: string };
    expect(bar.width).toBeGreaterThan(50);
    expect(bar.adjust).toBe('exact');
    await page.screenshot({ path: join(SHOTS, 'dashboard-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    const dark = await page.evaluate(`getComputedStyle(document.documentElement).backgroundColor`);
    expect(dark).toBe('rgb(15, 20, 25)');
    await page.screenshot({ path: join(SHOTS, 'dashboard-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'dashboard-phone.png'), fullPage: true });
  }, TIMEOUT);

  it('at phone width: shows a future-dated activity\'s warning, fixes it, and edits and undoes a renewal', async () => {
    expect(page.viewportSize()?.width).toBe(390);
    await futureActivityShowsWarning(page, 'Olympic lifting clinic', 0.3);
    await renewalCanBeMovedAndUndone(page);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  }, TIMEOUT);
});

/** Logs CE dated next month: saved, warned about, not counted yet; then dated last week through Edit, and counted. */
async function futureActivityShowsWarning(page: Page, title: string, units: number): Promise<void> {
  await page.click('#open-activity');
  await page.fill('#activity-title', title);
  await page.fill('#activity-completed', addMonths(today, 1));
  await page.selectOption('[data-path="credits[0].body"]', 'nasm');
  await page.fill('[data-path="credits[0].units"]', String(units));
  await page.click('#activity-form button[type="submit"]');
  const warning = page.locator('#save-warnings [data-code="ACTIVITY_IN_FUTURE"]');
  await warning.waitFor();
  expect(await warning.textContent()).toMatch(/after today/);
  const row = page.locator('tr[data-activity]', { hasText: title });
  await expect(row.locator('.counted li[data-credential="nasm-cpt"]').textContent()).resolves.toBe('Dated after the as-of date: not counted toward NASM-CPT yet.');

  await row.getByRole('button', { name: `Edit ${title}` }).click();
  await expect(page.inputValue('#activity-title')).resolves.toBe(title);
  await expect(page.inputValue('[data-path="credits[0].units"]')).resolves.toBe(String(units));
  await page.fill('#activity-completed', addDays(today, -7));
  await page.click('#activity-form button[type="submit"]');
  await page.locator('#save-warnings .notice').waitFor({ state: 'detached' });
  await row.locator('.counted li.counted[data-credential="nasm-cpt"]').waitFor();
  await expect(row.locator('.counted li[data-credential="nasm-cpt"]').textContent()).resolves.toMatch(new RegExp(`^Counted ${units.toFixed(1)} CEU toward NASM-CPT cycle \\d{4}–\\d{4}\\.$`));
}

/** Records a renewal on the NASM card, moves it a day back, and undoes it; the change history says so. */
async function renewalCanBeMovedAndUndone(page: Page): Promise<void> {
  const nasm = page.locator('article[data-credential="nasm-cpt"]');
  await nasm.getByRole('button', { name: 'Record renewal' }).click();
  await page.fill('#renew-date', today);
  await page.click('#renew-form button[type="submit"]');
  const item = nasm.locator('.renewals li');
  await item.waitFor();
  await expect(item.locator('time').getAttribute('datetime')).resolves.toBe(today);

  await item.getByRole('button', { name: /^Change the .* renewal of/ }).click();
  await expect(page.inputValue('#renew-date')).resolves.toBe(today);
  await page.fill('#renew-date', addDays(today, -1));
  await page.click('#renew-form button[type="submit"]');
  await nasm.locator(`.renewals time[datetime="${addDays(today, -1)}"]`).waitFor();
  await expect(nasm.locator('.renewals li').count()).resolves.toBe(1);

  await nasm.locator('.renewals li').getByRole('button', { name: /^Undo the .* renewal of/ }).click();
  await nasm.locator('.renewals').waitFor({ state: 'detached' });
  const renewals = await page.request.get(new URL('api/people/me/credentials/nasm-cpt', page.url()).href);
  expect((await renewals.json()).renewals).toEqual([]);

  await page.locator('#history summary').click();
  const history = await page.locator('#changes').textContent();
  expect(history).toContain(`Changed the renewal of nasm-cpt on ${formatDay(today)}: date ${formatDay(today)} → ${formatDay(addDays(today, -1))}.`);
  expect(history).toContain(`Removed the renewal of nasm-cpt on ${formatDay(addDays(today, -1))}.`);
  await page.locator('#history summary').click();
}

/** 2026-11-25 → "25 Nov 2026", as the web app writes dates. */
function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m! - 1]} ${y}`;
}

async function addCredential(page: Page, program: string, earned: string, number?: string): Promise<void> {
  const before = await page.locator('article[data-credential]').count();
  await page.click('#open-credential');
  await page.selectOption('#credential-program', program);
  await page.fill('#credential-earned', earned);
  if (number !== undefined) await page.fill('#credential-number', number);
  await page.click('#credential-form button[type="submit"]');
  await page.locator('article[data-credential]').nth(before).waitFor();
}
