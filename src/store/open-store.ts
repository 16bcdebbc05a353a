/**
 * Opens the configured store: PostgreSQL when a database URL is given (DATABASE_URL), otherwise
 * the embedded SQLite file `recert.sqlite` in the data directory.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RecertError } from '../shared/recert-error.js';
import { isNotWritable, notWritable } from './check-writable.js';
import { openPostgresStore } from './postgres/open-postgres-store.js';
import { openSqliteStore } from './sqlite/open-sqlite-store.js';
import type { Store } from './store.js';

export const SQLITE_FILE_NAME = 'recert.sqlite';

export interface StoreConfig {
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  /** Create the data directory and database when missing (`recert init`, the server); otherwise fail. */
  readonly create: boolean;
}

export async function openStore(config: StoreConfig): Promise<Store> {
  const file = join(config.dataDir, SQLITE_FILE_NAME);
  if (!config.create && (config.databaseUrl === undefined ? !existsSync(file) : !existsSync(config.dataDir))) {
    throw new RecertError([{ code: 'STORE_NOT_INITIALIZED', file: config.dataDir, path: '', message: 'no recert data here yet; run `recert init` first (or set RECERT_DATA_DIR)' }]);
  }
  try {
    mkdirSync(config.dataDir, { recursive: true });
  } catch (error) {
    throw notWritable(`the data folder ${config.dataDir} (set RECERT_DATA_DIR to a writable folder)`, error);
  }
  if (config.databaseUrl !== undefined && config.databaseUrl !== '') {
    try {
      return await openPostgresStore({ url: config.databaseUrl });
    } catch (error) {
      if (isNotWritable(error)) throw notWritable('the PostgreSQL database (DATABASE_URL): the role needs CREATE, INSERT, UPDATE and DELETE, and the database must not be read-only', error);
      const reason = error instanceof Error ? error.message : String(error);
      throw new RecertError([{ code: 'STORE_UNREACHABLE', path: 'DATABASE_URL', message: `cannot open the PostgreSQL database: ${reason}` }]);
    }
  }
  try {
    return await openSqliteStore({ file });
  } catch (error) {
    if (isNotWritable(error)) throw notWritable(`the SQLite database ${file} (it and its folder must be writable)`, error);
    throw error;
  }
}
