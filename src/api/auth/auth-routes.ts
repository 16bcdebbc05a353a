/**
 * /api/auth: sign-in by email link, sign-out, who am I, the account's sessions and API tokens.
 *
 * Email links: POST /auth/email-link sends (or, with no mail setup, prints to the server console) a
 * link to /sign-in.html#token=…; the page POSTs the token to /auth/email-link/verify, which opens
 * a session. The token is single use, expires after 15 minutes and is stored only as its SHA-256;
 * the link puts it after `#`, so it never reaches a server log, a proxy or a Referer header, and a
 * mail scanner that follows links cannot use it up (verifying is a POST the page makes).
 */
import '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecertError } from '../../shared/recert-error.js';
import type { Account } from '../../store/account-store.js';
import type { AppDeps } from '../app-deps.js';
import { errorSchema } from '../schemas/common-schemas.js';
import { discardOrphans } from '../../store/evidence/attach-evidence.js';
import { callerOf } from './caller.js';
import { openSession } from './session-cookie.js';
import { SESSION_COOKIE } from './install-access.js';
import { newSecret, sha256, TOKEN_PREFIX } from './secrets.js';

export const SIGN_IN_LINK_MINUTES = 15;

/** Delivers a sign-in link; the default prints it on the server console (no mail setup). */
export type SignInLinkSender = (email: string, url: string) => Promise<void>;

export interface AuthRouteOptions {
  readonly sendSignInLink?: SignInLinkSender | undefined;
  readonly now: () => Date;
  /** Sign-in attempts allowed per client address per window (default 10 per minute). */
  readonly signInRateLimit?: { readonly max: number; readonly timeWindow: number } | undefined;
}

/** The person id of the one wallet a local server starts with (src/server/start-server.ts). */
const LOCAL_PERSON = 'me';

const emailSchema = z.email({ message: 'expected an email address' }).max(254).transform((s) => s.trim().toLowerCase());
const secretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'expected the token from the link (43 characters)' });
const accountSchema = z.object({ id: z.string(), email: z.string(), personId: z.string(), createdAt: z.string() });
const sessionSchema = z.object({ id: z.string(), userAgent: z.string().nullable(), createdAt: z.string(), expiresAt: z.string(), current: z.boolean() });
const tokenInfoSchema = z.object({ id: z.string(), name: z.string(), scope: z.enum(['read', 'write']), createdAt: z.string() });
const idParams = (name: string) => z.object({ [name]: z.string().regex(/^[a-f0-9]{32}$/, { message: 'expected an id of 32 hex digits' }) });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 429: errorSchema };

