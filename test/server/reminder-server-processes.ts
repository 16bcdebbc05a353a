/**
 * For the multi-process reminder tests: a fresh database (a new PostgreSQL database, or a SQLite file in
 * a temporary folder) seeded with people who each have one reminder due today, and real server processes
 * (`src/server/main.ts` under tsx) started on it with SMTP configured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { localToday } from '../../src/api/local-today.js';
import { addMonths } from '../../src/shared/calendar-date.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import type { Engine, Store } from '../../src/store/store.js';
import { TEST_DATABASE_URL } from '../../src/store/testing/store-backends.js';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServerProcess {
  readonly child: ChildProcess;
  output(): string;
}

export interface SeededDatabase {
  /** Environment for a server process on this database, with its own data folder on PostgreSQL. */
  env(extra: Record<string, string>): Record<string, string>;
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `people` each hold a NASM CPT with its deadline two months ahead (so the 90- or 60-day reminder is due today) and reminders on. */
export async function seededDatabase(engine: Engine, people: readonly string[]): Promise<SeededDatabase> {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'recert-reminder-servers-'));
    dirs.push(dir);
    return dir;
  };
  const database = `recert_reminders_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  const sqliteDir = engine === 'sqlite' ? tempDir() : undefined;
  if (engine === 'postgres') await admin(`create database ${database}`);
  const open = (): Promise<Store> => (engine === 'postgres' ? openPostgresStore({ url: url.href }) : openSqliteStore({ file: join(sqliteDir!, 'recert.sqlite') }));
  const store = await open();
  try {
    const earned = addMonths(localToday(), -22);
    for (const id of ['me', ...people]) await store.createPerson({ id, name: id }, 'test');
    for (const id of people) {
      await store.addCredential(id, { id: 'cpt', program: 'nasm-cpt', earned }, 'test');
      await store.reminders.putSettings(id, { enabled: true, email: `${id}@example.com`, thresholds: [90, 60, 30, 7] }, 'test');
    }
  } finally {
    await store.close();
  }
  return {
    env: (extra) => ({
      DATABASE_URL: engine === 'postgres' ? url.href : '', RECERT_DATA_DIR: sqliteDir ?? tempDir(), PORT: '0', RECERT_PLAN_WORKERS: '1', LOG_LEVEL: 'error',
      MAIL_FROM: 'reminders@recert.example.org', ...extra,
    }),
    open,
    async dispose() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      if (engine === 'postgres') await admin(`drop database if exists ${database} with (force)`);
    },
  };
}

export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'server', 'main.ts')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      if (output.includes('recert is running')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
