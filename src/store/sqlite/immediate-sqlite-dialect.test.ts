/**
 * The two-connection SQLite driver: reads outside transactions do not wait for a write, and a failed
 * COMMIT keeps the writer until its rollback, so a statement queued behind it is never run inside the
 * failed transaction (acknowledged, then rolled back with it).
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type SqliteDatabase } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { immediateSqliteDialect } from './immediate-sqlite-dialect.js';

interface T { t: { x: number } }

describe('the read/write SQLite driver', () => {
  let dir: string;
  let writer: BetterSqlite3.Database;
  let reader: BetterSqlite3.Database;
  let failNextCommit: boolean;
  let db: Kysely<T>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'recert-driver-'));
    writer = new BetterSqlite3(join(dir, 'db.sqlite'));
    writer.pragma('journal_mode = WAL');
    writer.exec('create table t (x integer)');
    reader = new BetterSqlite3(join(dir, 'db.sqlite'));
    reader.pragma('query_only = ON');
    failNextCommit = false;
    // A COMMIT can fail and leave the transaction open (SQLITE_BUSY); this writer fails one on demand.
    const failingWriter: SqliteDatabase = {
      close: () => writer.close(),
      prepare: (sql) => {
        if (sql === 'commit' && failNextCommit) {
          failNextCommit = false;
          return { reader: false, all: () => [], iterate: () => [][Symbol.iterator](), run: () => { throw new Error('SQLITE_BUSY: database is locked'); } };
        }
        return writer.prepare(sql);
      },
    };
    db = new Kysely<T>({ dialect: immediateSqliteDialect({ writer: failingWriter, writerInTransaction: () => writer.inTransaction, reader }) });
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a read while a transaction holds the writer, from the last commit', async () => {
    await db.insertInto('t').values({ x: 1 }).execute();
    let release!: () => void;
    const open = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ x: 2 }).execute();
      await new Promise<void>((resolve) => { release = resolve; });
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await db.selectFrom('t').select('x').execute()).toEqual([{ x: 1 }]);
    release();
    await open;
    expect(await db.selectFrom('t').select('x').orderBy('x').execute()).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('does not run a queued write inside a transaction whose COMMIT failed', async () => {
    failNextCommit = true;
    const failed = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ x: 1 }).execute();
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    await new Promise((resolve) => setImmediate(resolve));
    const queued = db.insertInto('t').values({ x: 2 }).execute();
    await expect(failed).rejects.toThrow('SQLITE_BUSY');
    await queued;
    expect(writer.inTransaction).toBe(false);
    expect(writer.prepare('select x from t').all()).toEqual([{ x: 2 }]);
  });
});
