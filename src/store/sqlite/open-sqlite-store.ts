/**
 * The embedded default: one SQLite file (better-sqlite3) in WAL mode, so the web app can read while
 * the CLI writes. Two connections: one writes, one reads outside transactions, so reads never wait
 * for a long write (immediate-sqlite-dialect.ts). Foreign keys are off by default in SQLite; they are
 * switched on for the writer.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database } from '../database.js';
import { KyselyStore, type KyselyStoreOptions } from '../kysely-store.js';
import { migrateToLatest } from '../migrate.js';
import { immediateSqliteDialect } from './immediate-sqlite-dialect.js';

export interface SqliteStoreOptions extends KyselyStoreOptions {
  /** Path of the database file; it is created when missing. */
  readonly file: string;
}

export async function openSqliteStore(options: SqliteStoreOptions): Promise<KyselyStore> {
  const database = new BetterSqlite3(options.file);
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
  } catch (error) {
    database.close();
    throw error;
  }
  let reader: BetterSqlite3.Database;
  try {
    reader = new BetterSqlite3(options.file);
    reader.pragma('busy_timeout = 5000');
    reader.pragma('query_only = ON');
  } catch (error) {
    database.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: immediateSqliteDialect({ writer: withStatementCache(database), writerInTransaction: () => database.inTransaction, reader: withStatementCache(reader) }) });
  try {
    await migrateToLatest(db, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, 'sqlite', options);
}

/** Prepared statements kept, by SQL text, up to this many (imports make a few statement shapes per chunk size). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query afresh; a status read runs the same five statements each time, and
 * preparing costs more than running them on a small wallet. Statements are reused by their SQL text.
 * Safe: each connection runs one statement at a time (better-sqlite3 is synchronous), and a statement
 * is run to completion (all/run) before the next.
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
