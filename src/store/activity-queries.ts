/** Activities and their credit lines: reads and writes inside a caller's transaction. */
import type { Kysely } from 'kysely';
import type { Activity } from '../profile/profile-schema.js';
import type { Database } from './database.js';
import { logChange, type Stamp } from './change-log.js';
import { activityFromRows, activityToRows, linesByActivity } from './rows.js';
import { alreadyExists, notFound } from './store-errors.js';

export async function selectActivities(db: Kysely<Database>, personId: string, id?: string): Promise<Activity[]> {
  let rows = db.selectFrom('activities').selectAll().where('person_id', '=', personId);
  let lines = db.selectFrom('credit_lines').selectAll().where('person_id', '=', personId);
  if (id !== undefined) {
    rows = rows.where('id', '=', id);
    lines = lines.where('activity_id', '=', id);
  }
  const [activityRows, lineRows] = await Promise.all([rows.orderBy('completed').orderBy('id').execute(), lines.execute()]);
  const byActivity = linesByActivity(lineRows);
  return activityRows.map((row) => activityFromRows(row, byActivity.get(row.id) ?? []));
}

export async function selectActivity(db: Kysely<Database>, personId: string, id: string): Promise<Activity> {
  const [activity] = await selectActivities(db, personId, id);
  if (activity === undefined) throw notFound('activity', id, 'activityId', personId);
  return activity;
}

export async function insertActivity(db: Kysely<Database>, stamp: Stamp, personId: string, activity: Activity, log = true): Promise<void> {
  const existing = await db.selectFrom('activities').select('id').where('person_id', '=', personId).where('id', '=', activity.id).executeTakeFirst();
  if (existing !== undefined) throw alreadyExists('activity', activity.id, 'id');
  const rows = activityToRows(personId, activity);
  await db.insertInto('activities').values(rows.activity).execute();
  if (rows.lines.length > 0) await db.insertInto('credit_lines').values(rows.lines).execute();
  if (log) await logChange(db, stamp, { personId, entity: 'activity', entityId: activity.id, action: 'create', after: activity });
}

/** Replaces the activity's fields and credit lines; evidence stays attached. */
export async function replaceActivity(db: Kysely<Database>, stamp: Stamp, personId: string, before: Activity, after: Activity): Promise<void> {
  const rows = activityToRows(personId, after);
  await db.updateTable('activities')
    .set({ title: rows.activity.title, completed: rows.activity.completed, hours_milli: rows.activity.hours_milli, provider: rows.activity.provider })
    .where('person_id', '=', personId).where('id', '=', after.id)
    .execute();
  await db.deleteFrom('credit_lines').where('person_id', '=', personId).where('activity_id', '=', after.id).execute();
  if (rows.lines.length > 0) await db.insertInto('credit_lines').values(rows.lines).execute();
  await logChange(db, stamp, { personId, entity: 'activity', entityId: after.id, action: 'update', before, after });
}
