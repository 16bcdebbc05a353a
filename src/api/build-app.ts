/**
 * The HTTP app: JSON API under /api, its OpenAPI document at /openapi.json with interactive docs at
 * /docs, and the web app's static files at /. Every route declares one zod schema that gives its
 * validation, its TypeScript types and its OpenAPI entry; each feature is an encapsulated plugin.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DEFAULT_COURSE_DIR, readCourseDir } from '../io/read-course-dir.js';
import { PlanService } from '../plan-service/plan-service.js';
import type { AppDeps, AppInput } from './app-deps.js';
import { authRoutes, type SignInLinkSender } from './auth/auth-routes.js';
import { installAccess } from './auth/install-access.js';
import { passkeyRoutes } from './auth/passkey-routes.js';
import { frameworkErrors, installErrorHandler } from './error-handler.js';
import { RecertError } from '../shared/recert-error.js';
import { MAX_ID_LENGTH } from '../profile/profile-schema.js';
import { installRequestGuard, LOOPBACK_HOSTS } from './request-guard.js';
import { activityRoutes } from './routes/activity-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { calendarFeedRoutes, icalFeedRoutes } from './routes/calendar-routes.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { changeRoutes } from './routes/change-routes.js';
import { credentialRoutes } from './routes/credential-routes.js';
import { evidenceRoutes } from './routes/evidence-routes.js';
import { exampleRoutes } from './routes/example-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { peopleRoutes } from './routes/people-routes.js';
import { offeringRoutes } from './routes/offering-routes.js';
import { planRoutes } from './routes/plan-routes.js';
import { plannedItemRoutes } from './routes/planned-item-routes.js';
import { profileRoutes } from './routes/profile-routes.js';
import { reminderRoutes, unsubscribeRoutes } from './routes/reminder-routes.js';
import { statusRoutes } from './routes/status-routes.js';
import { orgRoutes } from './routes/org-routes.js';
import { teamRoutes } from './routes/team-routes.js';
import { TeamEvaluations } from './team/team-evaluations.js';

export interface AppOptions {
  readonly logger?: FastifyServerOptions['logger'];
  /** Folders served at / (the web app's HTML, CSS and compiled scripts); none in API-only tests. */
  readonly webRoots?: readonly string[];
  /**
   * Host names the server answers for (the Host header's name, any port); others get 421. Default:
   * the loopback names. See request-guard.ts, which also refuses cross-origin writes.
   */
  readonly allowedHosts?: readonly string[];
  /** Connection and request time limits; defaults in DEFAULT_TIMEOUTS. */
  readonly timeouts?: Partial<Timeouts>;
  /**
   * Behind a TLS-terminating reverse proxy: believe its X-Forwarded-Proto (and -For), so sign-in
   * links and passkeys use https. Only when the proxy is the sole way in (RECERT_TRUST_PROXY=1).
   */
  readonly trustProxy?: boolean;
  /** Accounts and sign-in (src/api/auth); by default local mode until an account exists. */
  readonly auth?: AuthOptions;
}

export interface AuthOptions {
  /** Every /api request needs a session or token even before any account exists (the server listens beyond loopback). */
  readonly requireSignIn?: boolean;
  /** Delivers sign-in links; default: printed on the server console. */
  readonly sendSignInLink?: SignInLinkSender;
  /** The clock for sessions, links and invitations (tests pass their own). */
  readonly now?: () => Date;
  /** Sign-in attempts per client address per window; default 10 per minute. */
  readonly signInRateLimit?: { readonly max: number; readonly timeWindow: number };
}

/** How long a client may take, in milliseconds. A client slower than this is cut off, so half-sent requests cannot pile up. */
export interface Timeouts {
  /** The request line and headers must arrive within this (Node's headersTimeout; answered 408). */
  readonly headers: number;
  /** The whole request, body included, must arrive within this (Node's requestTimeout; answered 408). */
  readonly request: number;
  /** A socket with no traffic at all is closed after this (Fastify's connectionTimeout). */
  readonly idle: number;
  /** A kept-alive socket waits this long for its next request. */
  readonly keepAlive: number;
  /** How often Node checks the header and request limits (they are enforced to within this). */
  readonly checkInterval: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headers: 10_000, request: 60_000, idle: 30_000, keepAlive: 5_000, checkInterval: 1_000 };

