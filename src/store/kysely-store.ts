/**
 * The Store over Kysely: one implementation for both engines. Every write runs in a transaction
 * together with its change-log rows, so the log never misses or invents a change.
 */
import type { Kysely } from 'kysely';
import type { Activity, Credential, Profile, Renewal } from '../profile/profile-schema.js';
import { insertActivity, replaceActivity, selectActivities, selectActivity } from './activity-queries.js';
import { KyselyCalendarFeeds, type CalendarFeedStore } from './calendar-feed-store.js';
import { logChange, type Stamp } from './change-log.js';
import type { Database } from './database.js';
import { deleteEvidence, selectEvidence } from './evidence-queries.js';
import { importInto, insertRenewal, selectCredentials, selectProfile, selectRenewals } from './profile-queries.js';
import { changeFromRow, credentialFromRow, evidenceFromRow, personFromRow } from './rows.js';
import type {
  ActivityChanges, ChangeRecord, CredentialChanges, Engine, EvidenceRecord, ImportOptions, ImportSummary, NewEvidence, Person, Removed, Store, StoredRenewal,
} from './store.js';
import { alreadyExists, isUniqueViolation, isUnstorableValue, notFound, renewalExists, unstorableValue } from './store-errors.js';

export interface KyselyStoreOptions {
  /** The clock for change-log timestamps; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Runs after the connection closes (drop a test schema, remove a temp folder). */
  readonly onClose?: () => Promise<void>;
}

export class KyselyStore implements Store {
  readonly calendarFeeds: CalendarFeedStore;

  constructor(
    private readonly db: Kysely<Database>,
    readonly engine: Engine,
    private readonly options: KyselyStoreOptions = {},
  ) {
    this.calendarFeeds = new KyselyCalendarFeeds(db, (actor, work) => this.write(actor, work));
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.options.onClose?.();
  }

