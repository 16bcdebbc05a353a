/**
 * End to end, the Plan view: the seed trainer (a new NASM-CPT with a CPR/AED card, planning two
 * renewals) opens the Plan view in headless Chromium, sees one specialization per renewal, proven
 * optimal, with the saving against the greedy plan and the sample-data banner; "at most 5 hours a
 * month" re-plans in place; the plan is added to their plan (and, added again, the keep-or-replace
 * question is asked); the planned courses show on the card and the timeline; the card offers the
 * cheapest way to close its gap; the specialization is marked done with a certificate and the card
 * turns current. At desktop and at phone width. (Editing and undoing a renewal and the future-dated
 * activity's warning are covered by dashboard.test.ts at both widths.)
 *
 * Screenshots go to a temporary folder unless RECERT_SCREENSHOTS_DIR is set (`npm run screenshots`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localToday } from '../../src/api/local-today.js';
import { addMonths } from '../../src/shared/calendar-date.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { buildWebApp, describeInChromium, launchChromium, missingChromium } from './browser.js';

const today = localToday();
const CERTIFICATE = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'certificate.pdf'));
const TIMEOUT = 180_000;
const SHOTS = process.env.RECERT_SCREENSHOTS_DIR ?? join(tmpdir(), 'recert-e2e-screenshots');

/** The seed trainer: NASM-CPT earned today, a CPR/AED card earned last month. */
const SEED_TRAINER = {
  credentials: [{ id: 'nasm-cpt', program: 'nasm-cpt', earned: today }, { id: 'cpr-aed', program: 'cpr-aed', earned: addMonths(today, -1) }],
  renewals: [],
  activities: [],
};