/** The web app loads only its own scripts and styles; evidence previews are same-origin. */
const WEB_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export async function buildApp(input: AppInput, options: AppOptions = {}): Promise<FastifyInstance> {
  const courses = input.courses ?? readCourseDir(DEFAULT_COURSE_DIR, input.catalog);
  const ownPlanner = input.planner === undefined ? new PlanService({ catalog: input.catalog, courses }) : undefined;
  const deps: AppDeps = { ...input, courses, planner: input.planner ?? ownPlanner! };
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: options.logger ?? false,
    // The same limit as every id schema, so any accepted id can be addressed; longer is 414 (error-handler.ts).
    routerOptions: { maxParamLength: MAX_ID_LENGTH },
    frameworkErrors,
    trustProxy: options.trustProxy ?? false,
    requestTimeout: timeouts.request,
    connectionTimeout: timeouts.idle,
    keepAliveTimeout: timeouts.keepAlive,
    http: { headersTimeout: Math.min(timeouts.headers, timeouts.request), requestTimeout: timeouts.request, connectionsCheckingInterval: timeouts.checkInterval },
  }).withTypeProvider<ZodTypeProvider>();
  // Worker threads end with the server.
  if (ownPlanner !== undefined) app.addHook('onClose', () => ownPlanner.close());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installRequestGuard(app, options.allowedHosts ?? LOOPBACK_HOSTS);
  const now = options.auth?.now ?? (() => new Date());
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new RecertError([{ code: 'RATE_LIMITED', path: '', message: `too many sign-in attempts from this address; retry in ${context.after}` }]),
  });
  // After the Host/Origin guard and the cookie parser, before any route: every route is classified.
  installAccess(app, deps.store.accounts, { requireSignIn: options.auth?.requireSignIn ?? false, now });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'recert API', version: '0.2.0', description: "Keep certified fitness professionals' credentials current: the wallet (credentials, renewals, CE with evidence), compliance per credential, profile import and export." },
      tags: ['people', 'credentials', 'activities', 'evidence', 'compliance', 'import and export', 'plan', 'offerings', 'planned items', 'catalog', 'change log', 'health', 'calendar', 'reminders', 'accounts', 'organizations'].map((name) => ({ name })),
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  await app.register(fastifyMultipart, { limits: { fileSize: deps.maxEvidenceBytes, files: 1, fields: 10, parts: 11 } });

  await app.register(async (api) => {
    for (const routes of [
      healthRoutes, catalogRoutes, peopleRoutes, credentialRoutes, activityRoutes, evidenceRoutes, statusRoutes, profileRoutes, changeRoutes,
      exampleRoutes, planRoutes, offeringRoutes, plannedItemRoutes, auditRoutes, calendarFeedRoutes, reminderRoutes,
    ]) {
      await api.register(routes(deps));
    }
    await api.register(authRoutes(deps, { now, sendSignInLink: options.auth?.sendSignInLink, signInRateLimit: options.auth?.signInRateLimit }));
    await api.register(passkeyRoutes(deps, { now, rateLimit: { max: options.auth?.signInRateLimit?.max ?? 10, timeWindow: options.auth?.signInRateLimit?.timeWindow ?? 60_000 } }));
    const team = new TeamEvaluations(deps.store, deps.catalog);
    await api.register(orgRoutes(deps, { now, team }));
    await api.register(teamRoutes(deps, team));
  }, { prefix: '/api' });

  await app.register(icalFeedRoutes(deps));
  await app.register(unsubscribeRoutes(deps));

  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  if (options.webRoots !== undefined && options.webRoots.length > 0) {
    await app.register(fastifyStatic, {
      root: [...options.webRoots],
      prefix: '/',
      setHeaders: (res) => {
        res.setHeader('content-security-policy', WEB_CSP);
        res.setHeader('x-content-type-options', 'nosniff');
      },
    });
  }
  return app;
}
