/**
 * End to end: a newcomer's first screen. The empty wallet offers to add a first credential or to
 * load the example wallet; the example opens as its own person and leaves the newcomer's wallet empty.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { buildWebApp, describeInChromium, launchChromium, missingChromium } from './browser.js';

const TIMEOUT = 90_000;

describeInChromium('a newcomer on the empty wallet in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const pageErrors: Error[] = [];

  beforeAll(async () => {
    if (missingChromium !== null) throw new Error(`${missingChromium}. CI must run the end-to-end tests; failing instead of skipping.`);
    buildWebApp();
    dataDir = mkdtempSync(join(tmpdir(), 'recert-e2e-empty-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error));
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('offers to add a first credential or to load the example wallet', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
    await expect(page.getByRole('heading', { name: 'Your wallet is empty' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Add your first credential' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Load the example wallet' }).isVisible()).resolves.toBe(true);
  }, TIMEOUT);

  it('loads the example wallet as a new person and shows its credentials', async () => {
    await Promise.all([page.waitForURL(/\?person=example-[0-9a-f]{8}$/), page.getByRole('button', { name: 'Load the example wallet' }).click()]);
    await page.waitForSelector('body[data-ready]');
    for (const id of ['cpt', 'ces', 'cpr']) {
      await expect(page.locator(`article[data-credential="${id}"]`).count(), id).resolves.toBe(1);
    }
    await expect(page.locator('#ce-log').textContent()).resolves.toContain('Kettlebell workshop');
    await expect(page.getByRole('note').textContent()).resolves.toContain('example wallet');
    const person = new URL(page.url()).searchParams.get('person')!;
    const people = (await (await fetch(new URL('/api/people', server.url))).json()) as { id: string }[];
    expect(people.map((p) => p.id).sort()).toEqual(['me', person].sort());
  }, TIMEOUT);

  it('leaves the newcomer’s own wallet empty, one click away', async () => {
    await Promise.all([page.waitForURL(server.url), page.getByRole('link', { name: 'Back to your wallet' }).click()]);
    await page.waitForSelector('body[data-ready]');
    await expect(page.locator('#summary').textContent()).resolves.toBe('No credentials yet.');
    await expect(page.getByRole('note').count()).resolves.toBe(0);
  }, TIMEOUT);

  it('loads another example and removes it again, back on the newcomer’s own wallet', async () => {
    await Promise.all([page.waitForURL(/\?person=example-[0-9a-f]{8}$/), page.getByRole('button', { name: 'Load the example wallet' }).click()]);
    await page.waitForSelector('body[data-ready]');
    const person = new URL(page.url()).searchParams.get('person')!;
    await Promise.all([page.waitForURL(server.url), page.getByRole('button', { name: 'Remove this example' }).click()]);
    await page.waitForSelector('body[data-ready]');
    await expect(page.locator('#summary').textContent()).resolves.toBe('No credentials yet.');
    const people = (await (await fetch(new URL('/api/people', server.url))).json()) as { id: string }[];
    expect(people.map((p) => p.id)).not.toContain(person);
    expect(people.map((p) => p.id)).toContain('me');
    expect(pageErrors).toEqual([]);
  }, TIMEOUT);
});
