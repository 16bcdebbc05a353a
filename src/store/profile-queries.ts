/** The whole wallet at once: load it as a profile, or import a profile into it. */
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Activity, Credential, Profile, Renewal } from '../profile/profile-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { RecertError } from '../shared/recert-error.js';
import { replaceActivity, selectActivities } from './activity-queries.js';
import { logChange, logChanges, type Stamp } from './change-log.js';
import type { Database } from './database.js';
import { deleteEvidence, mergeRemoved } from './evidence-queries.js';
import { activityFromRows, activityToRows, credentialFromRow, credentialToRow, linesByActivity } from './rows.js';
import type { ImportOptions, ImportSummary, Removed, StoredRenewal } from './store.js';

export async function selectCredentials(db: Kysely<Database>, personId: string): Promise<Credential[]> {
  const rows = await db.selectFrom('credentials').selectAll().where('person_id', '=', personId).orderBy('earned').orderBy('id').execute();
  return rows.map(credentialFromRow);
}

export async function selectRenewals(db: Kysely<Database>, personId: string, credentialId?: string): Promise<StoredRenewal[]> {
  let query = db.selectFrom('renewals').selectAll().where('person_id', '=', personId);
  if (credentialId !== undefined) query = query.where('credential_id', '=', credentialId);
  const rows = await query.orderBy('credential_id').orderBy('date').orderBy('id').execute();
  return rows.map((row) => ({ id: Number(row.id), credential: row.credential_id, date: row.date as CalendarDate }));
}

/** `readActivities`: how the activities are read (an import reads them in pages, yielding between). */
export async function selectProfile(
  db: Kysely<Database>, personId: string, readActivities: (db: Kysely<Database>, personId: string) => Promise<Activity[]> = selectActivities,
): Promise<Profile> {
  const [credentials, renewals, activities] = await Promise.all([
    selectCredentials(db, personId),
    selectRenewals(db, personId),
    readActivities(db, personId),
  ]);
  return { credentials, renewals: renewals.map(({ credential, date }) => ({ credential, date })), activities };
}

export async function insertRenewal(db: Kysely<Database>, stamp: Stamp, personId: string, renewal: Renewal): Promise<StoredRenewal> {
  const row = await db.insertInto('renewals')
    .values({ person_id: personId, credential_id: renewal.credential, date: renewal.date })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stored = { id: Number(row.id), credential: renewal.credential, date: renewal.date };
  await logChange(db, stamp, { personId, entity: 'renewal', entityId: String(stored.id), action: 'create', after: stored });
  return stored;
}

/** Rows per statement in an import: well inside both engines' limits on bound parameters. */
const CHUNK = 400;
/** Stored activities read per statement by an import. */
const PAGE = 2_000;

/**
 * Lets other work run (health checks, other requests' parsing) between an import's chunks. SQLite's
 * driver is synchronous, so without this a 30,000-activity import would hold the event loop for its
 * whole length.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Every activity of the person (in id order, which an import does not depend on), PAGE at a time
 * along the primary key with a yield between pages: a 30,000-activity wallet read in one statement
 * held the event loop for 150–240 ms (better-sqlite3 is synchronous).
 */
async function selectActivitiesInPages(db: Kysely<Database>, personId: string): Promise<Activity[]> {
  const out: Activity[] = [];
  let after: string | undefined;
  for (;;) {
    let page = db.selectFrom('activities').selectAll().where('person_id', '=', personId);
    if (after !== undefined) page = page.where('id', '>', after);
    const rows = await page.orderBy('id').limit(PAGE).execute();
    if (rows.length === 0) return out;
    const last = rows[rows.length - 1]!.id;
    let lines = db.selectFrom('credit_lines').selectAll().where('person_id', '=', personId).where('activity_id', '<=', last);
    if (after !== undefined) lines = lines.where('activity_id', '>', after);
    const linesOf = linesByActivity(await lines.execute());
    for (const row of rows) out.push(activityFromRows(row, linesOf.get(row.id) ?? []));
    if (rows.length < PAGE) return out;
    after = last;
    await yieldToEventLoop();
  }
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Runs in the caller's transaction. merge adds every entry (a renewal only if the wallet lacks its
 * credential and date); replace makes the stored wallet equal
 * to `incoming`, touching only what differs, so an activity that stays keeps its evidence.
 * New activities are written CHUNK rows per statement, with a yield to the event loop between chunks.
 */
