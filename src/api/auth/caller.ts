/**
 * Who sent a request, resolved once per request by the access layer (install-access.ts) and read by
 * routes through callerOf / actorOf. Nothing here trusts a header a client chooses freely.
 */
import type { FastifyRequest } from 'fastify';
import type { Account, TokenScope } from '../../store/account-store.js';

export type Caller =
  /** Local mode: a loopback server with no accounts; the one user of the machine. */
  | { readonly kind: 'local'; readonly actor: 'local' }
  | { readonly kind: 'session'; readonly actor: string; readonly account: Account; readonly sessionId: string }
  | { readonly kind: 'token'; readonly actor: string; readonly account: Account; readonly tokenId: string; readonly scope: TokenScope }
  | { readonly kind: 'anonymous'; readonly actor: 'anonymous' };

/**
 * Kept on the request's headers object under a symbol: routes that only see `request.headers`
 * (actorOf) find it, and no client can send a symbol-keyed header.
 */
const CALLER = Symbol('recert.caller');

export function setCaller(request: FastifyRequest, caller: Caller): void {
  (request.headers as Record<symbol, unknown>)[CALLER] = caller;
}

export function callerOfHeaders(headers: object): Caller | undefined {
  return (headers as Record<symbol, Caller | undefined>)[CALLER];
}

export function callerOf(request: FastifyRequest): Caller {
  const caller = callerOfHeaders(request.headers);
  if (caller === undefined) throw new Error('no caller resolved for this request (the access layer did not run)');
  return caller;
}

/** The caller's account, when signed in with a session or token. */
export function accountOf(request: FastifyRequest): Account | null {
  const caller = callerOf(request);
  return caller.kind === 'session' || caller.kind === 'token' ? caller.account : null;
}

export function actorFor(account: Account, tokenId?: string): string {
  return tokenId === undefined ? `account:${account.id}` : `account:${account.id} token:${tokenId}`;
}
