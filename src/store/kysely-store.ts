/**
 * The Store over Kysely: one implementation for both engines. Every write runs in a transaction
 * together with its change-log rows, so the log never misses or invents a change.
 */
import type { CompiledQuery, Kysely } from 'kysely';
import type { OwnOffering, OwnOfferingInput } from '../catalog/own-offering.js';
import type { Activity, Credential, Profile, Renewal } from '../profile/profile-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { insertActivity, replaceActivity, selectActivities, selectActivity } from './activity-queries.js';
import { selectProfiles } from './bulk-profile-queries.js';
import { KyselyAccounts, type AccountStore } from './account-store.js';
import { KyselyCalendarFeeds, type CalendarFeedStore } from './calendar-feed-store.js';
import { logChange, type Stamp } from './change-log.js';
import { KyselyReminders, type ReminderStore } from './reminder-store.js';
import type { Database } from './database.js';
import { deleteEvidence, selectEvidence } from './evidence-queries.js';
import { erasePersonRows } from './erase-person.js';
import { importInto, insertRenewal, selectCredentials, selectProfile, selectRenewals } from './profile-queries.js';
import { changeFromRow, credentialFromRow, evidenceFromRow, personFromRow } from './rows.js';
import type {
  ActivityChanges, ChangeRecord, CredentialChanges, Engine, EvidenceRecord, ImportOptions, ImportSummary, NewActivity, NewCredential, NewEvidence, Person, PlannedItem, PlannedItemDone,
  PlannedItemInput, Removed, Store, StoredRenewal,
} from './store.js';
import { nextActivityId, nextId } from './next-id.js';
import type { EvidenceBlobs } from './evidence/evidence-blobs.js';
import { PostgresEvidenceBlobs } from './evidence/postgres-evidence-blobs.js';
import { insertDocument, nextDocumentId, selectDocument, selectDocuments } from './planning-queries.js';
import { alreadyExists, concurrentDuplicate, isUniqueViolation, isUnstorableValue, notFound, renewalExists, unstorableValue } from './store-errors.js';
import { newWalletStamp } from './wallet-stamp.js';

export interface KyselyStoreOptions {
  /** The clock for change-log timestamps; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Runs after the connection closes (drop a test schema, remove a temp folder). */
  readonly onClose?: () => Promise<void>;
}

export class KyselyStore implements Store {
  readonly calendarFeeds: CalendarFeedStore;
  readonly reminders: ReminderStore;
  readonly accounts: AccountStore;

  constructor(
    private readonly db: Kysely<Database>,
    readonly engine: Engine,
    private readonly options: KyselyStoreOptions = {},
  ) {
    this.calendarFeeds = new KyselyCalendarFeeds(db, (actor, personId, work) => this.write(actor, work, { person: personId }));
    this.reminders = new KyselyReminders(db, engine, (actor, personId, work) => this.write(actor, work, { person: personId }));
    this.accounts = new KyselyAccounts(db, () => this.options.now?.() ?? new Date());
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.options.onClose?.();
  }

