/** Evidence metadata rows. The bytes live on disk (evidence/evidence-files.ts), named by SHA-256. */
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { logChanges, type Stamp } from './change-log.js';
import { evidenceFromRow } from './rows.js';
import type { EvidenceRecord, Removed } from './store.js';

export async function selectEvidence(db: Kysely<Database>, personId: string, activityId?: string): Promise<EvidenceRecord[]> {
  let query = db.selectFrom('evidence').selectAll().where('person_id', '=', personId);
  if (activityId !== undefined) query = query.where('activity_id', '=', activityId);
  const rows = await query.orderBy('uploaded_at').orderBy('id').execute();
  return rows.map(evidenceFromRow);
}

/**
 * Deletes evidence rows (all of a person's, one activity's, or one) and logs each; returns the
 * SHA-256 values no row refers to any more, whose files the caller may then delete.
 */
export async function deleteEvidence(
  db: Kysely<Database>,
  stamp: Stamp,
  personId: string,
  which: { activityId?: string; activityIds?: readonly string[]; evidenceId?: string },
): Promise<Removed> {
  let query = db.selectFrom('evidence').selectAll().where('person_id', '=', personId);
  if (which.activityId !== undefined) query = query.where('activity_id', '=', which.activityId);
  if (which.activityIds !== undefined) query = query.where('activity_id', 'in', [...which.activityIds]);
  if (which.evidenceId !== undefined) query = query.where('id', '=', which.evidenceId);
  const doomed = (await query.execute()).map(evidenceFromRow);
  if (doomed.length === 0) return { orphanedSha256: [] };
  await db.deleteFrom('evidence').where('id', 'in', doomed.map((e) => e.id)).execute();
  await logChanges(db, stamp, doomed.map((evidence) => ({ personId, entity: 'evidence' as const, entityId: evidence.id, action: 'delete' as const, before: evidence })));
  const hashes = [...new Set(doomed.map((e) => e.sha256))];
  const still = await db.selectFrom('evidence').select('sha256').distinct().where('sha256', 'in', hashes).execute();
  const kept = new Set(still.map((row) => row.sha256));
  return { orphanedSha256: hashes.filter((hash) => !kept.has(hash)) };
}

export function mergeRemoved(...parts: readonly Removed[]): Removed {
  return { orphanedSha256: [...new Set(parts.flatMap((p) => p.orphanedSha256))] };
}
