/**
 * 012: a wallet stamp per person: a random value replaced by every write to the person's wallet, in
 * the write's own transaction (src/store/kysely-store.ts, `write` with a person). Two reads that see
 * the same stamp see the same wallet, on every process sharing the database, so answers computed from
 * a wallet can be kept under (person, stamp) and never go stale. Existing rows get a stamp here.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../store.js';

export function walletStampsMigration(engine: Engine): Migration {
  const random = engine === 'postgres' ? sql`md5(random()::text || clock_timestamp()::text || id)` : sql`lower(hex(randomblob(16)))`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('people').addColumn('wallet_stamp', 'text').execute();
      await db.updateTable('people').set({ wallet_stamp: random }).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('people').dropColumn('wallet_stamp').execute();
    },
  };
}
