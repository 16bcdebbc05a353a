/**
 * 008: email reminders. `reminder_settings` holds each person's choice (on/off, address, which day
 * thresholds) and the secret unsubscribe token; `reminder_outbox` is the queue: one row per reminder
 * ever due, keyed by its idempotency key (person × credential × cycle × threshold, also a UNIQUE
 * constraint over the four columns), so no reminder is queued twice whatever runs at once.
 * A row moves pending → claimed (with a lease) → sent, or back to pending after a failed send, or to
 * failed after too many, or skipped when reminders were turned off before it was sent.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../store.js';

export function remindersMigration(engine: Engine): Migration {
  const timeType = engine === 'postgres' ? 'timestamptz' : 'text';
  const dateType = engine === 'postgres' ? 'date' : 'text';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('reminder_settings')
        .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('thresholds', 'text', (c) => c.notNull())
        .addColumn('unsubscribe_token', 'text', (c) => c.notNull().unique())
        .addColumn('updated_at', timeType, (c) => c.notNull())
        .execute();
      await db.schema.createTable('reminder_outbox')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('credential_id', 'text', (c) => c.notNull())
        .addColumn('cycle', 'integer', (c) => c.notNull())
        .addColumn('threshold', 'text', (c) => c.notNull())
        .addColumn('due_on', dateType, (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('missing', 'text', (c) => c.notNull())
        .addColumn('next_step', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('not_before', timeType, (c) => c.notNull())
        .addColumn('lease_until', timeType)
        .addColumn('claimed_by', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', timeType, (c) => c.notNull())
        .addColumn('sent_at', timeType)
        .addUniqueConstraint('reminder_outbox_idempotency', ['person_id', 'credential_id', 'cycle', 'threshold'])
        .execute();
      await db.schema.createIndex('reminder_outbox_ready').on('reminder_outbox').columns(['state', 'not_before']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('reminder_outbox').execute();
      await db.schema.dropTable('reminder_settings').execute();
    },
  };
}