describeInChromium('the Plan view in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    if (missingChromium !== null) throw new Error(`${missingChromium}. CI must run the end-to-end tests; failing instead of skipping.`);
    buildWebApp();
    dataDir = mkdtempSync(join(tmpdir(), 'recert-e2e-plan-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
    browser = await launchChromium();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    it(`at ${name} width: plans, re-plans with at most 5 hours a month, adds the plan, marks the specialization done and the card turns current`, async () => {
      const person = `trainer-${name}`;
      const api = `${server.url}api/people/${person}`;
      const page = await browser.newPage({ viewport });
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      expect((await page.request.post(`${server.url}api/people`, { data: { id: person, name: `Seed trainer (${name})` } })).status()).toBe(201);
      expect((await page.request.post(`${api}/import`, { data: SEED_TRAINER })).status()).toBe(200);

      // The Plan view, reached from the dashboard's navigation.
      await page.goto(`${server.url}?person=${person}`);
      await page.waitForSelector('body[data-ready]');
      await page.getByRole('link', { name: 'Plan', exact: true }).click();
      const first = await nextAnswer(page, '0');
      const result = page.locator('#plan-result');
      await expect(result.locator('.plan-renewal').count()).resolves.toBe(2);
      // One specialization per renewal, each with its window, price, hours, format and what it brings.
      const earned: string[] = [];
      for (const renewal of await result.locator('.plan-renewal').all()) {
        const specialization = renewal.locator('.todo-item:not(.repeat)', { hasText: /Specialist/ });
        await expect(specialization.count()).resolves.toBe(1);
        await expect(specialization.locator('.todo-meta').textContent()).resolves.toMatch(/^National Academy of Sports Medicine \(NASM\) · \$\d+ · \d+ h · online$/);
        await expect(specialization.locator('.todo-when').textContent()).resolves.toMatch(/^Any day from \d+ \w{3} \d{4} to \d+ \w{3} \d{4}$/);
        const brings = await specialization.locator('.todo-counts').textContent();
        expect(brings).toMatch(/Earns NASM \w+ \w+ Specialist \(NASM-(CES|PES)\): 1\.9 CEU toward NASM Certified Personal Trainer \(NASM-CPT\)/);
        earned.push(/NASM-(CES|PES)/.exec(brings!)![0]);
      }
      expect(earned.sort()).toEqual(['NASM-CES', 'NASM-PES']);
      await expect(result.locator('.plan-status').textContent()).resolves.toBe('Proven optimal');
      await expect(result.locator('.plan-verdict').textContent()).resolves.toMatch(/^Total: \$\d+ and \d+ h: the lowest total price possible with this catalog \(proven optimal\)\.$/);
      await expect(result.locator('.plan-saving').textContent()).resolves.toMatch(/^Taking the cheapest course per unit, deadline by deadline, (would cost .*saves \$\d+|gives the same)/);
      await expect(result.locator('.sample-data').isVisible()).resolves.toBe(true);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(SHOTS, `plan-${name}.png`), fullPage: true });

      // What-if: at most 5 hours of study a month re-plans in place, and the plan changes.
      const before = await result.locator('.plan-renewal').allTextContents();
      await page.fill('#plan-hours', '5');
      await page.locator('#plan-hours').dispatchEvent('change');
      const slow = await nextAnswer(page, first);
      const after = await result.locator('.plan-renewal').allTextContents();
      expect(after).not.toEqual(before);
      await expect(result.locator('.plan-status').textContent()).resolves.toBe('Proven optimal');
      // Back to no limit: the first plan again.
      await page.fill('#plan-hours', '');
      await page.locator('#plan-hours').dispatchEvent('change');
      await nextAnswer(page, slow);
      await expect(result.locator('.plan-renewal').allTextContents()).resolves.toEqual(before);

      // Add to my plan: stored as planned items.
      await page.click('#add-plan');
      await page.locator('.toast', { hasText: /^Added 3 courses to your plan\.$/ }).waitFor();
      const planned = await (await page.request.get(`${api}/planned-items`)).json() as { id: string; title: string }[];
      expect(planned).toHaveLength(3);
      // Added again: keep or replace? Replace removes the three and adds them again: still three.
      await page.click('#add-plan');
      await page.locator('#keep-dialog[open]').waitFor();
      await expect(page.locator('#keep-what').textContent()).resolves.toContain('You already have 3 planned courses.');
      await page.getByRole('button', { name: 'Replace them' }).click();
      await page.locator('.toast', { hasText: 'Added 3 courses to your plan (replacing 3).' }).waitFor();
      const replaced = await (await page.request.get(`${api}/planned-items`)).json() as { id: string; title: string }[];
      expect(replaced.map((i) => i.title).sort()).toEqual(planned.map((i) => i.title).sort());

      // On the dashboard: the planned courses on the card and the timeline.
      await page.getByRole('link', { name: 'Credentials' }).click();
      const card = page.locator('article[data-credential="nasm-cpt"]');
      await expect(card.locator('.badge').textContent()).resolves.toBe('In progress');
      const lines = await card.locator('.planned li > span:first-child').allTextContents();
      expect(lines[0]).toMatch(/^1\.9 CEU planned: NASM \w+ \w+ Specialist \(\w+\) course and exam, by \d+ \w{3} \d{4}$/);
      expect(lines.some((line) => /^0\.1 CEU planned: .*CPR.* \(keeps “Current Adult CPR and AED certification with a hands-on component” met\), by /.test(line))).toBe(true);
      await expect(page.locator('#timeline .tl-plan').count()).resolves.toBe(3);
      await expect(page.locator('#planned-list li').count()).resolves.toBe(3);
      // Sample prices are flagged wherever they are shown.
      await expect(page.locator('#planned-list .sample-data').isVisible()).resolves.toBe(true);

      // The card's next step from the planner: the cheapest way to close its gap before the deadline.
      await card.getByRole('button', { name: 'Find the cheapest way to close the gap' }).click();
      const cheapest = card.locator('.cheapest-line');
      await cheapest.waitFor();
      await expect(cheapest.textContent()).resolves.toMatch(/^Cheapest: .*Specialist.*\(\$\d+, \d+ h\) by \d+ \w{3} \d{4}.*\(sample prices: check with the provider\)$/);
      await expect(card.locator('.cheapest').getByRole('button', { name: 'Add to my plan' }).isVisible()).resolves.toBe(true);

      // Mark the specialization done, with its certificate: the card turns current.
      const title = /planned: (.*), by/.exec(lines[0]!)![1]!;
      await card.getByRole('button', { name: `Mark “${title}” done` }).click();
      await page.locator('#done-dialog[open]').waitFor();
      await expect(page.inputValue('#done-date')).resolves.toBe(today);
      await page.setInputFiles('#done-evidence', { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: CERTIFICATE });
      await page.click('#done-form button[type="submit"]');
      await page.waitForSelector('article[data-credential="nasm-cpt"] .badge[data-status="current"]');
      await expect(card.locator('.progress-label').textContent()).resolves.toContain('2.0 of 2.0 CEU');
      await expect(card.locator('.planned li').count()).resolves.toBe(2);
      const row = page.locator('tr[data-activity]', { hasText: title });
      await expect(row.locator('a.file-link').textContent()).resolves.toBe('certificate.pdf');
      const download = await page.request.get(new URL((await row.locator('a.file-link').getAttribute('href'))!, server.url).href);
      expect(Buffer.from(await download.body())).toEqual(CERTIFICATE);
      await expect((await (await page.request.get(`${api}/planned-items`)).json() as unknown[]).length).toBe(2);

      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      // The picture: from the top (the header is sticky), without the passing notices.
      await page.evaluate(`document.querySelectorAll('.toast').forEach((toast) => toast.remove()); window.scrollTo(0, 0)`);
      await page.screenshot({ path: join(SHOTS, `plan-added-${name}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }, TIMEOUT);
  }

  it('names renewals a budget makes impossible with their remedy, shows a refused option at its field, a busy server as busy with a way to try again, and a credential let lapse', async () => {
    const person = 'trainer-busy';
    const api = `${server.url}api/people/${person}`;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    expect((await page.request.post(`${server.url}api/people`, { data: { id: person, name: 'Busy trainer' } })).status()).toBe(201);
    expect((await page.request.post(`${api}/import`, { data: SEED_TRAINER })).status()).toBe(200);
    await page.goto(`${server.url}?person=${person}#plan`);
    await page.waitForSelector('body[data-ready]');
    let seen = await nextAnswer(page, '0');

    // A $100 yearly budget: the renewals cannot be met; each is named with why and what would make it possible.
    await page.fill('#plan-budget', '100');
    await page.locator('#plan-budget').dispatchEvent('change');
    seen = await nextAnswer(page, seen);
    const impossible = page.locator('#plan-result .plan-infeasible');
    await expect(impossible.count()).resolves.toBe(2);
    await expect(impossible.first().locator('.notice-title').textContent()).resolves.toMatch(/^NASM Certified Personal Trainer \(NASM-CPT\): the renewal by \d+ \w{3} \d{4} cannot be met$/);
    await expect(impossible.first().locator('.plan-remedy').textContent()).resolves.toMatch(/^To make it possible: raise the yearly budget \(now \$100\)/);
    await expect(page.locator('#plan-result .plan-status').textContent()).resolves.toBe('No plan');
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SHOTS, 'plan-impossible.png'), fullPage: true });

    // A budget below zero: the server's 400 names the field, and the form shows it there.
    await page.fill('#plan-budget', '-5');
    await page.locator('#plan-budget').dispatchEvent('change');
    seen = await nextAnswer(page, seen);
    await expect(page.getAttribute('#plan-budget', 'aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#plan-form .field-error').textContent()).resolves.toMatch(/budget of 0 or more/);
    await expect(page.locator('#plan-result .plan-error .notice-title').textContent()).resolves.toBe('No plan');
    await page.fill('#plan-budget', '');

    // A busy server: the next plan request is answered 429 PLAN_BUSY, in the server's own error shape (the
    // queue limit itself is tested in src/plan-service/plan-service.test.ts; filling the real queue here
    // would depend on how long each plan takes). The Plan view shows it as busy, with a way to try again.
    const planUrl = `**/api/people/${person}/plan`;
    await page.route(planUrl, (route) => route.fulfill({
      status: 429,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 429, code: 'PLAN_BUSY', error: 'Too Many Requests',
        message: `params.personId: 4 plans for "${person}" are already running or waiting; try again when one has finished`,
        issues: [{ code: 'PLAN_BUSY', path: 'params.personId', message: `4 plans for "${person}" are already running or waiting; try again when one has finished` }],
      }),
    }), { times: 1 });
    await page.click('#plan-form button[type="submit"]');
    seen = await nextAnswer(page, seen);
    const busy = page.locator('#plan-result .plan-error[data-busy="true"]');
    await expect(busy.textContent()).resolves.toContain('recert is still solving your earlier plans. Try again in a moment.');
    await busy.getByRole('button', { name: 'Try again' }).click();
    await nextAnswer(page, seen);
    await expect(page.locator('#plan-result .plan-status').textContent()).resolves.toBe('Proven optimal');
    seen = (await page.getAttribute('#plan-result', 'data-solved'))!;

    // Let the NASM-CPT lapse: nothing left to plan for it, and the view says so by name.
    await page.getByRole('checkbox', { name: 'NASM Certified Personal Trainer (NASM-CPT)' }).check();
    await nextAnswer(page, seen);
    await expect(page.locator('#plan-result .plan-renewal').count()).resolves.toBe(0);
    await expect(page.locator('#plan-result').textContent()).resolves.toContain('Let lapse as asked: NASM Certified Personal Trainer (NASM-CPT).');
    await page.close();
  }, TIMEOUT);

  it('adds a course the trainer is considering, which the plan then uses, and removes it again', async () => {
    const person = 'trainer-own';
    const api = `${server.url}api/people/${person}`;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    expect((await page.request.post(`${server.url}api/people`, { data: { id: person, name: 'Own offerings' } })).status()).toBe(201);
    expect((await page.request.post(`${api}/import`, { data: SEED_TRAINER })).status()).toBe(200);
    await page.goto(`${server.url}?person=${person}#plan`);
    await page.waitForSelector('body[data-ready]');
    let seen = await nextAnswer(page, '0');
    await expect(page.locator('#plan-result [data-offering^="own:"]').count()).resolves.toBe(0);

    await page.locator('#own-panel summary').click();
    await page.fill('#own-title', 'Local strength workshop');
    await page.fill('#own-provider', 'My Gym');
    await page.fill('#own-price', '50');
    await page.fill('#own-hours', '20');
    await page.selectOption('#own-format', 'in-person');
    await page.selectOption('#own-when', 'session');
    await page.fill('#own-date', addMonths(today, 2));
    await page.selectOption('#own-body', 'nasm');
    // Units left out: refused, and shown at that field.
    await page.click('#own-offering-form button[type="submit"]');
    await page.waitForSelector('#own-units[aria-invalid="true"]');
    await page.fill('#own-units', '2');
    await page.click('#own-offering-form button[type="submit"]');
    await page.locator('#own-offerings li', { hasText: 'Local strength workshop' }).waitFor();
    await expect(page.locator('#own-offerings li').textContent()).resolves.toContain('My Gym · $50 · 20 h · in-person');
    seen = await nextAnswer(page, seen);
    const workshop = page.locator('#plan-result .plan-renewal').first().locator('[data-offering="own:o1"]');
    await expect(workshop.locator('.todo-when').textContent()).resolves.toMatch(/^On \d+ \w{3} \d{4} \(scheduled session\)$/);
    await expect(workshop.locator('.todo-counts').textContent()).resolves.toContain('2.0 CEU toward NASM Certified Personal Trainer (NASM-CPT)');

    await page.getByRole('button', { name: 'Remove “Local strength workshop”' }).click();
    await nextAnswer(page, seen);
    await expect(page.locator('#plan-result [data-offering^="own:"]').count()).resolves.toBe(0);
    expect(await (await page.request.get(`${api}/offerings`)).json()).toEqual([]);
    await page.close();
  }, TIMEOUT);
});

/** Waits until the Plan view shows an answer after the one counted `previous`; returns its count. */
async function nextAnswer(page: Page, previous: string): Promise<string> {
  const result = page.locator(`#plan-result[data-solved]:not([data-solved="${previous}"])`);
  await result.waitFor({ timeout: 90_000 });
  return (await result.getAttribute('data-solved'))!;
}
