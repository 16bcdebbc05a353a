/** The whole wallet at once: load it as a profile, or import a profile into it. */
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Activity, Credential, Profile, Renewal } from '../profile/profile-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { RecertError } from '../shared/recert-error.js';
import { insertActivity, replaceActivity, selectActivities } from './activity-queries.js';
import { logChange, type Stamp } from './change-log.js';
import type { Database } from './database.js';
import { deleteEvidence, mergeRemoved } from './evidence-queries.js';
import { credentialFromRow, credentialToRow } from './rows.js';
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

export async function selectProfile(db: Kysely<Database>, personId: string): Promise<Profile> {
  const [credentials, renewals, activities] = await Promise.all([
    selectCredentials(db, personId),
    selectRenewals(db, personId),
    selectActivities(db, personId),
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

/**
 * Runs in the caller's transaction. merge adds every entry (a renewal only if the wallet lacks its
 * credential and date); replace makes the stored wallet equal
 * to `incoming`, touching only what differs, so an activity that stays keeps its evidence.
 */
export async function importInto(db: Kysely<Database>, stamp: Stamp, personId: string, incoming: Profile, options: ImportOptions): Promise<ImportSummary> {
  const existing = await selectProfile(db, personId);
  const merged: Profile = options.mode === 'replace' ? incoming : {
    credentials: [...existing.credentials, ...incoming.credentials],
    renewals: [...existing.renewals, ...incoming.renewals],
    activities: [...existing.activities, ...incoming.activities],
  };
  const issues = options.check(merged, existing);
  if (issues.length > 0) throw new RecertError(issues);

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
  const storedActivities = new Map((await selectActivities(db, personId)).map((a) => [a.id, a]));
  for (const activity of incoming.activities) {
    const before = storedActivities.get(activity.id);
    if (before === undefined) await insertActivity(db, stamp, personId, activity);
    else if (!isDeepStrictEqual(before, activity)) await replaceActivity(db, stamp, personId, before, activity);
  }
  return { credentials: incoming.credentials.length, renewals: incoming.renewals.length, activities: incoming.activities.length, removed };
}

function renewalKey(credential: string, date: string): string {
  return `${credential}\u0000${date}`;
}

async function removeMissing(db: Kysely<Database>, stamp: Stamp, personId: string, existing: Profile, incoming: Profile): Promise<Removed> {
  const parts: Removed[] = [];
  const keepActivity = new Set(incoming.activities.map((a) => a.id));
  for (const activity of existing.activities.filter((a: Activity) => !keepActivity.has(a.id))) {
    parts.push(await deleteEvidence(db, stamp, personId, { activityId: activity.id }));
    await db.deleteFrom('activities').where('person_id', '=', personId).where('id', '=', activity.id).execute();
    await logChange(db, stamp, { personId, entity: 'activity', entityId: activity.id, action: 'delete', before: activity });
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
