/**
 * The server refuses to start, with STORE_NOT_WRITABLE naming what, when it could not write: a
 * read-only data folder, database file or evidence folder, or a read-only PostgreSQL database.
 * (It used to start, answer "ok" to /api/health and fail every write with 500.)
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/start-server.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import { storeBackends, TEST_DATABASE_URL } from '../../src/store/testing/store-backends.js';

const isRoot = process.getuid?.() === 0;

/** Makes a file or folder unwritable even for root (chattr +i), or by its mode for other users; returns the undo. */
function makeReadOnly(path: string): () => void {
  if (isRoot) {
    execFileSync('chattr', ['+i', path]);
    return () => execFileSync('chattr', ['-i', path]);
  }
  const mode = statSync(path).mode & 0o777;
  chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
  return () => chmodSync(path, mode);
}

function writable(dir: string): boolean {
  try {
    writeFileSync(join(dir, '.x'), 'x');
    rmSync(join(dir, '.x'));
    return true;
  } catch {
    return false;
  }
}

const start = (dataDir: string, databaseUrl?: string) => startServer({ port: 0, host: '127.0.0.1', dataDir, databaseUrl, logLevel: 'silent' });

describe('server start-up checks', () => {
  const undo: Array<() => void> = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const fn of undo.splice(0).reverse()) fn();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function initialised(): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'recert-ro-'));
    dirs.push(dir);
    await (await start(dir)).close();
    return dir;
  }

  it('the read-only setup really blocks writes on this machine', async () => {
    const dir = await initialised();
    undo.push(makeReadOnly(dir));
    expect(writable(dir)).toBe(false);
  });

  it('refuses to start on a read-only data folder', async () => {
    const dir = await initialised();
    undo.push(makeReadOnly(dir));
    await expect(start(dir)).rejects.toMatchObject({ issues: [{ code: 'STORE_NOT_WRITABLE', message: expect.stringContaining(dir) }] });
  });

  it('refuses to start on a read-only database file', async () => {
    const dir = await initialised();
    undo.push(makeReadOnly(join(dir, 'recert.sqlite')));
    await expect(start(dir)).rejects.toMatchObject({ issues: [{ code: 'STORE_NOT_WRITABLE', message: expect.stringContaining('recert.sqlite') }] });
  });

  it('refuses to start on a read-only evidence folder', async () => {
    const dir = await initialised();
    mkdirSync(join(dir, 'evidence'), { recursive: true });
    undo.push(makeReadOnly(join(dir, 'evidence')));
    await expect(start(dir)).rejects.toMatchObject({ issues: [{ code: 'STORE_NOT_WRITABLE', message: expect.stringContaining('evidence') }] });
  });

  it('refuses to start on a read-only PostgreSQL database', async (context) => {
    const status = (await storeBackends()).find((b) => b.engine === 'postgres');
    if (status === undefined || !status.available) {
      if (process.env.CI && status !== undefined) throw new Error('CI must run these tests against a live PostgreSQL');
      context.skip(); // no PostgreSQL outside CI: nothing to start against
      return;
    }
    const schema = `recert_test_ro_${process.pid}_${Date.now() % 100000}`;
    await (await openPostgresStore({ url: TEST_DATABASE_URL, schema })).close();
    const dir = mkdtempSync(join(tmpdir(), 'recert-ro-'));
    dirs.push(dir);
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema} -c default_transaction_read_only=on`);
    try {
      await expect(start(dir, url.toString())).rejects.toMatchObject({ issues: [{ code: 'STORE_NOT_WRITABLE', message: expect.stringContaining('PostgreSQL') }] });
    } finally {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  });
});
