/**
 * The isolation matrix: every route the app registers (read from the app's own route table, so a
 * route added later is covered without editing this file) × every kind of caller, asserting exactly
 * who gets in. Denials are recognised by their answer: 401 UNAUTHENTICATED, 403 FORBIDDEN, or the
 * 404 of a person or organization that "does not exist" (a read of someone else's wallet must look
 * exactly like a wallet that is not there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAccess, type Access } from '../../src/api/auth/access-policy.js';
import { routeTable, type RouteEntry } from '../../src/api/auth/install-access.js';
import { newSecret, sha256 } from '../../src/api/auth/secrets.js';
import type { Account } from '../../src/store/account-store.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startAccountsApp, type AccountsApp, type Credential } from './account-fixtures.js';

type Role = 'anonymous' | 'self' | 'other person' | 'org viewer' | 'org admin' | "other org's admin" | "other person's API token";
const ROLES: readonly Role[] = ['anonymous', 'self', 'other person', 'org viewer', 'org admin', "other org's admin", "other person's API token"];

/**
 * What each role must get for a route of each access class: 'allowed', or the exact status of the
 * denial. "self" owns the wallet in the path and shares it with the organization in the path.
 */
function expected(access: Access, role: Role): 'allowed' | 401 | 403 | 404 {
  if (access === 'public') return 'allowed';
  if (role === 'anonymous') return 401;
  if (access === 'signed-in' || access === 'account') return 'allowed';
  if (access === 'local-only') return 403;
  if (access === 'session') return role === "other person's API token" ? 403 : 'allowed';
  if (access === 'person') return role === 'self' ? 'allowed' : 404;
  switch (access.org) {
    case 'related': return role === 'self' || role === 'org viewer' || role === 'org admin' ? 'allowed' : 404;
    case 'viewer': return role === 'org viewer' || role === 'org admin' ? 'allowed' : 404;
    case 'admin': return role === 'org admin' ? 'allowed' : role === 'org viewer' ? 403 : 404;
    case 'owner': return role === 'org admin' || role === 'org viewer' ? 403 : 404;
  }
}

/** Routes whose success would undo the fixture (sign out, delete the wallet) run last. */
const LAST = ['POST /api/auth/sign-out', 'DELETE /api/people/:personId'];

