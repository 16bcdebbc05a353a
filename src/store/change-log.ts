/** Appends to the change log inside the caller's transaction. Nothing here updates or deletes a row. */
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { ChangeAction, ChangeRecord } from './store.js';

/** Who is acting and when, fixed once per store call so every row of one change shares it. */
export interface Stamp {
  readonly actor: string;
  readonly at: string;
}

export async function logChange(
  db: Kysely<Database>,
  stamp: Stamp,
  change: { personId: string | null; entity: ChangeRecord['entity']; entityId: string; action: ChangeAction; before?: unknown; after?: unknown },
): Promise<void> {
  await db.insertInto('change_log').values({
    at: stamp.at,
    actor: stamp.actor,
    person_id: change.personId,
    entity: change.entity,
    entity_id: change.entityId,
    action: change.action,
    before: change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === undefined ? null : JSON.stringify(change.after),
  }).execute();
}
