/**
 * Starts recert's single process: the store (SQLite in the data directory, or PostgreSQL when a
 * database URL is given), the HTTP API and the web app, listening on one port.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../api/build-app.js';
import { localToday } from '../api/local-today.js';
import { allowedHostNames, isLoopbackAddress } from '../api/request-guard.js';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import { RecertError } from '../shared/recert-error.js';
import { DEFAULT_COURSE_DIR, readCourseDir } from '../io/read-course-dir.js';
import { DEFAULT_MAX_EVIDENCE_BYTES } from '../store/evidence/attach-evidence.js';
import { evidenceBlobsOf, evidenceFolderOf } from '../store/evidence/open-evidence-blobs.js';
import { PostgresEvidenceBlobs } from '../store/evidence/postgres-evidence-blobs.js';
import { PlanService } from '../plan-service/plan-service.js';
import { warmUpTask } from '../plan-service/warm-up.js';
import { checkFolderWritable, checkStoreWritable } from '../store/check-writable.js';
import { openStore, SQLITE_FILE_NAME } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { smtpMailer, type Mailer } from '../reminders/mailer.js';
import { ReminderScheduler } from '../reminders/reminder-scheduler.js';
import { publicUrlOf } from '../reminders/reminder-email.js';
import { signInEmail } from '../reminders/sign-in-email.js';

/** The package root, from src/server or dist/server alike. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_ROOTS = [join(ROOT, 'web', 'public'), join(ROOT, 'dist', 'web')];

/** The person the web app shows; created on first start. */
export const DEFAULT_PERSON = { id: 'me', name: 'Me' } as const;

/**
 * Creates the default person unless there is one. Servers started together on one database (several
 * processes behind a load balancer) race here: the losers' ALREADY_EXISTS means the person is there.
 */
export async function ensureDefaultPerson(store: Store): Promise<void> {
  if ((await store.listPeople()).some((p) => p.id === DEFAULT_PERSON.id)) return;
  try {
    await store.createPerson(DEFAULT_PERSON, 'server');
  } catch (error) {
    if (!(error instanceof RecertError && error.issues.every((issue) => issue.code === 'ALREADY_EXISTS'))) throw error;
  }
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  readonly catalogDir?: string | undefined;
  /** The course catalog folder the planner uses (RECERT_COURSE_DIR); default the shipped catalog/courses. */
  readonly courseDir?: string | undefined;
  readonly maxEvidenceBytes?: number;
  readonly logLevel?: string;
  /** Host names to answer for besides the loopback names and `host` (RECERT_ALLOWED_HOSTS). */
  readonly allowedHosts?: readonly string[];
  /** Reminder email (SMTP_URL, MAIL_FROM, PUBLIC_URL); without it reminders only show in the app. */
  readonly mail?: MailConfig | undefined;
  /** The clock the reminder scheduler reads (tests move it); default the machine's. */
  readonly now?: () => Date;
  /** Behind a TLS-terminating reverse proxy (RECERT_TRUST_PROXY=1): trust its X-Forwarded-Proto. */
  readonly trustProxy?: boolean;
}

