/**
 * 010: passkey (WebAuthn) challenges in the database, not in one process's memory, so the options
 * request and the verification may reach different server processes behind a load balancer.
 * A challenge is used once (deleted when taken) and expires after a few minutes.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../store.js';

export function passkeyChallengesMigration(engine: Engine): Migration {
  const timeType = engine === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('passkey_challenges')
        .addColumn('challenge', 'text', (c) => c.primaryKey())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
        .addColumn('expires_at', timeType, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('passkey_challenges').execute();
    },
  };
}