  /** Runs `work` in a transaction with one timestamp; a unique violation from a race becomes ALREADY_EXISTS, an unstorable value PROFILE_SCHEMA. */
  private async write<T>(actor: string, work: (trx: Kysely<Database>, stamp: Stamp) => Promise<T>, onDuplicate?: () => Error): Promise<T> {
    const stamp = { actor, at: (this.options.now?.() ?? new Date()).toISOString() };
    try {
      return await this.db.transaction().execute((trx) => work(trx, stamp));
    } catch (error) {
      if (onDuplicate !== undefined && isUniqueViolation(error)) throw onDuplicate();
      if (isUnstorableValue(error)) throw unstorableValue();
      throw error;
    }
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
      await trx.insertInto('people').values({ id: created.id, name: created.name, created_at: created.createdAt }).execute();
      await logChange(trx, stamp, { personId: person.id, entity: 'person', entityId: person.id, action: 'create', after: created });
      return created;
    }, duplicate);
  }

  renamePerson(id: string, name: string, actor: string): Promise<Person> {
    return this.write(actor, async (trx, stamp) => {
      const before = await this.requirePerson(trx, id);
      await trx.updateTable('people').set({ name }).where('id', '=', id).execute();
      const after = { ...before, name };
      await logChange(trx, stamp, { personId: id, entity: 'person', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  removePerson(id: string, actor: string): Promise<Removed> {
    return this.write(actor, async (trx, stamp) => {
      const before = await this.requirePerson(trx, id);
      const removed = await deleteEvidence(trx, stamp, id, {});
      await trx.deleteFrom('people').where('id', '=', id).execute();
      await logChange(trx, stamp, { personId: id, entity: 'person', entityId: id, action: 'delete', before });
      return this.recheckable(removed);
    });
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

  addCredential(personId: string, credential: Credential, actor: string): Promise<Credential> {
    const duplicate = () => alreadyExists('credential', credential.id, 'id');
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      if (await trx.selectFrom('credentials').select('id').where('person_id', '=', personId).where('id', '=', credential.id).executeTakeFirst()) throw duplicate();
      await trx.insertInto('credentials').values({ person_id: personId, id: credential.id, program: credential.program, earned: credential.earned, number: credential.number ?? null }).execute();
      await logChange(trx, stamp, { personId, entity: 'credential', entityId: credential.id, action: 'create', after: credential });
      return credential;
    }, duplicate);
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
    });
  }

  removeCredential(personId: string, id: string, actor: string): Promise<void> {
    return this.write(actor, async (trx, stamp) => {
      const before = await this.getCredentialIn(trx, personId, id);
      for (const renewal of await selectRenewals(trx, personId, id)) {
        await logChange(trx, stamp, { personId, entity: 'renewal', entityId: String(renewal.id), action: 'delete', before: renewal });
      }
      await trx.deleteFrom('credentials').where('person_id', '=', personId).where('id', '=', id).execute();
      await logChange(trx, stamp, { personId, entity: 'credential', entityId: id, action: 'delete', before });
    });
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
    }, () => renewalExists(renewal.credential, renewal.date));
  }

  removeRenewal(personId: string, renewalId: number, actor: string): Promise<void> {
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const before = (await selectRenewals(trx, personId)).find((r) => r.id === renewalId);
      if (before === undefined) throw notFound('renewal', renewalId, 'renewalId', personId);
      await trx.deleteFrom('renewals').where('id', '=', renewalId).execute();
      await logChange(trx, stamp, { personId, entity: 'renewal', entityId: String(renewalId), action: 'delete', before });
    });
  }

  async listActivities(personId: string): Promise<Activity[]> {
    await this.requirePerson(this.db, personId);
    return selectActivities(this.db, personId);
  }

  async getActivity(personId: string, id: string): Promise<Activity> {
    await this.requirePerson(this.db, personId);
    return selectActivity(this.db, personId, id);
  }

  addActivity(personId: string, activity: Activity, actor: string): Promise<Activity> {
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      await insertActivity(trx, stamp, personId, activity);
      return activity;
    }, () => alreadyExists('activity', activity.id, 'id'));
  }

  updateActivity(personId: string, id: string, changes: ActivityChanges, actor: string): Promise<Activity> {
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
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
    });
  }

  removeActivity(personId: string, id: string, actor: string): Promise<Removed> {
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const before = await selectActivity(trx, personId, id);
      const removed = await deleteEvidence(trx, stamp, personId, { activityId: id });
      await trx.deleteFrom('activities').where('person_id', '=', personId).where('id', '=', id).execute();
      await logChange(trx, stamp, { personId, entity: 'activity', entityId: id, action: 'delete', before });
      return this.recheckable(removed);
    });
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
      await this.requirePerson(trx, personId);
      await selectActivity(trx, personId, activityId);
      const record: EvidenceRecord = { ...evidence, activityId, uploadedAt: stamp.at };
      await trx.insertInto('evidence').values({
        id: record.id, person_id: personId, activity_id: activityId, sha256: record.sha256, name: record.name, type: record.type, size: record.size, uploaded_at: record.uploadedAt,
      }).execute();
      await logChange(trx, stamp, { personId, entity: 'evidence', entityId: record.id, action: 'create', after: record });
      return record;
    });
  }

  removeEvidence(personId: string, evidenceId: string, actor: string): Promise<Removed> {
    return this.write(actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const exists = await trx.selectFrom('evidence').select('id').where('person_id', '=', personId).where('id', '=', evidenceId).executeTakeFirst();
      if (exists === undefined) throw notFound('evidence', evidenceId, 'evidenceId', personId);
      return this.recheckable(await deleteEvidence(trx, stamp, personId, { evidenceId }));
    });
  }

  async loadProfile(personId: string): Promise<Profile> {
    await this.requirePerson(this.db, personId);
    return selectProfile(this.db, personId);
  }

  importProfile(personId: string, incoming: Profile, options: ImportOptions): Promise<ImportSummary> {
    return this.write(options.actor, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const summary = await importInto(trx, stamp, personId, incoming, options);
      return { ...summary, removed: this.recheckable(summary.removed) };
    });
  }

  async listChanges(filter: { personId?: string; limit?: number } = {}): Promise<ChangeRecord[]> {
    let query = this.db.selectFrom('change_log').selectAll().orderBy('seq', 'desc').limit(filter.limit ?? 100);
    if (filter.personId !== undefined) query = query.where('person_id', '=', filter.personId);
    return (await query.execute()).map(changeFromRow);
  }
}
