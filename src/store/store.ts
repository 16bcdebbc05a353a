/**
 * The one storage interface. Two backends implement it with the same Kysely code (sqlite/ and
 * postgres/); one conformance suite (store-conformance.test.ts) runs on both. It speaks the domain's
 * profile types and knows nothing of HTTP, the CLI or the catalog: callers validate entries against
 * the catalog first, and pass a `check` to imports so that it runs inside the import's transaction.
 */
import type { OwnOffering, OwnOfferingInput } from '../catalog/own-offering.js';
import type { Activity, Credential, Profile, Renewal } from '../profile/profile-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Issue } from '../shared/recert-error.js';
import type { AccountStore } from './account-store.js';
import type { CalendarFeedStore } from './calendar-feed-store.js';
import type { EvidenceBlobs } from './evidence/evidence-blobs.js';
import type { ReminderStore } from './reminder-store.js';

export type Engine = 'sqlite' | 'postgres';

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface StoredRenewal extends Renewal {
  /** Renewals have no id in the profile format; the store gives each one for removal. */
  readonly id: number;
}

export interface EvidenceRecord {
  readonly id: string;
  readonly activityId: string;
  readonly sha256: string;
  /** The uploaded file name, for display and downloads; never used as a path. */
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly uploadedAt: string;
}

export interface NewEvidence {
  readonly id: string;
  readonly sha256: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

export type ChangeAction = 'create' | 'update' | 'delete';

export interface ChangeRecord {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly personId: string | null;
  readonly entity: 'person' | 'credential' | 'renewal' | 'activity' | 'evidence' | 'offering' | 'planned-item' | 'calendar-feed' | 'reminder-settings';
  readonly entityId: string;
  readonly action: ChangeAction;
  readonly before: unknown;
  readonly after: unknown;
}

/** Evidence files whose last database reference a removal deleted: the caller may delete the bytes. */
export interface Removed {
  readonly orphanedSha256: readonly string[];
  /**
   * Asks the database, now, whether any row still refers to the hash. discardOrphans calls it under
   * the evidence files' per-hash lock, so an upload of the same bytes that committed after this
   * removal keeps its file.
   */
  readonly isReferenced?: (sha256: string) => Promise<boolean>;
}

export interface ImportOptions {
  /** merge: add to what is stored (an id already stored is an error); replace: the file becomes the wallet. */
  readonly mode: 'merge' | 'replace';
  readonly actor: string;
  /** Runs inside the transaction on the wallet as it would be after the import; any issue aborts it. */
  readonly check: (merged: Profile, existing: Profile) => readonly Issue[];
}

export interface ImportSummary {
  readonly credentials: number;
  readonly renewals: number;
  readonly activities: number;
  readonly removed: Removed;
}

export interface CredentialChanges {
  readonly program?: string | undefined;
  readonly earned?: Credential['earned'] | undefined;
  readonly number?: string | null | undefined;
}

export type ActivityChanges = Partial<Omit<Activity, 'id' | 'hours' | 'provider'>> & {
  readonly hours?: number | null | undefined;
  readonly provider?: string | null | undefined;
};

/** An offering chosen from a plan, to be done: a snapshot of the offering and what it brings. */
export interface PlannedItemInput {
  /** The plan's offering id: a catalog id, or "own:<id>" for the person's own offering. */
  readonly offeringId: string;
  readonly title: string;
  readonly provider: string;
  readonly providerName: string;
  readonly price: number;
  readonly hours: number;
  readonly format: string;
  readonly url?: string | undefined;
  /** The credit lines the CE activity gets when it is done (the offering's, per body). */
  readonly credits: Activity['credits'];
  /** A program completing it earns (a specialization, a CPR/AED card): done adds that credential. */
  readonly earns?: string | undefined;
  /** Complete it on a day from `from` to `by`, or on the session date; `planned` is the plan's date. */
  readonly from: CalendarDate;
  readonly by: CalendarDate;
  readonly session: CalendarDate | null;
  readonly planned: CalendarDate;
  /** What it counts toward, per credential and planned cycle (the plan step's counts). */
  readonly counts: {
    credential: string; programName: string; ordinal: number; end: CalendarDate;
    via: 'credit' | 'grant' | 'current' | 'current-grant'; units: number; unit: string; category: string | null; label?: string | undefined;
  }[];
}

export interface PlannedItem extends PlannedItemInput {
  readonly id: string;
  readonly createdAt: string;
}

/** What marking a planned item done wrote: the CE activity (always; its credit lines may be none) and the earned credential (when it earns one). */
export interface PlannedItemDone {
  readonly activity: Activity;
  readonly credential: Credential | null;
  readonly item: PlannedItem;
}
/** A credential to add; without an id the store gives the first free of `program`, `program-2`, ... */
export type NewCredential = Omit<Credential, 'id'> & { readonly id?: string | undefined };
/** An activity to add; without an id the store gives the first free `a<n>` above the count. */
export type NewActivity = Omit<Activity, 'id'> & { readonly id?: string | undefined };

export interface Store {
  readonly engine: Engine;
  /** Each person's secret calendar feed token (calendar-feed-store.ts). */
  readonly calendarFeeds: CalendarFeedStore;
  /** Email reminder settings and the outbox the scheduler drains (reminder-store.ts). */
  readonly reminders: ReminderStore;
  /** Accounts, sessions, API tokens and organizations (account-store.ts). */
  readonly accounts: AccountStore;
  close(): Promise<void>;
  /** Writes a row and rolls it back: fails when the database cannot be written (read-only file, database or role). */
  probeWrite(): Promise<void>;
  /**
   * Where the evidence bytes live when the database keeps them: PostgreSQL's `evidence_blobs` table, so
   * several server processes share only the database. Null on SQLite, whose bytes are files in the data
   * folder (evidence/open-evidence-blobs.ts picks the one that applies).
   */
  evidenceBlobs(): EvidenceBlobs | null;

