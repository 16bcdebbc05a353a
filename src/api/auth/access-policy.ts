/**
 * Which callers may use which route: ONE table for the whole app. A route is classified by its own
 * `config.access` (new routes declare it), else by this table, else by its path: every route under
 * /api/people/:personId belongs to that person's wallet. A route nothing classifies is refused
 * outside local mode, and the isolation test (test/http/isolation-matrix.test.ts) fails naming it.
 */
import type { StaffRole } from '../../store/account-store.js';

export type Access =
  /** Anyone, signed in or not: health, the OpenAPI document, static web files, sign-in, secret-token links. */
  | 'public'
  /** The wallet of the route's :personId: its owner only (and everyone in local mode). */
  | 'person'
  /** Any caller with a session or token (and everyone in local mode): shared reference data such as the catalog. */
  | 'signed-in'
  /** Only a local server without accounts: routes that act on every person at once or create ownerless people. */
  | 'local-only'
  /** An account, through a session or an API token. */
  | 'account'
  /** An account through a browser session only (API tokens may not mint tokens or list sessions). */
  | 'session'
  /** Staff of the route's :orgId with at least this role; anyone else gets 404. */
  | { readonly org: StaffRole }
  /** Staff of the route's :orgId (any role) or a member sharing with it. */
  | { readonly org: 'related' };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route (src/api/auth/access-policy.ts). */
    access?: Access;
  }
}

/** Routes classified here rather than by path. Keys: `METHOD url` as Fastify registers it. */
const TABLE: Readonly<Record<string, Access>> = {
  'GET /api/health': 'public',
  'GET /openapi.json': 'public',
  'GET /ical/:file': 'public', // the secret token in the file name is the key
  'GET /api/programs': 'signed-in',
  'GET /api/bodies': 'signed-in',
  'GET /api/people': 'local-only',
  'POST /api/people': 'local-only',
  'POST /api/example-wallets': 'local-only',
};

/** Path prefixes that are public whatever the method: interactive API docs, links carrying their own secret. */
const PUBLIC_PREFIXES = ['/docs', '/unsubscribe/'];

export const PERSON_PREFIX = '/api/people/:personId';

export function classifyRoute(method: string, url: string, declared: Access | undefined): Access | null {
  if (declared !== undefined) return declared;
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  const listed = TABLE[key];
  if (listed !== undefined) return listed;
  if (url === PERSON_PREFIX || url.startsWith(`${PERSON_PREFIX}/`)) return 'person';
  if (PUBLIC_PREFIXES.some((prefix) => url === prefix || url.startsWith(prefix))) return 'public';
  // The web app's static files (@fastify/static's wildcard and its index).
  if (!url.startsWith('/api') && (method === 'GET' || method === 'HEAD') && (url === '/' || url === '/*')) return 'public';
  return null;
}

const RANK: Record<StaffRole, number> = { viewer: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: StaffRole, needed: StaffRole): boolean {
  return RANK[role] >= RANK[needed];
}

export function describeAccess(access: Access): string {
  return typeof access === 'string' ? access : `org:${access.org}`;
}