await describeEachStore('isolation matrix: every route × every role', { describe, it }, (backend) => {
  let app: AccountsApp;
  let routes: RouteEntry[];
  const credentials = new Map<Role, Credential>();
  let selfPerson = '';
  let orgId = '';
  let selfAccount = { id: '', email: '', personId: '', createdAt: '' };
  const roleAccounts = new Map<Role, Account>();

  beforeAll(async () => {
    app = await startAccountsApp(backend);
    await app.signIn('first@example.org'); // takes over the local wallet "me"; everyone below has a random id
    const self = await app.signIn('self@example.org');
    const other = await app.signIn('other@example.org');
    const viewer = await app.signIn('viewer@gym.example');
    const admin = await app.signIn('admin@gym.example');
    const rival = await app.signIn('admin@rival.example');
    selfPerson = self.personId;
    selfAccount = (await app.store.accounts.accountByEmail('self@example.org'))!;
    for (const [role, email] of [['self', 'self@example.org'], ['other person', 'other@example.org'], ['org viewer', 'viewer@gym.example'], ['org admin', 'admin@gym.example'], ["other org's admin", 'admin@rival.example']] as const) {
      roleAccounts.set(role, (await app.store.accounts.accountByEmail(email))!);
    }
    const org = await app.as({ cookie: admin.cookie }, 'POST', '/api/orgs', { name: 'Gym' });
    orgId = org.body.id;
    for (const [who, role] of [[viewer, 'viewer'], [self, 'member']] as const) {
      const invitation = await app.as({ cookie: admin.cookie }, 'POST', `/api/orgs/${orgId}/invitations`, { role });
      expect((await app.as({ cookie: who.cookie }, 'POST', '/api/invitations/accept', { token: invitation.body.token })).status).toBe(200);
    }
    await app.as({ cookie: rival.cookie }, 'POST', '/api/orgs', { name: 'Rival' });
    await app.as({ cookie: self.cookie }, 'POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2024-06-20' });
    const token = await app.as({ cookie: other.cookie }, 'POST', '/api/auth/tokens', { name: 'script', scope: 'write' });
    credentials.set('anonymous', null);
    credentials.set('self', { cookie: self.cookie });
    credentials.set('other person', { cookie: other.cookie });
    credentials.set('org viewer', { cookie: viewer.cookie });
    credentials.set('org admin', { cookie: admin.cookie });
    credentials.set("other org's admin", { cookie: rival.cookie });
    credentials.set("other person's API token", { token: token.body.token });
    routes = [...routeTable(app.app)];
  });
  afterAll(async () => {
    await app?.close();
  });

  it('classifies every route the app registers (a new route with no access class fails here)', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => r.access === null).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    // Every wallet route is a person route, whoever added it.
    expect(routes.filter((r) => r.url.startsWith('/api/people/:personId') && r.access !== 'person')).toEqual([]);
  });

  it('lets exactly the allowed roles through on every route, and answers the others 401, 403 or 404', async () => {
    const callable = routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && r.access !== null);
    const key = (r: RouteEntry) => `${r.method} ${r.url}`;
    callable.sort((a, b) => LAST.indexOf(key(a)) - LAST.indexOf(key(b)));
    const failures: string[] = [];
    let checked = 0;
    for (const route of callable) {
      // Denied roles first: a denial changes nothing, and an allowed write may change the fixture.
      const order = [...ROLES].sort((a, b) => Number(expected(route.access!, a) === 'allowed') - Number(expected(route.access!, b) === 'allowed'));
      for (const role of order) {
        await restoreFixture();
        const want = expected(route.access!, role);
        const response = await app.as(credentials.get(role)!, route.method, fill(route.url), ['GET', 'DELETE'].includes(route.method) ? undefined : {});
        const got = denial(response);
        const ok = want === 'allowed' ? got === null : got === want;
        checked++;
        if (!ok) failures.push(`${key(route)} [${describeAccess(route.access!)}] as ${role}: expected ${want}, got ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(callable.length * ROLES.length);
  }, 240_000);

  /** Path parameters: the wallet and organization under test, and plausible ids for the rest. */
  function fill(url: string): string {
    return url.replace(/:(\w+)|\*/g, (_, name: string | undefined) => {
      switch (name) {
        case 'personId': return selfPerson;
        case 'orgId': return orgId;
        case 'credentialId': return 'cpt';
        case 'evidenceId': return '00000000-0000-4000-8000-000000000000';
        case 'renewalId': return '1';
        case 'file': return `${'a'.repeat(43)}.ics`;
        case 'sessionId': case 'tokenId': case 'accountId': return '0'.repeat(32);
        default: return 'x';
      }
    });
  }

  function denial(response: { status: number; body: any }): number | null {
    if (response.status === 401 || (response.status === 403 && response.body?.code === 'FORBIDDEN')) return response.status;
    const path = response.body?.issues?.[0]?.path;
    if (response.status === 404 && (path === 'params.personId' || path === 'params.orgId')) return 404;
    return null;
  }

  /** Allowed writes may sign a role out or end the sharing; put the fixture back before each call. */
  async function restoreFixture(): Promise<void> {
    const accounts = app.store.accounts;
    if (!(await accounts.isShared(orgId, selfPerson))) {
      const secret = newSecret();
      await accounts.createInvitation(orgId, 'member', sha256(secret), 'test', new Date(Date.now() + 60_000));
      await accounts.acceptInvitation(sha256(secret), selfAccount, new Date());
    }
    for (const [role, credential] of credentials) {
      if (credential === null || !('cookie' in credential)) continue;
      const secret = credential.cookie.split('=')[1]!;
      if ((await accounts.sessionBySecret(sha256(secret), new Date())) !== null) continue;
      const account = roleAccounts.get(role)!;
      const fresh = newSecret();
      await accounts.createSession(account.id, sha256(fresh), null, new Date(Date.now() + 3_600_000));
      credentials.set(role, { cookie: `recert_session=${fresh}` });
    }
  }
});
