#!/usr/bin/env node
/**
 * `npm start`: serves the API and the web app from one process and prints the URL.
 * PORT (default 3000), HOST (default 127.0.0.1), RECERT_DATA_DIR (default ./data),
 * DATABASE_URL (PostgreSQL instead of the embedded SQLite file), LOG_LEVEL (default warn),
 * RECERT_ALLOWED_HOSTS (comma-separated host names to answer for besides localhost and HOST),
 * RECERT_COURSE_DIR (course catalog folder for plans; default the shipped catalog/courses),
 * RECERT_PLAN_WORKERS (plan worker threads; default one per spare core, 1 to 4),
 * SMTP_URL and MAIL_FROM (send reminder emails), PUBLIC_URL (the address in email links; default
 * http://127.0.0.1:PORT/), RECERT_REMINDER_INTERVAL_SECONDS (how often reminders are checked; default 900),
 * RECERT_REMINDER_LEASE_SECONDS (how long a claimed reminder is held before another process may send it; default 600).
 * RECERT_TRUST_PROXY=1 (behind a TLS-terminating reverse proxy: trust X-Forwarded-Proto).
 */
import { resolve } from 'node:path';
import { RecertError } from '../shared/recert-error.js';
import { isLoopbackAddress, parseHostList } from '../api/request-guard.js';
import { startServer } from './start-server.js';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`recert: PORT must be a port number, got "${process.env.PORT}"\n`);
  process.exit(2);
}
const dataDir = resolve(process.env.RECERT_DATA_DIR ?? 'data');
const smtpUrl = process.env.SMTP_URL || undefined;
const mailFrom = process.env.MAIL_FROM || undefined;
if ((smtpUrl === undefined) !== (mailFrom === undefined)) {
  process.stderr.write(`recert: set both SMTP_URL and MAIL_FROM to send reminder emails (${smtpUrl === undefined ? 'SMTP_URL' : 'MAIL_FROM'} is missing)\n`);
  process.exit(2);
}
function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 1) {
    process.stderr.write(`recert: ${name} must be a number of seconds (1 or more), got "${process.env[name]}"\n`);
    process.exit(2);
  }
  return value;
}
const intervalSeconds = seconds('RECERT_REMINDER_INTERVAL_SECONDS', 900);
const leaseSeconds = seconds('RECERT_REMINDER_LEASE_SECONDS', 600);
try {
  const server = await startServer({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    allowedHosts: parseHostList(process.env.RECERT_ALLOWED_HOSTS),
    trustProxy: process.env.RECERT_TRUST_PROXY === '1',
    courseDir: process.env.RECERT_COURSE_DIR ? resolve(process.env.RECERT_COURSE_DIR) : undefined,
    mail: smtpUrl === undefined || mailFrom === undefined ? undefined : { smtpUrl, from: mailFrom, publicUrl: process.env.PUBLIC_URL || undefined, intervalMs: intervalSeconds * 1000, leaseMs: leaseSeconds * 1000 },
  });
  const storage = server.store.engine === 'sqlite' ? `SQLite and evidence files in ${dataDir}` : 'PostgreSQL (DATABASE_URL), evidence included';
  const email = server.reminders === undefined ? 'off (set SMTP_URL and MAIL_FROM); reminders show in the app' : `reminders sent from ${mailFrom}`;
  process.stdout.write(`recert is running at ${server.url}\n  storage: ${storage}\n  email: ${email}\n  API docs: ${server.url}docs\n`);
  if (!isLoopbackAddress(process.env.HOST ?? '127.0.0.1')) {
    // Session cookies are Secure: a browser keeps them only over https.
    process.stdout.write('  sign-in required (listening beyond this machine); serve it over https, e.g. behind a reverse proxy with RECERT_TRUST_PROXY=1\n');
  }
  const stop = (): void => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const message = error instanceof RecertError ? error.message
    : (error as { code?: string }).code === 'EADDRINUSE' ? `port ${port} is already in use; set PORT to another port`
      : error instanceof Error ? error.message : String(error);
  process.stderr.write(`recert: cannot start: ${message}\n`);
  process.exit(1);
}
