/** Appends to the change log inside the caller's transaction. Nothing here updates or deletes a row. */
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { ChangeAction, ChangeRecord } from './store.js';

/** Who is acting and when, fixed once per store call so every row of one change shares it. */
export interface Stamp {
  readonly actor: string;
  readonly at: string;
}

export interface Change {
  readonly personId: string | null;
  readonly entity: ChangeRecord['entity'];
  readonly entityId: string;
  readonly action: ChangeAction;
  readonly before?: unknown;
  readonly after?: unknown;
}

export async function logChange(db: Kysely<Database>, stamp: Stamp, change: Change): Promise<void> {
  await logChanges(db, stamp, [change]);
}

/** Many rows in one statement (imports); the caller keeps the list to a bounded size. */
export async function logChanges(db: Kysely<Database>, stamp: Stamp, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  await db.insertInto('change_log').values(changes.map((change) => ({
    at: stamp.at,
    actor: stamp.actor,
    person_id: change.personId,
    entity: change.entity,
    entity_id: change.entityId,
    action: change.action,
    before: change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === undefined ? null : JSON.stringify(change.after),
  }))).execute();
}
