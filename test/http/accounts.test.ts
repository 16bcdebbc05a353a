import { describe, expect, it } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startAccountsApp } from './account-fixtures.js';
import { useApp } from './use-app.js';

await describeEachStore('HTTP accounts and sign-in', { describe, it }, (backend) => {
  const app = useApp('each', () => startAccountsApp(backend));

  it('works without signing in on a loopback server with no accounts, and the change log says "local"', async () => {
    expect((await app.call('GET', '/api/auth/me')).body).toMatchObject({ mode: 'local', signedIn: true, via: 'local', personId: 'me' });
    expect((await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' }, { 'x-recert-actor': 'mallory' })).status).toBe(201);
    expect((await app.call('GET', '/api/people/me/changes?limit=1')).body[0].actor).toBe('local');
  });

  it('asks every /api request for a session once an account exists; the first account from a local server keeps the wallet "me"', async () => {
    await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' });
    const sam = await app.signIn('Sam@Example.org');
    expect(sam.personId).toBe('me');
    const anonymous = await app.call('GET', '/api/people/me/credentials');
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect((await app.call('GET', '/api/programs')).status).toBe(401);
    expect((await app.call('GET', '/api/health')).status).toBe(200);
    const mine = await app.as({ cookie: sam.cookie }, 'GET', '/api/people/me/credentials');
    expect(mine).toMatchObject({ status: 200, body: [{ id: 'cpt' }] });
    // The second account gets a new wallet with a random id; `me` is its own.
    const kim = await app.signIn('kim@example.org');
    expect(kim.personId).toMatch(/^[a-f0-9]{32}$/);
    expect((await app.as({ cookie: kim.cookie }, 'GET', '/api/people/me/credentials')).body).toEqual([]);
    // Sam's real id is "me", which to anyone else means their own wallet: nobody else can name it. Kim's is random.
    expect((await app.as({ cookie: sam.cookie }, 'GET', `/api/people/${kim.personId}/credentials`))).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', issues: [{ path: 'params.personId' }] } });
    // The change-log actor is the account, whatever header the client sends.
    await app.as({ cookie: kim.cookie }, 'POST', '/api/people/me/credentials', { id: 'cpr', program: 'cpr-aed', earned: '2025-03-01' }, { 'x-recert-actor': 'sam' });
    expect((await app.as({ cookie: kim.cookie }, 'GET', '/api/people/me/changes?limit=1')).body[0].actor).toBe(`account:${kim.accountId}`);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, without Secure only on loopback http', async () => {
    await app.call('POST', '/api/auth/email-link', { email: 'sam@example.org' });
    const token = new URL(app.mailbox[0]!.url).hash.slice('#token='.length);
    expect(app.mailbox[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sign-in\.html#token=[A-Za-z0-9_-]{43}$/);
    const verified = await app.call('POST', '/api/auth/email-link/verify', { token });
    const cookie = verified.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^recert_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
  });

  it('uses a sign-in link once, even when two clients try it at once', async () => {
    await app.call('POST', '/api/auth/email-link', { email: 'sam@example.org' });
    const token = new URL(app.mailbox[0]!.url).hash.slice('#token='.length);
    const [first, second] = await Promise.all([
      app.call('POST', '/api/auth/email-link/verify', { token }),
      app.call('POST', '/api/auth/email-link/verify', { token }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 400]);
    expect([first, second].find((r) => r.status === 400)!.body.code).toBe('SIGN_IN_LINK_INVALID');
    expect((await app.call('POST', '/api/auth/email-link/verify', { token: 'x'.repeat(43) })).body.code).toBe('SIGN_IN_LINK_INVALID');
  });

  it('lists and revokes sessions; a revoked or signed-out session stops working at once', async () => {
    const phone = await app.signIn('sam@example.org');
    const laptop = await app.signIn('sam@example.org');
    const sessions = await app.as({ cookie: laptop.cookie }, 'GET', '/api/auth/sessions');
    expect(sessions.body).toHaveLength(2);
    const phoneSession = sessions.body.find((s: { current: boolean }) => !s.current);
    expect(phoneSession.id).toMatch(/^[a-f0-9]{32}$/);
    expect((await app.as({ cookie: laptop.cookie }, 'DELETE', `/api/auth/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await app.as({ cookie: phone.cookie }, 'GET', '/api/people/me')).status).toBe(401);
    expect((await app.as({ cookie: laptop.cookie }, 'POST', '/api/auth/sign-out')).status).toBe(204);
    expect((await app.as({ cookie: laptop.cookie }, 'GET', '/api/people/me')).status).toBe(401);
  });

  it('gives scripts scoped, revocable bearer tokens, stored hashed', async () => {
    const sam = await app.signIn('sam@example.org');
    const read = await app.as({ cookie: sam.cookie }, 'POST', '/api/auth/tokens', { name: 'backup script', scope: 'read' });
    const write = await app.as({ cookie: sam.cookie }, 'POST', '/api/auth/tokens', { name: 'importer', scope: 'write' });
    expect(read).toMatchObject({ status: 201, body: { scope: 'read', token: expect.stringMatching(/^recert_[A-Za-z0-9_-]{43}$/) } });
    expect((await app.as({ token: read.body.token }, 'GET', '/api/people/me/credentials')).status).toBe(200);
    expect((await app.as({ token: read.body.token }, 'POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' }))).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await app.as({ token: write.body.token }, 'POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' })).status).toBe(201);
    expect((await app.as({ token: write.body.token }, 'GET', '/api/people/me/changes?limit=1')).body[0].actor).toBe(`account:${sam.accountId} token:${write.body.id}`);
    // A token cannot mint tokens or see sessions.
    expect((await app.as({ token: write.body.token }, 'POST', '/api/auth/tokens', { name: 'x', scope: 'write' })).status).toBe(403);
    expect((await app.as({ cookie: sam.cookie }, 'GET', '/api/auth/tokens')).body.map((t: { name: string }) => t.name)).toEqual(['backup script', 'importer']);
    expect(JSON.stringify((await app.as({ cookie: sam.cookie }, 'GET', '/api/auth/tokens')).body)).not.toContain(read.body.token);
    expect((await app.as({ cookie: sam.cookie }, 'DELETE', `/api/auth/tokens/${read.body.id}`)).status).toBe(204);
    expect((await app.as({ token: read.body.token }, 'GET', '/api/people/me/credentials'))).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect((await app.as({ token: read.body.token }, 'GET', '/api/health')).status).toBe(200); // public routes ignore a bad token
  });

  it('answers local-only routes (every person at once) with 403 once accounts exist', async () => {
    const sam = await app.signIn('sam@example.org');
    expect((await app.as({ cookie: sam.cookie }, 'GET', '/api/people')).status).toBe(403);
    expect((await app.as({ cookie: sam.cookie }, 'POST', '/api/example-wallets')).status).toBe(403);
  });
});

await describeEachStore('HTTP sign-in rate limit and required sign-in', { describe, it }, (backend) => {
  it('refuses sign-in attempts beyond the limit with 429 RATE_LIMITED', async () => {
    const app = await startAccountsApp(backend, { auth: { signInRateLimit: { max: 3, timeWindow: 60_000 } } });
    try {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await app.call('POST', '/api/auth/email-link', { email: `x${i}@example.org` }));
      expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 429, 429]);
      expect(answers[3]!.body.code).toBe('RATE_LIMITED');
      expect(app.mailbox).toHaveLength(3);
    } finally {
      await app.close();
    }
  });

  it('behind a TLS proxy it trusts (trustProxy), makes https links and Secure cookies; otherwise ignores X-Forwarded-Proto', async () => {
    for (const trustProxy of [true, false]) {
      const app = await startAccountsApp(backend, { trustProxy });
      try {
        await app.call('POST', '/api/auth/email-link', { email: 'sam@example.org' }, { 'x-forwarded-proto': 'https' });
        expect(app.mailbox[0]!.url.startsWith(trustProxy ? 'https://' : 'http://')).toBe(true);
        const token = new URL(app.mailbox[0]!.url).hash.slice('#token='.length);
        const verified = await app.call('POST', '/api/auth/email-link/verify', { token }, { 'x-forwarded-proto': 'https' });
        expect(verified.headers.get('set-cookie')!.includes('Secure')).toBe(trustProxy);
      } finally {
        await app.close();
      }
    }
  });

  it('refuses a sign-in link after 15 minutes, and a session after 30 days', async () => {
    let clock = new Date('2026-06-01T10:00:00Z');
    const app = await startAccountsApp(backend, { auth: { now: () => clock } });
    try {
      await app.call('POST', '/api/auth/email-link', { email: 'sam@example.org' });
      const token = new URL(app.mailbox[0]!.url).hash.slice('#token='.length);
      clock = new Date('2026-06-01T10:15:01Z');
      expect((await app.call('POST', '/api/auth/email-link/verify', { token })).body.code).toBe('SIGN_IN_LINK_INVALID');
      const sam = await app.signIn('sam@example.org');
      expect((await app.as({ cookie: sam.cookie }, 'GET', '/api/people/me')).status).toBe(200);
      clock = new Date('2026-07-01T10:16:00Z');
      expect((await app.as({ cookie: sam.cookie }, 'GET', '/api/people/me')).status).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('asks for sign-in before any account exists when told the server listens beyond loopback', async () => {
    const app = await startAccountsApp(backend, { auth: { requireSignIn: true } });
    try {
      expect((await app.call('GET', '/api/people/me')).status).toBe(401);
      expect((await app.call('GET', '/api/auth/me')).body).toMatchObject({ mode: 'accounts', signedIn: false });
      const first = await app.signIn('sam@example.org');
      expect(first.personId).not.toBe('me'); // not from a local server: no adoption of the local wallet
    } finally {
      await app.close();
    }
  });
});
