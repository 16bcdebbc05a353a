/**
 * 007: on PostgreSQL, evidence bytes live in the database (`evidence_blobs`, keyed by SHA-256), so
 * several server processes share nothing but the database. SQLite keeps the files in the data folder
 * (one machine, one process); there this migration creates nothing.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../store.js';

export function evidenceBlobsMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (engine !== 'postgres') return;
      await db.schema.createTable('evidence_blobs')
        .addColumn('sha256', 'text', (c) => c.primaryKey().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
        .addColumn('bytes', 'bytea', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      if (engine !== 'postgres') return;
      await db.schema.dropTable('evidence_blobs').execute();
    },
  };
}
