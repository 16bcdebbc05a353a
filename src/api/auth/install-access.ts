/**
 * The access layer: one onRequest hook for the whole app (after the Host and Origin guard). It
 * resolves the caller (local mode, a bearer API token, or a session cookie) and checks the route's
 * access class (access-policy.ts) against the route's :personId or :orgId before any handler runs.
 *
 * Local mode: the server listens on a loopback address and no account exists. Every request is
 * the machine's one user ("local"), as before accounts existed. As soon as an account exists, or
 * the server is told it listens beyond this machine (requireSignIn), every non-public route needs
 * a session or token.
 */
import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RecertError } from '../../shared/recert-error.js';
import type { AccountStore } from '../../store/account-store.js';
import { notFound } from '../../store/store-errors.js';
import { classifyRoute, describeAccess, roleAtLeast, type Access } from './access-policy.js';
import { actorFor, setCaller, type Caller } from './caller.js';
import { sha256, TOKEN_PREFIX } from './secrets.js';

export const SESSION_COOKIE = 'recert_session';

export interface AccessOptions {
  /** Ask for a session or token even with no accounts: the server listens on a non-loopback address. */
  readonly requireSignIn: boolean;
  readonly now: () => Date;
}

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  /** null: nothing classifies it; refused outside local mode. */
  readonly access: Access | null;
}

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route the app registered, with its access class (for the isolation test and docs). */
export function routeTable(app: FastifyInstance): readonly RouteEntry[] {
  return routeTables.get(app) ?? [];
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Call before any route is registered, so the onRoute hook sees them all. */
export function installAccess(app: FastifyInstance, accounts: AccountStore, options: AccessOptions): void {
  const routes: RouteEntry[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const access = classifyRoute(method, route.url, route.config?.access);
      routes.push({ method, url: route.url, access });
      if (access === null) app.log.error({ method, url: route.url }, 'route has no access class (src/api/auth/access-policy.ts); it is refused unless the server is in local mode');
    }
  });

  // Once an account exists the server stays in accounts mode until it restarts: never back to open.
  let accountsExist = false;
  const inAccountsMode = async (): Promise<boolean> => {
    if (options.requireSignIn || accountsExist) return true;
    accountsExist = await accounts.hasAccounts();
    return accountsExist;
  };

  const resolveCaller = async (request: FastifyRequest): Promise<Caller> => {
    if (!(await inAccountsMode())) return { kind: 'local', actor: 'local' };
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      const secret = match?.[1];
      const found = secret !== undefined && secret.startsWith(TOKEN_PREFIX) ? await accounts.tokenBySecret(sha256(secret)) : null;
      if (found === null) throw unauthenticated('headers.authorization', 'the API token is unknown or revoked');
      return { kind: 'token', actor: actorFor(found.account, found.token.id), account: found.account, tokenId: found.token.id, scope: found.token.scope };
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie !== undefined && cookie !== '') {
      const found = await accounts.sessionBySecret(sha256(cookie), options.now());
      if (found !== null) return { kind: 'session', actor: actorFor(found.account), account: found.account, sessionId: found.session.id };
    }
    return { kind: 'anonymous', actor: 'anonymous' };
  };

  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    // No route matched: the not-found handler answers, and says nothing about anyone's data.
    const access = url === undefined ? 'public' : classifyRoute(request.method, url, request.routeOptions.config.access);
    // A bad token on a public route (health checks, sign-in) is ignored, not an error.
    const caller = access === 'public' ? await resolveCaller(request).catch((): Caller => ({ kind: 'anonymous', actor: 'anonymous' })) : await resolveCaller(request);
    setCaller(request, caller);
    await check(access, caller, request);
  });

  const check = async (access: Access | null, caller: Caller, request: FastifyRequest): Promise<void> => {
    if (access === 'public') return;
    if (caller.kind === 'local') {
      if (access === 'account' || access === 'session' || (access !== null && typeof access === 'object')) {
        throw unauthenticated('', 'sign in first: organizations, sessions and API tokens belong to accounts');
      }
      return;
    }
    if (access === null) {
      request.log.error({ method: request.method, url: request.routeOptions.url }, 'refused a route that has no access class');
      throw forbidden('', `route ${request.method} ${request.routeOptions.url ?? ''} has no access class; refused`);
    }
    if (caller.kind === 'anonymous') throw unauthenticated('', 'sign in, or send an API token (Authorization: Bearer …)');
    if (caller.kind === 'token' && caller.scope === 'read' && !READS.has(request.method)) {
      throw forbidden('headers.authorization', 'this API token may only read; create a write token to change data');
    }
    const params = request.params as Record<string, string | undefined>;
    if (access === 'signed-in' || access === 'account') return;
    if (access === 'session') {
      if (caller.kind !== 'session') throw forbidden('headers.authorization', 'sign in with a browser session for this; API tokens may not manage sessions or tokens');
      return;
    }
    if (access === 'local-only') throw forbidden('', `${describeAccess(access)}: this route acts on every person at once and exists only on a local server without accounts`);
    if (access === 'person') {
      const personId = params.personId ?? '';
      // `me` is the caller's own wallet, as it is the one wallet in local mode.
      if (personId === 'me') params.personId = caller.account.personId;
      else if (personId !== caller.account.personId) throw notFound('person', personId, 'personId');
      return;
    }
    const orgId = params.orgId ?? '';
    const role = await accounts.staffRole(orgId, caller.account.id);
    if (access.org === 'related') {
      if (role === null && !(await accounts.isShared(orgId, caller.account.personId))) throw orgNotFound(orgId);
      return;
    }
    if (role === null) throw orgNotFound(orgId);
    if (!roleAtLeast(role, access.org)) throw forbidden('', `this needs the ${access.org} role in the organization; you are ${role}`);
  };
}

export function orgNotFound(orgId: string): RecertError {
  return new RecertError([{ code: 'NOT_FOUND', path: 'orgId', message: `no organization with id "${orgId}"` }]);
}

function unauthenticated(path: string, message: string): RecertError {
  return new RecertError([{ code: 'UNAUTHENTICATED', path, message }]);
}

function forbidden(path: string, message: string): RecertError {
  return new RecertError([{ code: 'FORBIDDEN', path, message }]);
}
