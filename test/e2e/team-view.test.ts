/**
 * End to end in Chromium: an owner signs in with an email link on the sign-in page, a trainer
 * accepts the gym's invitation, the owner's team view shows the trainer's row turn from due-soon to
 * current when the trainer logs CE, and the row disappears when the trainer withdraws; then the
 * owner adds a passkey (Chrome's virtual authenticator over CDP), signs out and signs in with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
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
import { buildWebApp, describeInChromium, launchChromium, missingChromium } from './browser.js';

const TIMEOUT = 90_000;

describeInChromium('an owner\'s team view in Chromium', () => {
  let app: FastifyInstance;
  let store: Store;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let base = '';
  const mailbox: { email: string; url: string }[] = [];
  const pageErrors: Error[] = [];

  beforeAll(async () => {
    if (missingChromium !== null) throw new Error(`${missingChromium}. CI must run the end-to-end tests; failing instead of skipping.`);
    buildWebApp();
    dataDir = mkdtempSync(join(tmpdir(), 'recert-e2e-team-'));
    store = await openStore({ dataDir, create: true });
    await store.createPerson({ id: 'me', name: 'Me' }, 'test');
    app = await buildApp(
      { store, files: new EvidenceFiles(join(dataDir, 'evidence')), catalog: readCatalogDir(), today: () => calendarDate('2026-06-01'), maxEvidenceBytes: 1 << 20 },
      { webRoots: WEB_ROOTS, auth: { sendSignInLink: async (email, url) => { mailbox.push({ email, url }); } } },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://localhost:${typeof address === 'object' && address !== null ? address.port : 0}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
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

  /** The trainer works through the API with their own session (a second device). */
  async function trainerCall(cookie: string, method: string, path: string, body?: unknown): Promise<any> {
    const headers: Record<string, string> = body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' };
    const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return response.status === 204 ? null : response.json();
  }

  it('signs the owner in with an email link, and shows the trainer\'s row change and go', async () => {
    await page.goto(`${base}/sign-in.html`);
    await page.getByLabel('Email').fill('owner@gym.example');
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.getByText('A sign-in link is on its way').waitFor();
    await Promise.all([page.waitForURL(`${base}/`), page.goto(mailbox.at(-1)!.url)]);
    const org = await page.evaluate(async () => (await fetch('/api/orgs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Northside Gym' }) })).json() as Promise<{ id: string }>);
    const invitation = await page.evaluate(async (id) => (await fetch(`/api/orgs/${id}/invitations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'member' }) })).json() as Promise<{ token: string }>, org.id);

    // The trainer signs in on their own device and accepts.
    await fetch(`${base}/api/auth/email-link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'trainer@example.org' }) });
    const token = new URL(mailbox.at(-1)!.url).hash.slice('#token='.length);
    const verified = await fetch(`${base}/api/auth/email-link/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const cookie = verified.headers.get('set-cookie')!.split(';')[0]!;
    await trainerCall(cookie, 'POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2024-06-20' });
    await trainerCall(cookie, 'POST', '/api/people/me/credentials', { id: 'cpr', program: 'cpr-aed', earned: '2025-01-10' });
    await trainerCall(cookie, 'POST', '/api/invitations/accept', { token: invitation.token });

    const row = page.locator('tr[data-credential="cpt"]');
    await page.goto(`${base}/team.html?org=${org.id}`);
    await expect(row.locator('.status-pill').textContent()).resolves.toBe('due-soon');
    await expect(page.locator('#team-risk').textContent()).resolves.toContain('2026-06: 1');

    expect(await trainerCall(cookie, 'POST', '/api/people/me/activities', { title: 'Big course', completed: '2026-05-01', credits: [{ body: 'nasm', units: 2 }] })).toMatchObject({ id: 'a1' });
    await page.reload();
    await expect(row.locator('.status-pill').textContent()).resolves.toBe('current');

    await trainerCall(cookie, 'DELETE', `/api/orgs/${org.id}/sharing`);
    await page.reload();
    await page.getByText('0 members sharing').waitFor();
    await expect(row.count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  }, TIMEOUT);

  it('adds a passkey with a virtual authenticator, signs out, and signs back in with it', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await page.goto(`${base}/sign-in.html`);
    await page.getByText('Signed in as owner@gym.example').waitFor();
    await page.getByText('(this one)').waitFor(); // the session list marks this device
    await page.getByRole('button', { name: 'Add a passkey to this account' }).click();
    await page.getByText('Passkey added').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    expect((await page.evaluate(async () => (await fetch('/api/auth/me')).json() as Promise<{ signedIn: boolean }>)).signedIn).toBe(false);
    await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: 'Sign in with a passkey' }).click()]);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json() as Promise<{ via: string; account: { email: string } }>);
    expect(me).toMatchObject({ via: 'session', account: { email: 'owner@gym.example' } });
    expect(pageErrors).toEqual([]);
  }, TIMEOUT);

  it('sends a browser without a session to the sign-in page', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${base}/`);
    await fresh.waitForURL(`${base}/sign-in.html`);
    await fresh.close();
  }, TIMEOUT);
});
