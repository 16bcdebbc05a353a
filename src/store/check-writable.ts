/**
 * Start-up checks that the server can write where it must: the data folder (evidence files) and the
 * database. A server that cannot write should not start and answer "ok" to health checks while every
 * write fails; it stops with STORE_NOT_WRITABLE and says where.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RecertError } from '../shared/recert-error.js';
import type { Store } from './store.js';

/** Error codes that mean "this cannot be written", from the file system, SQLite and PostgreSQL. */
const NOT_WRITABLE = new Set([
  'EACCES', 'EPERM', 'EROFS', 'ENOSPC',
  'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_RECOVERY', 'SQLITE_READONLY_CANTLOCK', 'SQLITE_READONLY_ROLLBACK',
  'SQLITE_CANTOPEN', 'SQLITE_IOERR_WRITE', 'SQLITE_FULL',
  '25006', // read_only_sql_transaction
  '42501', // insufficient_privilege
  '53100', // disk_full
]);

export function isNotWritable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (NOT_WRITABLE.has(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR'))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function notWritable(where: string, error: unknown): RecertError {
  const reason = error instanceof Error ? error.message : String(error);
  return new RecertError([{ code: 'STORE_NOT_WRITABLE', path: '', message: `cannot write to ${where}: ${reason}` }]);
}

/** Creates and deletes a file in `dir` (created when missing). */
export async function checkFolderWritable(dir: string): Promise<void> {
  const probe = join(dir, `.write-probe-${randomUUID()}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, 'probe', { flag: 'wx' });
    await rm(probe, { force: true });
  } catch (error) {
    throw notWritable(`the folder ${dir} (set RECERT_DATA_DIR to a writable folder, or fix its permissions)`, error);
  }
}

export async function checkStoreWritable(store: Store, where: string): Promise<void> {
  try {
    await store.probeWrite();
  } catch (error) {
    throw notWritable(where, error);
  }
}
