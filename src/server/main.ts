#!/usr/bin/env node
/**
 * `npm start`: serves the API and the web app from one process and prints the URL.
 * PORT (default 3000), HOST (default 127.0.0.1), RECERT_DATA_DIR (default ./data),
 * DATABASE_URL (PostgreSQL instead of the embedded SQLite file), LOG_LEVEL (default warn),
 * RECERT_ALLOWED_HOSTS (comma-separated host names to answer for besides localhost and HOST),
 * RECERT_COURSE_DIR (course catalog folder for plans; default the shipped catalog/courses),
 * RECERT_PLAN_WORKERS (plan worker threads; default one per spare core, 1 to 4).
 */
import { resolve } from 'node:path';
import { RecertError } from '../shared/recert-error.js';
import { parseHostList } from '../api/request-guard.js';
import { startServer } from './start-server.js';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`recert: PORT must be a port number, got "${process.env.PORT}"\n`);
  process.exit(2);
}
const dataDir = resolve(process.env.RECERT_DATA_DIR ?? 'data');
try {
  const server = await startServer({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    allowedHosts: parseHostList(process.env.RECERT_ALLOWED_HOSTS),
    courseDir: process.env.RECERT_COURSE_DIR ? resolve(process.env.RECERT_COURSE_DIR) : undefined,
  });
  const storage = server.store.engine === 'sqlite' ? `SQLite and evidence files in ${dataDir}` : 'PostgreSQL (DATABASE_URL), evidence included';
  process.stdout.write(`recert is running at ${server.url}\n  storage: ${storage}\n  API docs: ${server.url}docs\n`);
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