export async function importInto(db: Kysely<Database>, stamp: Stamp, personId: string, incoming: Profile, options: ImportOptions): Promise<ImportSummary> {
  const existing = await selectProfile(db, personId, selectActivitiesInPages);
  const merged: Profile = options.mode === 'replace' ? incoming : {
    credentials: [...existing.credentials, ...incoming.credentials],
    renewals: [...existing.renewals, ...incoming.renewals],
    activities: [...existing.activities, ...incoming.activities],
  };
  const issues = options.check(merged, existing);
  if (issues.length > 0) throw new RecertError(issues);
  await yieldToEventLoop();

  let removed: Removed = { orphanedSha256: [] };
  if (options.mode === 'replace') removed = await removeMissing(db, stamp, personId, existing, incoming);
  const storedCredentials = new Map((await selectCredentials(db, personId)).map((c) => [c.id, c]));
  for (const credential of incoming.credentials) {
    const before = storedCredentials.get(credential.id);
    if (before === undefined) {
      await db.insertInto('credentials').values(credentialToRow(personId, credential)).execute();
      await logChange(db, stamp, { personId, entity: 'credential', entityId: credential.id, action: 'create', after: credential });
    } else if (!isDeepStrictEqual(before, credential)) {
      await db.updateTable('credentials').set({ program: credential.program, earned: credential.earned, number: credential.number ?? null })
        .where('person_id', '=', personId).where('id', '=', credential.id).execute();
      await logChange(db, stamp, { personId, entity: 'credential', entityId: credential.id, action: 'update', before, after: credential });
    }
  }
  // A credential is renewed at most once per date (unique in the database): a pair the wallet
  // already holds, or that the file repeats, is not added again, in either mode.
  const heldRenewals = new Set((await selectRenewals(db, personId)).map((r) => renewalKey(r.credential, r.date)));
  for (const renewal of incoming.renewals) {
    const key = renewalKey(renewal.credential, renewal.date);
    if (heldRenewals.has(key)) continue;
    await insertRenewal(db, stamp, personId, renewal);
    heldRenewals.add(key);
  }
  // The person is locked, so the wallet read above is still the stored one (less what replace removed).
  const storedActivities = new Map(existing.activities.map((a) => [a.id, a]));
  const added: Activity[] = [];
  let changed = 0;
  for (const [i, activity] of incoming.activities.entries()) {
    const before = storedActivities.get(activity.id);
    if (before === undefined) added.push(activity);
    else if (!isDeepStrictEqual(before, activity)) {
      await replaceActivity(db, stamp, personId, before, activity);
      if (++changed % CHUNK === 0) await yieldToEventLoop();
    }
    // Comparing unchanged activities costs time too: other requests get their turn between chunks.
    if ((i + 1) % (CHUNK * 4) === 0) await yieldToEventLoop();
  }
  for (const chunk of chunks(added)) {
    await insertActivities(db, stamp, personId, chunk);
    await yieldToEventLoop();
  }
  return { credentials: incoming.credentials.length, renewals: incoming.renewals.length, activities: incoming.activities.length, removed };
}

/** New activities (ids known to be free), their credit lines and change-log rows, a few statements per chunk. */
async function insertActivities(db: Kysely<Database>, stamp: Stamp, personId: string, activities: readonly Activity[]): Promise<void> {
  const rows = activities.map((activity) => activityToRows(personId, activity));
  await db.insertInto('activities').values(rows.map((r) => r.activity)).execute();
  for (const lines of chunks(rows.flatMap((r) => r.lines))) await db.insertInto('credit_lines').values(lines).execute();
  await logChanges(db, stamp, activities.map((activity) => ({ personId, entity: 'activity' as const, entityId: activity.id, action: 'create' as const, after: activity })));
}

function renewalKey(credential: string, date: string): string {
  return `${credential}\u0000${date}`;
}

async function removeMissing(db: Kysely<Database>, stamp: Stamp, personId: string, existing: Profile, incoming: Profile): Promise<Removed> {
  const parts: Removed[] = [];
  const keepActivity = new Set(incoming.activities.map((a) => a.id));
  for (const chunk of chunks(existing.activities.filter((a: Activity) => !keepActivity.has(a.id)))) {
    const ids = chunk.map((a) => a.id);
    parts.push(await deleteEvidence(db, stamp, personId, { activityIds: ids }));
    await db.deleteFrom('activities').where('person_id', '=', personId).where('id', 'in', ids).execute();
    await logChanges(db, stamp, chunk.map((activity) => ({ personId, entity: 'activity' as const, entityId: activity.id, action: 'delete' as const, before: activity })));
    await yieldToEventLoop();
  }
  // Renewals have no id in the profile: any stored (credential, date) pair the file lacks goes.
  const wanted = new Set(incoming.renewals.map((r) => renewalKey(r.credential, r.date)));
  for (const renewal of await selectRenewals(db, personId)) {
    if (wanted.has(renewalKey(renewal.credential, renewal.date))) continue;
    await db.deleteFrom('renewals').where('id', '=', renewal.id).execute();
    await logChange(db, stamp, { personId, entity: 'renewal', entityId: String(renewal.id), action: 'delete', before: renewal });
  }
  const keepCredential = new Set(incoming.credentials.map((c) => c.id));
  for (const credential of existing.credentials.filter((c) => !keepCredential.has(c.id))) {
    await db.deleteFrom('credentials').where('person_id', '=', personId).where('id', '=', credential.id).execute();
    await logChange(db, stamp, { personId, entity: 'credential', entityId: credential.id, action: 'delete', before: credential });
  }
  return mergeRemoved(...parts);
}
