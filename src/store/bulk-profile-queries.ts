/**
 * Many wallets in four queries (credentials, renewals, activities, credit lines), for the team view
 * (src/api/team). Same rows and order as selectProfile gives for one person.
 */
import type { Kysely } from 'kysely';
import type { Profile } from '../profile/profile-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Database } from './database.js';
import { activityFromRows, credentialFromRow } from './rows.js';

/** Person ids per statement: well inside both engines' bound-parameter limits. */
const CHUNK = 500;

export async function selectProfiles(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, Profile>> {
  const out = new Map<string, Profile>();
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const ids = personIds.slice(i, i + CHUNK);
    const [credentials, renewals, activities, lines] = await Promise.all([
      db.selectFrom('credentials').selectAll().where('person_id', 'in', ids).orderBy('person_id').orderBy('earned').orderBy('id').execute(),
      db.selectFrom('renewals').selectAll().where('person_id', 'in', ids).orderBy('person_id').orderBy('credential_id').orderBy('date').orderBy('id').execute(),
      db.selectFrom('activities').selectAll().where('person_id', 'in', ids).orderBy('person_id').orderBy('completed').orderBy('id').execute(),
      db.selectFrom('credit_lines').selectAll().where('person_id', 'in', ids).execute(),
    ]);
    const wallets = new Map(ids.map((id) => [id, { credentials: [] as Profile['credentials'][number][], renewals: [] as Profile['renewals'][number][], activities: [] as Profile['activities'][number][] }]));
    const linesOf = new Map<string, typeof lines>();
    for (const line of lines) {
      const key = `${line.person_id}\u0000${line.activity_id}`;
      const list = linesOf.get(key);
      if (list === undefined) linesOf.set(key, [line]);
      else list.push(line);
    }
    for (const row of credentials) wallets.get(row.person_id)?.credentials.push(credentialFromRow(row));
    for (const row of renewals) wallets.get(row.person_id)?.renewals.push({ credential: row.credential_id, date: row.date as CalendarDate });
    for (const row of activities) wallets.get(row.person_id)?.activities.push(activityFromRows(row, linesOf.get(`${row.person_id}\u0000${row.id}`) ?? []));
    for (const [id, wallet] of wallets) out.set(id, wallet);
  }
  return out;
}