  listPeople(): Promise<Person[]>;
  getPerson(id: string): Promise<Person>;
  createPerson(person: { id: string; name: string }, actor: string): Promise<Person>;
  renamePerson(id: string, name: string, actor: string): Promise<Person>;
  removePerson(id: string, actor: string): Promise<Removed>;
  /**
   * Erasure: removes the person, everything they hold and the account owning them, and clears their
   * personal fields from the change log (erase-person.ts), all in one transaction. The caller deletes
   * the orphaned evidence bytes afterwards (discardOrphans).
   */
  erasePerson(id: string, actor: string): Promise<Removed & { readonly accountId: string | null }>;

  listCredentials(personId: string): Promise<Credential[]>;
  getCredential(personId: string, id: string): Promise<Credential>;
  /** The id, when missing, is chosen inside the write's transaction, so parallel adds never collide. */
  addCredential(personId: string, credential: NewCredential, actor: string): Promise<Credential>;
  updateCredential(personId: string, id: string, changes: CredentialChanges, actor: string): Promise<Credential>;
  removeCredential(personId: string, id: string, actor: string): Promise<void>;

  listRenewals(personId: string, credentialId?: string): Promise<StoredRenewal[]>;
  addRenewal(personId: string, renewal: Renewal, actor: string): Promise<StoredRenewal>;
  /** Moves a renewal to another date (ALREADY_EXISTS when the credential has one on that date). */
  updateRenewal(personId: string, renewalId: number, date: Renewal['date'], actor: string): Promise<StoredRenewal>;
  removeRenewal(personId: string, renewalId: number, actor: string): Promise<void>;

  listActivities(personId: string): Promise<Activity[]>;
  getActivity(personId: string, id: string): Promise<Activity>;
  /** The id, when missing, is chosen inside the write's transaction, so parallel adds never collide. */
  addActivity(personId: string, activity: NewActivity, actor: string): Promise<Activity>;
  updateActivity(personId: string, id: string, changes: ActivityChanges, actor: string): Promise<Activity>;
  removeActivity(personId: string, id: string, actor: string): Promise<Removed>;

  listEvidence(personId: string, activityId?: string): Promise<EvidenceRecord[]>;
  getEvidence(personId: string, evidenceId: string): Promise<EvidenceRecord>;
  addEvidence(personId: string, activityId: string, evidence: NewEvidence, actor: string): Promise<EvidenceRecord>;
  removeEvidence(personId: string, evidenceId: string, actor: string): Promise<Removed>;

  /**
   * A value every write to the person's wallet replaces, in the write's transaction: equal stamps mean
   * the same wallet, across processes. Undefined when there is no such person; null for a person not
   * written since before stamps existed.
   */
  walletStamp(personId: string): Promise<string | null | undefined>;
  /** The person's wallet in the profile format, ready for `evaluate(catalog, profile, asOf)`. */
  loadProfile(personId: string): Promise<Profile>;
  /** Many wallets at once, by person id (an id with no person gives an empty wallet): the team view's bulk load. */
  loadProfiles(personIds: readonly string[]): Promise<Map<string, Profile>>;
  /** All or nothing: one transaction; nothing is written when `check` reports an issue. */
  importProfile(personId: string, incoming: Profile, options: ImportOptions): Promise<ImportSummary>;

  listOwnOfferings(personId: string): Promise<OwnOffering[]>;
  getOwnOffering(personId: string, id: string): Promise<OwnOffering>;
  /** The store gives the id (o1, o2, ...). */
  addOwnOffering(personId: string, offering: OwnOfferingInput, actor: string): Promise<OwnOffering>;
  removeOwnOffering(personId: string, id: string, actor: string): Promise<void>;

  listPlannedItems(personId: string): Promise<PlannedItem[]>;
  /** One transaction; `replace` first removes every open planned item. Ids p1, p2, ... */
  addPlannedItems(personId: string, items: readonly PlannedItemInput[], mode: 'keep' | 'replace', actor: string): Promise<{ added: PlannedItem[]; removed: string[] }>;
  removePlannedItem(personId: string, id: string, actor: string): Promise<void>;
  /** One transaction: the activity (and earned credential) completed on `completed`, the planned item removed. */
  completePlannedItem(personId: string, id: string, completed: CalendarDate, actor: string): Promise<PlannedItemDone>;

  listChanges(filter?: { personId?: string; limit?: number }): Promise<ChangeRecord[]>;
}
