/**
 * Erasure (data-protection law's right to be forgotten): one person's wallet and the account owning
 * it, removed in the caller's transaction. Every row that holds the person or the account goes:
 * credentials, renewals, activities and credit lines, evidence rows, own offerings, planned items,
 * reminder settings and outbox, the calendar feed, organization shares and staff seats, sessions,
 * passkeys (and pending passkey challenges), API tokens, sign-in links sent to the address, the
 * account and the person. Rows are deleted explicitly, child tables first, rather than left to the
 * foreign keys' cascades, so the list here is the whole story.
 *
 * The change log keeps its structure: each row of the person (or acted by the account) keeps its
 * `seq`, `at`, `entity` and `action`; `before`, `after` and `person_id` become null, an actor naming
 * the account and an entity id equal to the person id become ERASED, and `erased_at` is set (the
 * database allows no other update of the log, migration 011). One more row records the erasure itself.
 *
 * The evidence bytes are not touched here: the caller deletes the hashes this returns after the
 * commit, under the per-hash lock (discardOrphans), so no row ever points at deleted bytes and bytes
 * another person's evidence shares stay.
 */
import { sql, type Kysely } from 'kysely';
import { logChange, type Stamp } from './change-log.js';
import type { Database } from './database.js';

/** What replaces personal values in the change log. */
export const ERASED = 'erased';

export interface Erased {
  /** The account that owned the person, when there was one. */
  readonly accountId: string | null;
  /** Hashes of evidence bytes no row refers to any more. */
  readonly orphanedSha256: readonly string[];
}

export async function erasePersonRows(trx: Kysely<Database>, stamp: Stamp, personId: string): Promise<Erased> {
  const account = await trx.selectFrom('accounts').selectAll().where('person_id', '=', personId).executeTakeFirst();
  const hashes = (await trx.selectFrom('evidence').select('sha256').distinct().where('person_id', '=', personId).execute()).map((r) => r.sha256);

  for (const table of ['evidence', 'credit_lines', 'renewals', 'activities', 'credentials', 'own_offerings', 'planned_items', 'reminder_outbox', 'reminder_settings', 'calendar_feeds', 'org_shares'] as const) {
    await trx.deleteFrom(table).where('person_id', '=', personId).execute();
  }
  if (account !== undefined) {
    for (const table of ['sessions', 'passkeys', 'passkey_challenges', 'api_tokens', 'org_staff'] as const) {
      await trx.deleteFrom(table).where('account_id', '=', account.id).execute();
    }
    await trx.deleteFrom('sign_in_links').where('email', '=', account.email).execute();
    // Invitations this account sent stay valid for the organization; only the sender's id goes.
    await trx.updateTable('org_invitations').set({ created_by: ERASED }).where('created_by', '=', account.id).execute();
    await trx.deleteFrom('accounts').where('id', '=', account.id).execute();
  }
  await trx.deleteFrom('people').where('id', '=', personId).execute();

  const actor = account === undefined ? null : `account:${account.id}`;
  let rows = trx.updateTable('change_log').set((eb) => ({
    // JSON columns take no value on update elsewhere (the log is append-only): only erasure nulls them.
    before: sql<never>`null`,
    after: sql<never>`null`,
    person_id: null,
    erased_at: stamp.at,
    entity_id: eb.case().when('entity_id', '=', personId).then(ERASED).else(eb.ref('entity_id')).end(),
    actor: actor === null ? eb.ref('actor') : eb.case().when('actor', '=', actor).then(ERASED).when('actor', 'like', `${actor} %`).then(ERASED).else(eb.ref('actor')).end(),
  })).where('erased_at', 'is', null);
  rows = rows.where((eb) => actor === null ? eb('person_id', '=', personId) : eb.or([eb('person_id', '=', personId), eb('actor', '=', actor), eb('actor', 'like', `${actor} %`)]));
  await rows.execute();
  const by = actor !== null && (stamp.actor === actor || stamp.actor.startsWith(`${actor} `)) ? ERASED : stamp.actor;
  await logChange(trx, { actor: by, at: stamp.at }, { personId: null, entity: 'person', entityId: ERASED, action: 'delete' });

  const still = hashes.length === 0 ? [] : await trx.selectFrom('evidence').select('sha256').distinct().where('sha256', 'in', hashes).execute();
  const kept = new Set(still.map((r) => r.sha256));
  return { accountId: account?.id ?? null, orphanedSha256: hashes.filter((h) => !kept.has(h)) };
}
