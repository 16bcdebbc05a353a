/**
 * The storage backends a test run covers, for the conformance suite and the HTTP tests.
 * RECERT_TEST_STORES narrows the list (e.g. `sqlite` or `postgres`; default both).
 * PostgreSQL is reached at RECERT_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test);
 * each opened store gets its own schema, dropped on close. When PostgreSQL cannot be reached the
 * backend is reported `unavailable`: the caller fails when CI is set and skips otherwise.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../postgres/open-postgres-store.js';
import { openSqliteStore } from '../sqlite/open-sqlite-store.js';
import type { Engine, Store } from '../store.js';

export interface OpenOptions {
  readonly now?: () => Date;
}

export interface Backend {
  readonly engine: Engine;
  /** Opens a fresh, empty, migrated store; close() removes its data. */
  open(options?: OpenOptions): Promise<Store>;
  /** Opens a fresh store and returns a function that reopens the same data (to test reopening). */
  openReopenable(options?: OpenOptions): Promise<{ store: Store; reopen: () => Promise<Store>; dispose: () => Promise<void> }>;
}

export type BackendStatus = { engine: Engine; available: true; backend: Backend } | { engine: Engine; available: false; reason: string };

export const TEST_DATABASE_URL = process.env.RECERT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function selectedEngines(): Engine[] {
  const wanted = (process.env.RECERT_TEST_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim()).filter(Boolean);
  return (['sqlite', 'postgres'] as const).filter((engine) => wanted.includes(engine));
}

export async function storeBackends(): Promise<BackendStatus[]> {
  const out: BackendStatus[] = [];
  for (const engine of selectedEngines()) {
    if (engine === 'sqlite') out.push({ engine, available: true, backend: sqliteBackend });
    else {
      const reason = await unreachable(TEST_DATABASE_URL);
      out.push(reason === null ? { engine, available: true, backend: postgresBackend } : { engine, available: false, reason });
    }
  }
  return out;
}

const sqliteBackend: Backend = {
  engine: 'sqlite',
  async open(options = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'recert-store-'));
    return openSqliteStore({ file: join(dir, 'recert.sqlite'), ...options, onClose: async () => rmSync(dir, { recursive: true, force: true }) });
  },
  async openReopenable(options = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'recert-store-'));
    const file = join(dir, 'recert.sqlite');
    return {
      store: await openSqliteStore({ file, ...options }),
      reopen: () => openSqliteStore({ file, ...options }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

const postgresBackend: Backend = {
  engine: 'postgres',
  async open(options = {}) {
    const schema = uniqueSchema();
    return openPostgresStore({ url: TEST_DATABASE_URL, schema, ...options, onClose: () => dropSchema(schema) }).catch(async (error: unknown) => {
      await dropSchema(schema);
      throw error;
    });
  },
  async openReopenable(options = {}) {
    const schema = uniqueSchema();
    const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema, ...options }).catch(async (error: unknown) => {
      await dropSchema(schema);
      throw error;
    });
    return {
      store,
      reopen: () => openPostgresStore({ url: TEST_DATABASE_URL, schema, ...options }),
      dispose: () => dropSchema(schema),
    };
  },
};

function uniqueSchema(): string {
  return `recert_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** null when a connection and `select 1` succeed within 3 seconds, otherwise why not. */
async function unreachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL is not reachable at ${url.replace(/\/\/[^@]*@/, '//…@')}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The few vitest functions the helper below needs (typed here so this file does not import vitest). */
export interface SuiteApi {
  (name: string, body: () => void): void;
  skip(name: string, body: () => void): void;
}
export type TestFn = (name: string, body: () => void | Promise<void>) => void;

/**
 * Declares `body` once per selected backend. An unreachable PostgreSQL fails the run when CI is set
 * (CI promises a server) and is skipped, with the reason in the suite name, on a developer's machine.
 */
export async function describeEachStore(title: string, api: { describe: SuiteApi; it: TestFn }, body: (backend: Backend) => void): Promise<void> {
  for (const status of await storeBackends()) {
    const name = `${title} [${status.engine}]`;
    if (status.available) {
      api.describe(name, () => body(status.backend));
    } else if (process.env.CI) {
      api.describe(name, () => api.it('can reach the database (CI runs a PostgreSQL server)', () => {
        throw new Error(`${status.reason}. CI must run these tests against a live server; failing instead of skipping.`);
      }));
    } else {
      process.stderr.write(`recert tests: skipping ${name}: ${status.reason} (set CI=1 to make this a failure)\n`);
      // Skipped with its reason only off CI: a developer's machine may have no PostgreSQL server.
      api.describe.skip(`${name} skipped: ${status.reason}`, () => api.it('needs PostgreSQL', () => undefined)); // skipped without PostgreSQL: the reason is in the suite name
    }
  }
}
