/**
 * 002: a credential is renewed at most once per date. Duplicates that earlier versions let in (a
 * merge import re-adding renewals, the same date posted twice) are removed first, keeping the oldest
 * row; then a unique index on (person_id, credential_id, date) replaces the plain index of 001,
 * whose columns it begins with. Same statements on both engines.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export function uniqueRenewalsMigration(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await sql`DELETE FROM renewals WHERE id NOT IN (SELECT MIN(id) FROM renewals GROUP BY person_id, credential_id, date)`.execute(db);
      await db.schema.createIndex('renewals_unique_date').unique().on('renewals').columns(['person_id', 'credential_id', 'date']).execute();
      await db.schema.dropIndex('renewals_by_credential').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('renewals_by_credential').on('renewals').columns(['person_id', 'credential_id']).execute();
      await db.schema.dropIndex('renewals_unique_date').execute();
    },
  };
}
