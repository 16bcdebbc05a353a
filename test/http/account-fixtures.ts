/**
 * Accounts for HTTP tests: a test app whose sign-in links land in a mailbox array instead of the
 * console, and a `signIn` that walks the real email-link flow and returns the session cookie.
 */
import type { AppOptions } from '../../src/api/build-app.js';
import type { Backend } from '../../src/store/testing/store-backends.js';
import { startTestApp, type TestApp } from './start-test-app.js';

export interface Mail { readonly email: string; readonly url: string }

export interface AccountsApp extends TestApp {
  readonly mailbox: Mail[];
  /** Signs in by email link; returns the account, its person id and a Cookie header value. */
  signIn(email: string): Promise<{ accountId: string; personId: string; cookie: string }>;
  /** call() with the given cookie or bearer token. */
  as(credential: Credential, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
}

export type Credential = { cookie: string } | { token: string } | null;

export async function startAccountsApp(backend: Backend, app: AppOptions = {}): Promise<AccountsApp> {
  const mailbox: Mail[] = [];
  const test = await startTestApp(backend, {
    app: { ...app, auth: { sendSignInLink: async (email, url) => { mailbox.push({ email, url }); }, signInRateLimit: { max: 1000, timeWindow: 60_000 }, ...app.auth } },
  });
  const as: AccountsApp['as'] = (credential, method, path, body, headers = {}) => {
    const auth: Record<string, string> = credential === null ? {} : 'cookie' in credential ? { cookie: credential.cookie } : { authorization: `Bearer ${credential.token}` };
    return test.call(method, path, body, { ...auth, ...headers });
  };
  return {
    ...test,
    mailbox,
    as,
    async signIn(email) {
      const asked = await test.call('POST', '/api/auth/email-link', { email });
      if (asked.status !== 202) throw new Error(`email-link answered ${asked.status}: ${JSON.stringify(asked.body)}`);
      const mail = mailbox.filter((m) => m.email === email.toLowerCase()).at(-1)!;
      const token = new URL(mail.url).hash.replace('#token=', '');
      const verified = await test.call('POST', '/api/auth/email-link/verify', { token });
      if (verified.status !== 200) throw new Error(`verify answered ${verified.status}: ${JSON.stringify(verified.body)}`);
      const setCookie = verified.headers.get('set-cookie') ?? '';
      const cookie = setCookie.split(';')[0]!;
      return { accountId: verified.body.account.id, personId: verified.body.account.personId, cookie };
    },
  };
}
