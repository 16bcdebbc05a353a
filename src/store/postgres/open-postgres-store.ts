/**
 * PostgreSQL, selected by DATABASE_URL. The pool parses `date` to `YYYY-MM-DD` and `timestamptz` to
 * an ISO string (per pool, not pg's global parsers), so rows look the same as SQLite's.
 * `schema` puts every table in that schema (created when missing): tests use one per run.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../database.js';
import { KyselyStore, type KyselyStoreOptions } from '../kysely-store.js';
import { migrateToLatest } from '../migrate.js';

export interface PostgresStoreOptions extends KyselyStoreOptions {
  readonly url: string;
  readonly schema?: string | undefined;
  /** Milliseconds to wait for a connection before failing (default 5000). */
  readonly connectTimeoutMs?: number;
}

const DATE_OID = 1082;
const TIMESTAMPTZ_OID = 1184;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgresStore(options: PostgresStoreOptions): Promise<KyselyStore> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`invalid PostgreSQL schema name "${options.schema}": expected lower-case letters, digits and _`);
  }
  const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text');
  const pool = new pg.Pool({
    connectionString: options.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    max: 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return (value: string) => value;
        if (oid === TIMESTAMPTZ_OID) return (value: string) => (parseTimestamp(value) as Date).toISOString();
        return pg.types.getTypeParser(oid, format ?? 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (options.schema !== undefined) await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const schema = rows[0]?.schema;
    if (schema == null) throw new Error('the connection has no current schema: check search_path');
    await migrateToLatest(db, 'postgres', schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, 'postgres', options);
}
