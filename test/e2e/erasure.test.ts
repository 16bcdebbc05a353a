/**
 * End to end in Chromium: a signed-in person downloads all their data from the account page (a ZIP
 * with their wallet and certificate), then deletes the account, typing the email again to confirm.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/api/build-app.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { WEB_ROOTS } from '../../src/server/start-server.js';
import { calendarDate } from '../../src/shared/calendar-date.js';
import { EvidenceFiles } from '../../src/store/evidence/evidence-files.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { unzip } from '../audit/read-documents.js';
import { buildWebApp, describeInChromium, launchChromium, missingChromium } from './browser.js';

const TIMEOUT = 90_000;
const CERTIFICATE = '%PDF-1.4\n% first aid\n%%EOF\n';

describeInChromium('downloading all one\'s data and deleting the account in Chromium', () => {
  let app: FastifyInstance;
  let store: Store;
  let files: EvidenceFiles;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let base = '';
  const mailbox: { email: string; url: string }[] = [];
  const pageErrors: Error[] = [];

  beforeAll(async () => {
    if (missingChromium !== null) throw new Error(`${missingChromium}. CI must run the end-to-end tests; failing instead of skipping.`);
    buildWebApp();
    dataDir = mkdtempSync(join(tmpdir(), 'recert-e2e-erasure-'));
    store = await openStore({ dataDir, create: true });
    await store.createPerson({ id: 'me', name: 'Me' }, 'test');
    files = new EvidenceFiles(join(dataDir, 'evidence'));
    app = await buildApp(
      { store, files, catalog: readCatalogDir(), today: () => calendarDate('2026-06-01'), maxEvidenceBytes: 1 << 20 },
      { webRoots: WEB_ROOTS, auth: { sendSignInLink: async (email, url) => { mailbox.push({ email, url }); } } },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://localhost:${typeof address === 'object' && address !== null ? address.port : 0}`;
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error));
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (app !== undefined) {
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
    }
    await store?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('downloads the ZIP of everything, then deletes the account only with the email typed again', async () => {
    await page.goto(`${base}/sign-in.html`);
    await page.getByLabel('Email').fill('sam@example.org');
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.getByText('A sign-in link is on its way').waitFor();
    await Promise.all([page.waitForURL(`${base}/`), page.goto(mailbox.at(-1)!.url)]);
    await page.evaluate(async (pdf) => {
      await fetch('/api/people/me/activities', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'a1', title: 'First aid', completed: '2026-03-12' }) });
      const form = new FormData();
      form.append('file', new Blob([pdf]), 'first-aid.pdf');
      await fetch('/api/people/me/activities/a1/evidence', { method: 'POST', body: form });
    }, CERTIFICATE);

    await page.goto(`${base}/sign-in.html`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download all my data' }).click()]);
    const entries = await unzip(readFileSync((await download.path())!));
    expect(JSON.parse(entries.get('wallet.json')!.toString()).activities.map((a: { title: string }) => a.title)).toEqual(['First aid']);
    expect(entries.get('evidence/a1-2026-03-12-first-aid.pdf')!.toString()).toBe(CERTIFICATE);

    await page.getByText('Delete my account').first().click(); // opens the <details>
    await page.getByLabel('To confirm, type the address you sign in with').fill('someone@example.org');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText("type the account's email address exactly").waitFor();
    expect(await store.accounts.accountByEmail('sam@example.org')).not.toBeNull();

    await page.getByLabel('To confirm, type the address you sign in with').fill('sam@example.org');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('Your account and everything in it are deleted.').waitFor();
    expect(await store.accounts.accountByEmail('sam@example.org')).toBeNull();
    expect(await files.has(EvidenceFiles.sha256(Buffer.from(CERTIFICATE)))).toBe(false);
    expect(await page.evaluate(async () => (await (await fetch('/api/auth/me')).json() as { signedIn: boolean }).signedIn)).toBe(false);
    expect(pageErrors).toEqual([]);
  }, TIMEOUT);
});