export function authRoutes(deps: AppDeps, options: AuthRouteOptions): FastifyPluginAsyncZod {
  const accounts = deps.store.accounts;
  const send = options.sendSignInLink ?? printSignInLink;
  const rateLimit = { max: options.signInRateLimit?.max ?? 10, timeWindow: options.signInRateLimit?.timeWindow ?? 60_000 };
  return async (app) => {
    const tags = ['accounts'];
    app.post('/auth/email-link', {
      config: { access: 'public', rateLimit },
      schema: { tags, summary: 'Send a sign-in link to an email address (creates the account on first sign-in)', body: z.object({ email: emailSchema }), response: { 202: z.object({ sent: z.literal(true) }), ...errors } },
    }, async (request, reply) => {
      const secret = newSecret();
      const now = options.now();
      await accounts.createSignInLink(request.body.email, sha256(secret), new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000));
      await send(request.body.email, `${originOf(request)}/sign-in.html#token=${secret}`);
      // The same answer whether or not an account exists: nobody learns who has one.
      return reply.code(202).send({ sent: true });
    });

    app.post('/auth/email-link/verify', {
      config: { access: 'public', rateLimit },
      schema: { tags, summary: 'Sign in with the token of an email link: opens a session (cookie)', body: z.object({ token: secretSchema }), response: { 200: z.object({ account: accountSchema }), ...errors } },
    }, async (request, reply) => {
      const now = options.now();
      const email = await accounts.consumeSignInLink(sha256(request.body.token), now);
      if (email === null) throw new RecertError([{ code: 'SIGN_IN_LINK_INVALID', path: 'body.token', message: `this sign-in link is unknown, already used or expired (links work once, for ${SIGN_IN_LINK_MINUTES} minutes); ask for a new one` }]);
      const account = (await accounts.accountByEmail(email)) ?? await createAccount(email, callerOf(request).kind === 'local');
      await openSession(accounts, request, reply, account, now);
      return { account };
    });

    app.post('/auth/sign-out', {
      config: { access: 'public' },
      schema: { tags, summary: 'End this session (the cookie stops working everywhere)', response: { 204: z.null() } },
    }, async (request, reply) => {
      const caller = callerOf(request);
      if (caller.kind === 'session') await accounts.revokeSession(caller.account.id, caller.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    });

    app.get('/auth/me', {
      config: { access: 'public' },
      schema: {
        tags, summary: 'Who is calling: local mode, signed in (with which account and wallet), or not signed in',
        response: { 200: z.object({ mode: z.enum(['local', 'accounts']), signedIn: z.boolean(), via: z.enum(['local', 'session', 'token']).nullable(), account: accountSchema.nullable(), personId: z.string().nullable() }) },
      },
    }, async (request) => {
      const caller = callerOf(request);
      if (caller.kind === 'local') return { mode: 'local' as const, signedIn: true, via: 'local' as const, account: null, personId: LOCAL_PERSON };
      if (caller.kind === 'anonymous') return { mode: 'accounts' as const, signedIn: false, via: null, account: null, personId: null };
      return { mode: 'accounts' as const, signedIn: true, via: caller.kind, account: caller.account, personId: caller.account.personId };
    });

    app.get('/auth/sessions', {
      config: { access: 'session' },
      schema: { tags, summary: "The account's active sessions", response: { 200: z.array(sessionSchema), ...errors } },
    }, async (request) => {
      const caller = callerOf(request);
      if (caller.kind !== 'session') return [];
      return (await accounts.listSessions(caller.account.id, options.now())).map((s) => ({ id: s.id, userAgent: s.userAgent, createdAt: s.createdAt, expiresAt: s.expiresAt, current: s.id === caller.sessionId }));
    });

    app.delete('/auth/sessions/:sessionId', {
      config: { access: 'session' },
      schema: { tags, summary: 'Revoke a session (sign out that device)', params: idParams('sessionId'), response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      const { sessionId } = request.params as { sessionId: string };
      if (!(await accounts.revokeSession(signedInAccount(request).id, sessionId))) throw new RecertError([{ code: 'NOT_FOUND', path: 'sessionId', message: `no session with id "${sessionId}"` }]);
      return reply.code(204).send(null);
    });

    app.get('/auth/tokens', {
      config: { access: 'session' },
      schema: { tags, summary: "The account's API tokens (never their secrets)", response: { 200: z.array(tokenInfoSchema), ...errors } },
    }, async (request) => (await accounts.listTokens(signedInAccount(request).id)).map(({ id, name, scope, createdAt }) => ({ id, name, scope, createdAt })));

    app.post('/auth/tokens', {
      config: { access: 'session' },
      schema: {
        tags, summary: 'Create an API token for scripts: `Authorization: Bearer <token>`; the secret is shown only in this answer',
        body: z.object({ name: z.string().min(1).max(100), scope: z.enum(['read', 'write']) }),
        response: { 201: tokenInfoSchema.extend({ token: z.string() }), ...errors },
      },
    }, async (request, reply) => {
      const secret = `${TOKEN_PREFIX}${newSecret()}`;
      const info = await accounts.createToken(signedInAccount(request).id, request.body.name, request.body.scope, sha256(secret));
      return reply.code(201).send({ id: info.id, name: info.name, scope: info.scope, createdAt: info.createdAt, token: secret });
    });

    app.delete('/auth/tokens/:tokenId', {
      config: { access: 'session' },
      schema: { tags, summary: 'Revoke an API token', params: idParams('tokenId'), response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      const { tokenId } = request.params as { tokenId: string };
      if (!(await accounts.revokeToken(signedInAccount(request).id, tokenId))) throw new RecertError([{ code: 'NOT_FOUND', path: 'tokenId', message: `no API token with id "${tokenId}"` }]);
      return reply.code(204).send(null);
    });

    app.delete('/account', {
      config: { access: 'session' },
      schema: {
        tags, summary: 'Erase the signed-in account: the wallet, evidence files, sessions, passkeys, tokens, shares; the change log keeps its rows with personal fields cleared. Type the email again to confirm',
        body: z.object({ confirmEmail: z.string().max(254).transform((s) => s.trim().toLowerCase()) }),
        response: { 204: z.null(), ...errors },
      },
    }, async (request, reply) => {
      const account = signedInAccount(request);
      if (request.body.confirmEmail !== account.email) {
        throw new RecertError([{ code: 'CONFIRMATION_MISMATCH', path: 'body.confirmEmail', message: "type the account's email address exactly to confirm the deletion" }]);
      }
      await discardOrphans(deps.files, await deps.store.erasePerson(account.personId, callerOf(request).actor));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    });

    /**
     * The first account made from a local server (loopback, no accounts yet) takes over the local
     * wallet `me`, so signing in keeps what was entered; every other account gets a new person with
     * a random id.
     */
    async function createAccount(email: string, fromLocalMode: boolean): Promise<Account> {
      const adopt = fromLocalMode && (await deps.store.listPeople()).some((p) => p.id === LOCAL_PERSON) && (await accounts.accountOwning(LOCAL_PERSON)) === null ? LOCAL_PERSON : undefined;
      return accounts.createAccount(email, email.split('@')[0] ?? email, 'sign-in', adopt);
    }
  };
}

function signedInAccount(request: FastifyRequest): Account {
  const caller = callerOf(request);
  if (caller.kind !== 'session' && caller.kind !== 'token') throw new RecertError([{ code: 'UNAUTHENTICATED', path: '', message: 'sign in first' }]);
  return caller.account;
}

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

async function printSignInLink(email: string, url: string): Promise<void> {
  // No mail setup: the server's operator passes the link on (development, a single-user server).
  process.stdout.write(`recert: sign-in link for ${email} (valid ${SIGN_IN_LINK_MINUTES} minutes, once): ${url}\n`);
}
