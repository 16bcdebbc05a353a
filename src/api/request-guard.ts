/**
 * recert has no login, so it guards against the two ways a web page on another site could reach it
 * through the user's browser:
 * - DNS rebinding: a name the attacker controls is pointed at 127.0.0.1, and the page then reads and
 *   writes as if same-origin. Every request must name an allowed host in its Host header (421).
 * - Cross-site writes (a form or `fetch` with `mode: no-cors` from another site): a request that
 *   changes data (POST, PUT, PATCH, DELETE) whose Origin header is present must come from the
 *   server's own origin (403). Clients that are not browsers send no Origin and are not affected.
 */
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendIssues } from './error-handler.js';

/** Host names always allowed: the loopback names. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The allowed host names: the loopback names, the listen address when it names one host (not a
 * wildcard such as 0.0.0.0), and the extra names given (RECERT_ALLOWED_HOSTS, comma-separated).
 */
export function allowedHostNames(listenHost: string | undefined, extra: readonly string[] = []): string[] {
  const names = new Set(LOOPBACK_HOSTS);
  if (listenHost !== undefined && !['', '0.0.0.0', '::', '[::]'].includes(listenHost.trim())) names.add(normaliseHostName(listenHost));
  for (const name of extra) if (name.trim() !== '') names.add(normaliseHostName(name));
  return [...names];
}

/** A listen address only this machine can reach: localhost, 127.0.0.0/8, ::1. (0.0.0.0 and :: are every interface.) */
export function isLoopbackAddress(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || (isIP(name) === 4 && name.startsWith('127.'));
}

/** `RECERT_ALLOWED_HOSTS="recert.lan, 192.168.1.5"` → `['recert.lan', '192.168.1.5']`. */
export function parseHostList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Lower case; an IPv6 literal in brackets, as it appears in a Host header. */
function normaliseHostName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  return isIP(trimmed) === 6 ? `[${trimmed}]` : trimmed;
}

/** The host name of a Host header value (`localhost:3000` → `localhost`, `[::1]:3000` → `[::1]`), or null if malformed. */
export function hostNameOf(hostHeader: string): string | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s/@]+)(?::(\d{1,5}))?$/.exec(hostHeader.trim());
  return match === null ? null : match[1]!.toLowerCase();
}

export function installRequestGuard(app: FastifyInstance, allowedHosts: readonly string[]): void {
  const allowed = new Set(allowedHosts.map(normaliseHostName));
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host;
    const name = host === undefined ? null : hostNameOf(host);
    if (name === null || !allowed.has(name)) {
      request.log.warn({ code: 'HOST_NOT_ALLOWED', host: host ?? null, method: request.method, url: request.url, ip: request.ip }, 'refused a request for a host this server does not answer for');
      return sendIssues(reply, 421, [{
        code: 'HOST_NOT_ALLOWED',
        path: 'headers.host',
        message: `this server does not answer for host ${JSON.stringify(host ?? '')}; add the name to RECERT_ALLOWED_HOSTS to allow it`,
      }]);
    }
    if (WRITES.has(request.method) && !sameOrigin(request)) {
      request.log.warn({ code: 'CROSS_ORIGIN', origin: request.headers.origin ?? null, method: request.method, url: request.url, ip: request.ip }, 'refused a write from another origin');
      return sendIssues(reply, 403, [{
        code: 'CROSS_ORIGIN',
        path: 'headers.origin',
        message: `a request from ${JSON.stringify(request.headers.origin)} may not change data here; only pages served by this server may`,
      }]);
    }
    return undefined;
  });
}

/** No Origin header (not a browser, or a same-origin GET), or an Origin whose host and port are the Host header's. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes "null" (sandboxed frames, file: pages)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // `url.host` drops the scheme's default port, and so does a browser's Host header.
  return url.host === (request.headers.host ?? '').toLowerCase();
}
