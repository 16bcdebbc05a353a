/** Opening a session: a random secret in an HttpOnly, SameSite=Lax cookie; the database keeps its SHA-256. */
import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account, AccountStore } from '../../store/account-store.js';
import { hostNameOf, LOOPBACK_HOSTS } from '../request-guard.js';
import { actorFor } from './caller.js';
import { SESSION_COOKIE } from './install-access.js';
import { newSecret, sha256 } from './secrets.js';

export const SESSION_DAYS = 30;

export async function openSession(accounts: AccountStore, request: FastifyRequest, reply: FastifyReply, account: Account, now: Date): Promise<void> {
  const secret = newSecret();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  const userAgent = request.headers['user-agent']?.slice(0, 200) ?? null;
  await accounts.createSession(account.id, sha256(secret), userAgent, expires);
  reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure: needsSecureCookie(request), expires });
  request.log.info({ account: actorFor(account) }, 'signed in');
}

/**
 * `Secure` always, except over plain http to a loopback name: there the browser talks to its own
 * machine, no network can read the cookie, and some clients (Safari, scripts' cookie jars) would
 * drop a Secure cookie that came over http. Off loopback, recert must sit behind https.
 */
export function needsSecureCookie(request: FastifyRequest): boolean {
  const host = hostNameOf(request.headers.host ?? '');
  return !(request.protocol === 'http' && host !== null && LOOPBACK_HOSTS.includes(host));
}
