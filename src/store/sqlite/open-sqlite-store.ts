/**
 * The embedded default: one SQLite file (better-sqlite3) in WAL mode, so the web app can read while
 * the CLI writes. Foreign keys are off by default in SQLite; they are switched on for every connection.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
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
  const db = new Kysely<Database>({ dialect: immediateSqliteDialect({ database }) });
  try {
    await migrateToLatest(db, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, 'sqlite', options);
}
