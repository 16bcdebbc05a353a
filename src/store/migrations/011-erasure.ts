/**
 * 011: erasure. The change log stays append-only except for one kind of update: erasing a row's
 * personal fields when its person's account is deleted (src/store/erase-person.ts). `erased_at` marks
 * such a row. The database itself allows only that update: it sets `erased_at` on a row not erased
 * yet, clears `before`, `after` and `person_id`, and keeps `seq`, `at`, `entity` and `action`.
 * Deleting or truncating stays refused.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../store.js';

/** The condition, over OLD and NEW, under which an update of a change-log row is an erasure. */
const ERASURE = `old.erased_at is null and new.erased_at is not null and new.seq = old.seq and new.at = old.at
  and new.entity = old.entity and new.action = old.action and new.before is null and new.after is null and new.person_id is null`;

export function erasureMigration(engine: Engine): Migration {
  const pg = engine === 'postgres';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('change_log').addColumn('erased_at', pg ? 'timestamptz' : 'text').execute();
      if (pg) {
        await sql.raw(`create function change_log_erase_only() returns trigger language plpgsql as $$
          begin
            if tg_op = 'UPDATE' and ${ERASURE} then return new; end if;
            raise exception 'change_log is append-only (a row may only be erased)';
          end $$`).execute(db);
        await sql`drop trigger change_log_no_change on change_log`.execute(db);
        await sql`create trigger change_log_no_change before update or delete on change_log
          for each row execute function change_log_erase_only()`.execute(db);
        return;
      }
      await sql`drop trigger change_log_no_update`.execute(db);
      await sql.raw(`create trigger change_log_erase_only before update on change_log when not (${ERASURE})
        begin select raise(abort, 'change_log is append-only (a row may only be erased)'); end`).execute(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      if (pg) {
        await sql`drop trigger change_log_no_change on change_log`.execute(db);
        await sql`create trigger change_log_no_change before update or delete on change_log
          for each row execute function change_log_append_only()`.execute(db);
        await sql`drop function change_log_erase_only()`.execute(db);
      } else {
        await sql`drop trigger change_log_erase_only`.execute(db);
        await sql`create trigger change_log_no_update before update on change_log
          begin select raise(abort, 'change_log is append-only'); end`.execute(db);
      }
      await db.schema.alterTable('change_log').dropColumn('erased_at').execute();
    },
  };
}
