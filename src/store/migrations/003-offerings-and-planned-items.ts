/**
 * 003: a person's own offerings (courses they consider, beside the shipped catalog) and planned items
 * (offerings chosen from a plan, not yet done). Each row keeps its validated entry as one JSON
 * document (text on SQLite, jsonb on PostgreSQL): the API's zod schemas define it, and nothing queries
 * inside it. Both cascade with their person. Same statements on both engines apart from the types.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../store.js';

export function offeringsAndPlannedItemsMigration(engine: Engine): Migration {
  const pg = engine === 'postgres';
  const timeType = pg ? 'timestamptz' : 'text';
  const jsonType = pg ? 'jsonb' : 'text';
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const table of ['own_offerings', 'planned_items']) {
        await db.schema.createTable(table)
          .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('data', jsonType, (c) => c.notNull())
          .addColumn('created_at', timeType, (c) => c.notNull())
          .addPrimaryKeyConstraint(`${table}_pk`, ['person_id', 'id'])
          .execute();
      }
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('planned_items').execute();
      await db.schema.dropTable('own_offerings').execute();
    },
  };
}