export interface MailConfig {
  readonly smtpUrl: string;
  readonly from: string;
  /** The address links in emails point to; default http://127.0.0.1:PORT/. */
  readonly publicUrl?: string | undefined;
  /** How often the scheduler looks for due reminders (default 15 minutes). */
  readonly intervalMs?: number | undefined;
  /** How long a claim holds before another process may send the reminder (default 10 minutes). */
  readonly leaseMs?: number | undefined;
}

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly store: Store;
  /** The reminder scheduler, when email is configured. */
  readonly reminders: ReminderScheduler | undefined;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const catalog = readCatalogDir(config.catalogDir);
  // Read once at start; each person's own offerings are added per plan.
  const courses = readCourseDir(config.courseDir ?? DEFAULT_COURSE_DIR, catalog);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, create: true });
  let planner: PlanService | undefined;
  let scheduler: ReminderScheduler | undefined;
  let mailer: Mailer | undefined;
  const now = config.now ?? (() => new Date());
  try {
    // Refuse to start, rather than answer "ok" to health checks and fail every write.
    await checkStoreWritable(store, store.engine === 'sqlite' ? `the SQLite database ${join(config.dataDir, SQLITE_FILE_NAME)} (it and its folder must be writable)` : 'the PostgreSQL database (DATABASE_URL)');
    // With PostgreSQL the evidence is in the database too, and the data folder is not used, except that
    // certificates an older version kept in its evidence folder are taken into the database once.
    const inDatabase = store.evidenceBlobs();
    if (inDatabase === null) await checkFolderWritable(evidenceFolderOf(config.dataDir));
    else if (inDatabase instanceof PostgresEvidenceBlobs && existsSync(evidenceFolderOf(config.dataDir))) await inDatabase.adoptFiles(evidenceFolderOf(config.dataDir));
    await ensureDefaultPerson(store);
    const missing = WEB_ROOTS.filter((dir) => !existsSync(dir));
    if (missing.length > 0) throw new Error(`web app files not found in ${missing.join(', ')}: run \`npm run build\` first`);
    // Workers start now and each solves a small plan first, so the first request does not pay for
    // compiling HiGHS and the planner, and later big plans compete less with the event loop for the CPU.
    planner = new PlanService({ catalog, courses, warmUp: warmUpTask(localToday()) });
    planner.start();
    const running = planner;
    if (config.mail !== undefined) mailer = smtpMailer(config.mail.smtpUrl);
    const linkMailer = mailer;
    const linkFrom = config.mail?.from;
    const app = await buildApp(
      {
        store, files: evidenceBlobsOf(store, config.dataDir), catalog, courses, planner, today: () => localToday(now()),
        maxEvidenceBytes: config.maxEvidenceBytes ?? DEFAULT_MAX_EVIDENCE_BYTES, emailConfigured: config.mail !== undefined,
      },
      {
        logger: { level: config.logLevel ?? 'warn' }, webRoots: WEB_ROOTS, allowedHosts: allowedHostNames(config.host, config.allowedHosts),
        // Beyond this machine, nobody gets in without signing in, even before the first account exists.
        auth: {
          requireSignIn: !isLoopbackAddress(config.host),
          // With SMTP configured, sign-in links are emailed; without it they are printed on the console.
          ...(linkMailer === undefined || linkFrom === undefined ? {} : { sendSignInLink: (email: string, url: string) => linkMailer.send(signInEmail(linkFrom, email, url)) }),
        },
        trustProxy: config.trustProxy ?? false,
      },
    );
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' || config.host === '127.0.0.1' ? 'localhost' : config.host;
    if (config.mail !== undefined) {
      const mail = config.mail;
      mailer ??= smtpMailer(mail.smtpUrl);
      scheduler = new ReminderScheduler({
        store, catalog, mailer, from: mail.from, publicUrl: publicUrlOf(mail.publicUrl, port), now, today: () => localToday(now()),
        ...(mail.leaseMs === undefined ? {} : { leaseMs: mail.leaseMs }),
        log: (message, error) => app.log.error({ err: error }, message),
      });
      scheduler.start(mail.intervalMs ?? 15 * 60_000);
    }
    const reminders = scheduler;
    const transport = mailer;
    return {
      url: `http://${shownHost}:${port}/`,
      app,
      store,
      reminders,
      async close() {
        await reminders?.stop();
        transport?.close();
        // Browsers and fetch keep sockets alive; close them instead of waiting for their timeouts.
        const closing = app.close();
        app.server.closeAllConnections();
        await closing;
        await running.close();
        await store.close();
      },
    };
  } catch (error) {
    await scheduler?.stop();
    mailer?.close();
    await planner?.close();
    await store.close();
    throw error;
  }
}
