/**
 * 001: people, credentials, renewals, activities with their credit lines, evidence metadata, and the
 * append-only change log. The same migration runs on both engines; the only branches are column types
 * each engine does natively (identity, date, timestamptz, jsonb) and the trigger syntax.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../store.js';

export function initialMigration(engine: Engine): Migration {
  const pg = engine === 'postgres';
  const dateType = pg ? 'date' : 'text';
  const timeType = pg ? 'timestamptz' : 'text';
  const jsonType = pg ? 'jsonb' : 'text';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('people')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', timeType, (c) => c.notNull())
        .execute();

      await db.schema.createTable('credentials')
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('program', 'text', (c) => c.notNull())
        .addColumn('earned', dateType, (c) => c.notNull())
        .addColumn('number', 'text')
        .addPrimaryKeyConstraint('credentials_pk', ['person_id', 'id'])
        .execute();

      await db.schema.createTable('renewals')
        .addColumn('id', 'integer', (c) => (pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.autoIncrement().primaryKey()))
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('credential_id', 'text', (c) => c.notNull())
        .addColumn('date', dateType, (c) => c.notNull())
        .addForeignKeyConstraint('renewals_credential_fk', ['person_id', 'credential_id'], 'credentials', ['person_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('renewals_by_credential').on('renewals').columns(['person_id', 'credential_id']).execute();

      await db.schema.createTable('activities')
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('completed', dateType, (c) => c.notNull())
        .addColumn('hours_milli', 'integer', (c) => c.check(sql`hours_milli >= 0`))
        .addColumn('provider', 'text')
        .addPrimaryKeyConstraint('activities_pk', ['person_id', 'id'])
        .execute();

      await db.schema.createTable('credit_lines')
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('units_milli', 'integer', (c) => c.notNull().check(sql`units_milli > 0`))
        .addColumn('category', 'text')
        .addPrimaryKeyConstraint('credit_lines_pk', ['person_id', 'activity_id', 'line'])
        .addUniqueConstraint('credit_lines_one_per_body', ['person_id', 'activity_id', 'body'])
        .addForeignKeyConstraint('credit_lines_activity_fk', ['person_id', 'activity_id'], 'activities', ['person_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();

      await db.schema.createTable('evidence')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
        .addColumn('uploaded_at', timeType, (c) => c.notNull())
        .addForeignKeyConstraint('evidence_activity_fk', ['person_id', 'activity_id'], 'activities', ['person_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('evidence_by_activity').on('evidence').columns(['person_id', 'activity_id']).execute();
      await db.schema.createIndex('evidence_by_sha256').on('evidence').column('sha256').execute();

      // No foreign key to people: the log outlives what it describes.
      await db.schema.createTable('change_log')
        .addColumn('seq', 'integer', (c) => (pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.autoIncrement().primaryKey()))
        .addColumn('at', timeType, (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('before', jsonType)
        .addColumn('after', jsonType)
        .execute();
      await db.schema.createIndex('change_log_by_person').on('change_log').columns(['person_id', 'seq']).execute();
      await appendOnly(db, pg);
    },

    async down(db: Kysely<any>): Promise<void> {
      // SQLite rejects `DROP TABLE a, b`: one statement per table, children first.
      for (const table of ['change_log', 'evidence', 'credit_lines', 'activities', 'renewals', 'credentials', 'people']) {
        await db.schema.dropTable(table).execute();
      }
      if (pg) await sql`drop function if exists change_log_append_only()`.execute(db);
    },
  };
}

/** Updates and deletes on the change log fail in the database itself, whatever the caller. */
async function appendOnly(db: Kysely<any>, pg: boolean): Promise<void> {
  if (pg) {
    await sql`create function change_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'change_log is append-only'; end $$`.execute(db);
    await sql`create trigger change_log_no_change before update or delete on change_log
      for each row execute function change_log_append_only()`.execute(db);
    await sql`create trigger change_log_no_truncate before truncate on change_log
      for each statement execute function change_log_append_only()`.execute(db);
    return;
  }
  await sql`create trigger change_log_no_update before update on change_log
    begin select raise(abort, 'change_log is append-only'); end`.execute(db);
  await sql`create trigger change_log_no_delete before delete on change_log
    begin select raise(abort, 'change_log is append-only'); end`.execute(db);
}
