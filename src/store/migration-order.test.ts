/**
 * A database that already ran a later migration still takes an earlier-numbered one added later (the
 * branches that added 007-evidence-blobs and 008-reminders were merged in the other order).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeBackends } from './testing/store-backends.js';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Store } from './store.js';

/** The store's Kysely instance (private; the test reaches into it to rewrite the migration record). */
const dbOf = (store: Store): Kysely<Database> => (store as unknown as { db: Kysely<Database> }).db;
const sqlite = (await storeBackends()).find((b) => b.engine === 'sqlite');

describe('migration order', () => {
  it('opens a database that ran 008 before 007 existed, and runs 007', async () => {
    if (sqlite?.available !== true) throw new Error('SQLite is always available');
    const { store, reopen, dispose } = await sqlite.backend.openReopenable();
    try {
      const db = dbOf(store);
      await sql`delete from kysely_migration where name = '007-evidence-blobs'`.execute(db);
      expect((await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name)).toContain('008-reminders');
      await store.close();
      const again = await reopen();
      const names = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(dbOf(again))).rows.map((r) => r.name);
      expect(names).toContain('007-evidence-blobs');
      await again.close();
    } finally {
      await dispose();
    }
  });
});
