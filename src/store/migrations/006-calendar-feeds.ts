/**
 * 006: one secret calendar feed token per person (`/ical/{token}.ics`). Revoking deletes the row;
 * rotating replaces the token, so an old URL stops working at once. The token is unique across people.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../store.js';

export function calendarFeedsMigration(engine: Engine): Migration {
  const timeType = engine === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('calendar_feeds')
        .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
        .addColumn('token', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', timeType, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('calendar_feeds').execute();
    },
  };
}