  /**
   * Runs `work` in a transaction with one timestamp. With `person`, the person's row is locked first
   * (an update of its wallet stamp, which PostgreSQL holds until the commit), so writes to one wallet run one after another on every
   * engine (SQLite's write transactions are serial already: `begin immediate`, one connection) and
   * what `work` reads is what it writes over. Any unique violation a race still produces becomes
   * ALREADY_EXISTS (409), an unstorable value PROFILE_SCHEMA.
   */
  private async write<T>(
    actor: string,
    work: (trx: Kysely<Database>, stamp: Stamp) => Promise<T>,
    options: { person?: string; onDuplicate?: () => Error } = {},
  ): Promise<T> {
    const stamp = { actor, at: (this.options.now?.() ?? new Date()).toISOString() };
    try {
      return await this.db.transaction().execute(async (trx) => {
        if (options.person !== undefined) await this.lockPerson(trx, options.person);
        return work(trx, stamp);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw options.onDuplicate?.() ?? concurrentDuplicate();
      if (isUnstorableValue(error)) throw unstorableValue();
      throw error;
    }
  }

  /**
   * Gives the wallet a new stamp (migration 012), which on PostgreSQL also locks the person's row
   * until the transaction ends; NOT_FOUND when there is no such person. A rolled-back write rolls its
   * stamp back with it, so a stamp always names one committed state of the wallet.
   */
  private async lockPerson(trx: Kysely<Database>, id: string): Promise<void> {
    const result = await trx.updateTable('people').set({ wallet_stamp: newWalletStamp() }).where('id', '=', id).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('person', id, 'personId');
  }

  /** Compiled once: the status route reads the stamp on every request, and building the query cost more than running it. */
  private stampQuery: CompiledQuery<{ wallet_stamp: string | null }> | undefined;

  async walletStamp(personId: string): Promise<string | null | undefined> {
    this.stampQuery ??= this.db.selectFrom('people').select('wallet_stamp').where('id', '=', '').compile();
    const result = await this.db.executeQuery<{ wallet_stamp: string | null }>({ ...this.stampQuery, parameters: [personId] });
    return result.rows[0]?.wallet_stamp;
  }

  /**
   * Proves the database takes writes: inserts a row and rolls it back. A read-only file, folder,
   * database or role fails here, at start-up, instead of in every later write.
   */
  async probeWrite(): Promise<void> {
    const rollback = new Error('probe: roll back');
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx.insertInto('people').values({ id: `.probe-${process.pid}`, name: 'write probe', created_at: new Date(0).toISOString() }).execute();
        await trx.deleteFrom('people').where('id', '=', `.probe-${process.pid}`).execute();
        throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
  }

  private blobs: PostgresEvidenceBlobs | undefined;

  evidenceBlobs(): EvidenceBlobs | null {
    if (this.engine !== 'postgres') return null;
    return (this.blobs ??= new PostgresEvidenceBlobs(this.db));
  }

  /** Lets discardOrphans re-check, under the files' lock, that no row came to refer to a hash since. */
  private recheckable(removed: Removed): Removed {
    return {
      ...removed,
      isReferenced: async (sha256) => (await this.db.selectFrom('evidence').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined,
    };
  }

  private async requirePerson(db: Kysely<Database>, id: string): Promise<Person> {
    const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('person', id, 'personId');
    return personFromRow(row);
  }

  async listPeople(): Promise<Person[]> {
    return (await this.db.selectFrom('people').selectAll().orderBy('id').execute()).map(personFromRow);
  }

  getPerson(id: string): Promise<Person> {
    return this.requirePerson(this.db, id);
  }

  createPerson(person: { id: string; name: string }, actor: string): Promise<Person> {
    const duplicate = () => alreadyExists('person', person.id, 'id');
    return this.write(actor, async (trx, stamp) => {
      if (await trx.selectFrom('people').select('id').where('id', '=', person.id).executeTakeFirst()) throw duplicate();
      const created = { id: person.id, name: person.name, createdAt: stamp.at };
      await trx.insertInto('people').values({ id: created.id, name: created.name, created_at: created.createdAt, wallet_stamp: newWalletStamp() }).execute();
      await logChange(trx, stamp, { personId: person.id, entity: 'person', entityId: person.id, action: 'create', after: created });
      return created;
    }, { onDuplicate: duplicate });
  }

  renamePerson(id: string, name: string, actor: string): Promise<Person> {
    return this.write(actor, async (trx, stamp) => {
      const before = await this.requirePerson(trx, id);
      await trx.updateTable('people').set({ name }).where('id', '=', id).execute();
      const after = { ...before, name };
      await logChange(trx, stamp, { personId: id, entity: 'person', entityId: id, action: 'update', before, after });
      return after;
    }, { person: id });
  }

  removePerson(id: string, actor: string): Promise<Removed> {
    return this.write(actor, async (trx, stamp) => {
      const before = await this.requirePerson(trx, id);
      const removed = await deleteEvidence(trx, stamp, id, {});
      await trx.deleteFrom('people').where('id', '=', id).execute();
      await logChange(trx, stamp, { personId: id, entity: 'person', entityId: id, action: 'delete', before });
      return this.recheckable(removed);
    }, { person: id });
  }

  erasePerson(id: string, actor: string): Promise<Removed & { readonly accountId: string | null }> {
    return this.write(actor, async (trx, stamp) => {
      const erased = await erasePersonRows(trx, stamp, id);
      return { ...this.recheckable({ orphanedSha256: erased.orphanedSha256 }), accountId: erased.accountId };
    }, { person: id });
  }

  async listCredentials(personId: string): Promise<Credential[]> {
    await this.requirePerson(this.db, personId);
    return selectCredentials(this.db, personId);
  }

  async getCredential(personId: string, id: string): Promise<Credential> {
    await this.requirePerson(this.db, personId);
    const row = await this.db.selectFrom('credentials').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('credential', id, 'credentialId', personId);
    return credentialFromRow(row);
  }

  addCredential(personId: string, credential: NewCredential, actor: string): Promise<Credential> {
    const duplicate = () => alreadyExists('credential', credential.id ?? credential.program, 'id');
    return this.write(actor, async (trx, stamp) => {
      const taken = trx.selectFrom('credentials').select('id').where('person_id', '=', personId);
      const id = credential.id ?? nextId(credential.program, (await taken.execute()).map((row) => row.id));
      const stored: Credential = { ...credential, id };
      if (await taken.where('id', '=', id).executeTakeFirst()) throw duplicate();
      await trx.insertInto('credentials').values({ person_id: personId, id, program: stored.program, earned: stored.earned, number: stored.number ?? null }).execute();
      await logChange(trx, stamp, { personId, entity: 'credential', entityId: id, action: 'create', after: stored });
      return stored;
    }, { person: personId, onDuplicate: duplicate });
  }

  updateCredential(personId: string, id: string, changes: CredentialChanges, actor: string): Promise<Credential> {
    return this.write(actor, async (trx, stamp) => {
      const before = await this.getCredentialIn(trx, personId, id);
      const number = changes.number === undefined ? before.number : changes.number ?? undefined;
      const after: Credential = {
        id, program: changes.program ?? before.program, earned: changes.earned ?? before.earned, ...(number === undefined ? {} : { number }),
      };
      await trx.updateTable('credentials').set({ program: after.program, earned: after.earned, number: after.number ?? null })
        .where('person_id', '=', personId).where('id', '=', id).execute();
      await logChange(trx, stamp, { personId, entity: 'credential', entityId: id, action: 'update', before, after });
      return after;
    }, { person: personId });
  }

  removeCredential(personId: string, id: string, actor: string): Promise<void> {
    return this.write(actor, async (trx, stamp) => {
      const before = await this.getCredentialIn(trx, personId, id);
      for (const renewal of await selectRenewals(trx, personId, id)) {
        await logChange(trx, stamp, { personId, entity: 'renewal', entityId: String(renewal.id), action: 'delete', before: renewal });
      }
      await trx.deleteFrom('credentials').where('person_id', '=', personId).where('id', '=', id).execute();
      await logChange(trx, stamp, { personId, entity: 'credential', entityId: id, action: 'delete', before });
    }, { person: personId });
  }

  private async getCredentialIn(db: Kysely<Database>, personId: string, id: string): Promise<Credential> {
    await this.requirePerson(db, personId);
    const row = await db.selectFrom('credentials').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('credential', id, 'credentialId', personId);
    return credentialFromRow(row);
  }

  async listRenewals(personId: string, credentialId?: string): Promise<StoredRenewal[]> {
    if (credentialId === undefined) await this.requirePerson(this.db, personId);
    else await this.getCredentialIn(this.db, personId, credentialId);
    return selectRenewals(this.db, personId, credentialId);
  }

  addRenewal(personId: string, renewal: Renewal, actor: string): Promise<StoredRenewal> {
    return this.write(actor, async (trx, stamp) => {
      await this.getCredentialIn(trx, personId, renewal.credential);
      if ((await selectRenewals(trx, personId, renewal.credential)).some((r) => r.date === renewal.date)) throw renewalExists(renewal.credential, renewal.date);
      return insertRenewal(trx, stamp, personId, renewal);
    }, { person: personId, onDuplicate: () => renewalExists(renewal.credential, renewal.date) });
  }

  updateRenewal(personId: string, renewalId: number, date: Renewal['date'], actor: string): Promise<StoredRenewal> {
    let credential = '';
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const renewals = await selectRenewals(trx, personId);
      const before = renewals.find((r) => r.id === renewalId);
      if (before === undefined) throw notFound('renewal', renewalId, 'renewalId', personId);
      credential = before.credential;
      if (renewals.some((r) => r.credential === before.credential && r.date === date && r.id !== renewalId)) throw renewalExists(before.credential, date);
      await trx.updateTable('renewals').set({ date }).where('id', '=', renewalId).execute();
      const after: StoredRenewal = { ...before, date };
      await logChange(trx, stamp, { personId, entity: 'renewal', entityId: String(renewalId), action: 'update', before, after });
      return after;
    }, { person: personId, onDuplicate: () => renewalExists(credential, date) });
  }

  removeRenewal(personId: string, renewalId: number, actor: string): Promise<void> {
    return this.write(actor, async (trx, stamp) => {
      const before = (await selectRenewals(trx, personId)).find((r) => r.id === renewalId);
      if (before === undefined) throw notFound('renewal', renewalId, 'renewalId', personId);
      await trx.deleteFrom('renewals').where('id', '=', renewalId).execute();
      await logChange(trx, stamp, { personId, entity: 'renewal', entityId: String(renewalId), action: 'delete', before });
    }, { person: personId });
  }

  async listActivities(personId: string): Promise<Activity[]> {
    await this.requirePerson(this.db, personId);
    return selectActivities(this.db, personId);
  }

  async getActivity(personId: string, id: string): Promise<Activity> {
    await this.requirePerson(this.db, personId);
    return selectActivity(this.db, personId, id);
  }

  addActivity(personId: string, activity: NewActivity, actor: string): Promise<Activity> {
    return this.write(actor, async (trx, stamp) => {
      const id = activity.id ?? nextActivityId((await trx.selectFrom('activities').select('id').where('person_id', '=', personId).execute()).map((row) => row.id));
      const stored: Activity = { ...activity, id };
      await insertActivity(trx, stamp, personId, stored);
      return stored;
    }, { person: personId, onDuplicate: () => alreadyExists('activity', activity.id ?? '', 'id') });
  }

  updateActivity(personId: string, id: string, changes: ActivityChanges, actor: string): Promise<Activity> {
    return this.write(actor, async (trx, stamp) => {
      const before = await selectActivity(trx, personId, id);
      const hours = changes.hours === undefined ? before.hours : changes.hours ?? undefined;
      const provider = changes.provider === undefined ? before.provider : changes.provider ?? undefined;
      const after: Activity = {
        id,
        title: changes.title ?? before.title,
        completed: changes.completed ?? before.completed,
        ...(hours === undefined ? {} : { hours }),
        ...(provider === undefined ? {} : { provider }),
        credits: changes.credits ?? before.credits,
      };
      await replaceActivity(trx, stamp, personId, before, after);
      return after;
    }, { person: personId });
  }

  removeActivity(personId: string, id: string, actor: string): Promise<Removed> {
    return this.write(actor, async (trx, stamp) => {
      const before = await selectActivity(trx, personId, id);
      const removed = await deleteEvidence(trx, stamp, personId, { activityId: id });
      await trx.deleteFrom('activities').where('person_id', '=', personId).where('id', '=', id).execute();
      await logChange(trx, stamp, { personId, entity: 'activity', entityId: id, action: 'delete', before });
      return this.recheckable(removed);
    }, { person: personId });
  }

  async listEvidence(personId: string, activityId?: string): Promise<EvidenceRecord[]> {
    await this.requirePerson(this.db, personId);
    if (activityId !== undefined) await selectActivity(this.db, personId, activityId);
    return selectEvidence(this.db, personId, activityId);
  }

  async getEvidence(personId: string, evidenceId: string): Promise<EvidenceRecord> {
    await this.requirePerson(this.db, personId);
    const row = await this.db.selectFrom('evidence').selectAll().where('person_id', '=', personId).where('id', '=', evidenceId).executeTakeFirst();
    if (row === undefined) throw notFound('evidence', evidenceId, 'evidenceId', personId);
    return evidenceFromRow(row);
  }

  addEvidence(personId: string, activityId: string, evidence: NewEvidence, actor: string): Promise<EvidenceRecord> {
    return this.write(actor, async (trx, stamp) => {
      await selectActivity(trx, personId, activityId);
      const record: EvidenceRecord = { ...evidence, activityId, uploadedAt: stamp.at };
      await trx.insertInto('evidence').values({
        id: record.id, person_id: personId, activity_id: activityId, sha256: record.sha256, name: record.name, type: record.type, size: record.size, uploaded_at: record.uploadedAt,
      }).execute();
      await logChange(trx, stamp, { personId, entity: 'evidence', entityId: record.id, action: 'create', after: record });
      return record;
    }, { person: personId });
  }

  removeEvidence(personId: string, evidenceId: string, actor: string): Promise<Removed> {
    return this.write(actor, async (trx, stamp) => {
      const exists = await trx.selectFrom('evidence').select('id').where('person_id', '=', personId).where('id', '=', evidenceId).executeTakeFirst();
      if (exists === undefined) throw notFound('evidence', evidenceId, 'evidenceId', personId);
      return this.recheckable(await deleteEvidence(trx, stamp, personId, { evidenceId }));
    }, { person: personId });
  }

  async loadProfiles(personIds: readonly string[]): Promise<Map<string, Profile>> {
    return selectProfiles(this.db, personIds);
  }

  async loadProfile(personId: string): Promise<Profile> {
    // The person check and the wallet's queries at once (one round trip of latency on PostgreSQL, not two).
    const [, profile] = await Promise.all([this.requirePerson(this.db, personId), selectProfile(this.db, personId)]);
    return profile;
  }

  importProfile(personId: string, incoming: Profile, options: ImportOptions): Promise<ImportSummary> {
    return this.write(options.actor, async (trx, stamp) => {
      const summary = await importInto(trx, stamp, personId, incoming, options);
      return { ...summary, removed: this.recheckable(summary.removed) };
    }, { person: personId });
  }

  async listOwnOfferings(personId: string): Promise<OwnOffering[]> {
    await this.requirePerson(this.db, personId);
    return selectDocuments<OwnOfferingInput>(this.db, 'own_offerings', personId);
  }

  async getOwnOffering(personId: string, id: string): Promise<OwnOffering> {
    await this.requirePerson(this.db, personId);
    return selectDocument<OwnOfferingInput>(this.db, 'own_offerings', personId, id);
  }

  addOwnOffering(personId: string, offering: OwnOfferingInput, actor: string): Promise<OwnOffering> {
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const id = await nextDocumentId(trx, 'own_offerings', personId, 'o');
      await insertDocument(trx, 'own_offerings', personId, id, offering, stamp.at);
      const created: OwnOffering = { ...offering, id, createdAt: stamp.at };
      await logChange(trx, stamp, { personId, entity: 'offering', entityId: id, action: 'create', after: created });
      return created;
    }, { person: personId });
  }

  removeOwnOffering(personId: string, id: string, actor: string): Promise<void> {
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const before = await selectDocument<OwnOfferingInput>(trx, 'own_offerings', personId, id);
      await trx.deleteFrom('own_offerings').where('person_id', '=', personId).where('id', '=', id).execute();
      await logChange(trx, stamp, { personId, entity: 'offering', entityId: id, action: 'delete', before });
    }, { person: personId });
  }

  async listPlannedItems(personId: string): Promise<PlannedItem[]> {
    await this.requirePerson(this.db, personId);
    return selectDocuments<PlannedItemInput>(this.db, 'planned_items', personId);
  }

  addPlannedItems(personId: string, items: readonly PlannedItemInput[], mode: 'keep' | 'replace', actor: string): Promise<{ added: PlannedItem[]; removed: string[] }> {
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const removed: string[] = [];
      if (mode === 'replace') {
        for (const before of await selectDocuments<PlannedItemInput>(trx, 'planned_items', personId)) {
          await trx.deleteFrom('planned_items').where('person_id', '=', personId).where('id', '=', before.id).execute();
          await logChange(trx, stamp, { personId, entity: 'planned-item', entityId: before.id, action: 'delete', before });
          removed.push(before.id);
        }
      }
      const added: PlannedItem[] = [];
      for (const item of items) {
        const id = await nextDocumentId(trx, 'planned_items', personId, 'p');
        await insertDocument(trx, 'planned_items', personId, id, item, stamp.at);
        const created: PlannedItem = { ...item, id, createdAt: stamp.at };
        await logChange(trx, stamp, { personId, entity: 'planned-item', entityId: id, action: 'create', after: created });
        added.push(created);
      }
      return { added, removed };
    }, { person: personId });
  }

  removePlannedItem(personId: string, id: string, actor: string): Promise<void> {
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const before = await selectDocument<PlannedItemInput>(trx, 'planned_items', personId, id);
      await trx.deleteFrom('planned_items').where('person_id', '=', personId).where('id', '=', id).execute();
      await logChange(trx, stamp, { personId, entity: 'planned-item', entityId: id, action: 'delete', before });
    }, { person: personId });
  }

  completePlannedItem(personId: string, id: string, completed: CalendarDate, actor: string): Promise<PlannedItemDone> {
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const item = await selectDocument<PlannedItemInput>(trx, 'planned_items', personId, id);
      // Delete first: of two requests marking the same item done, the second finds it gone (404).
      const deleted = await trx.deleteFrom('planned_items').where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
      // Another request marked it done between our read and our delete (PostgreSQL waits for it, then deletes nothing).
      if (Number(deleted.numDeletedRows) !== 1) throw notFound('planned item', id, 'itemId', personId);
      await logChange(trx, stamp, { personId, entity: 'planned-item', entityId: id, action: 'delete', before: item, after: { done: completed } });
      // Always an activity, even without credit lines (a specialization counts through the credential it
      // earns): it records the completion and holds the certificate.
      const takenActivities = (await trx.selectFrom('activities').select('id').where('person_id', '=', personId).execute()).map((r) => r.id);
      const activity: Activity = { id: nextActivityId(takenActivities), title: item.title, completed, hours: item.hours, provider: item.providerName, credits: item.credits };
      await insertActivity(trx, stamp, personId, activity);
      let credential: Credential | null = null;
      if (item.earns !== undefined) {
        const taken = (await trx.selectFrom('credentials').select('id').where('person_id', '=', personId).execute()).map((r) => r.id);
        credential = { id: nextId(item.earns, taken), program: item.earns, earned: completed };
        await trx.insertInto('credentials').values({ person_id: personId, id: credential.id, program: credential.program, earned: credential.earned, number: null }).execute();
        await logChange(trx, stamp, { personId, entity: 'credential', entityId: credential.id, action: 'create', after: credential });
      }
      return { activity, credential, item };
    }, { person: personId });
  }

  async listChanges(filter: { personId?: string; limit?: number } = {}): Promise<ChangeRecord[]> {
    let query = this.db.selectFrom('change_log').selectAll().orderBy('seq', 'desc').limit(filter.limit ?? 100);
    if (filter.personId !== undefined) query = query.where('person_id', '=', filter.personId);
    return (await query.execute()).map(changeFromRow);
  }
}
