/**
 * Opens the configured store: PostgreSQL when a database URL is given (DATABASE_URL), otherwise
 * the embedded SQLite file `recert.sqlite` in the data directory.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RecertError } from '../shared/recert-error.js';
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
  mkdirSync(config.dataDir, { recursive: true });
  if (config.databaseUrl !== undefined && config.databaseUrl !== '') {
    try {
      return await openPostgresStore({ url: config.databaseUrl });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RecertError([{ code: 'STORE_UNREACHABLE', path: 'DATABASE_URL', message: `cannot open the PostgreSQL database: ${reason}` }]);
    }
  }
  return openSqliteStore({ file });
}
