/**
 * The one storage interface. Two backends implement it with the same Kysely code (sqlite/ and
 * postgres/); one conformance suite (store-conformance.test.ts) runs on both. It speaks the domain's
 * profile types and knows nothing of HTTP, the CLI or the catalog: callers validate entries against
 * the catalog first, and pass a `check` to imports so that it runs inside the import's transaction.
 */
import type { Activity, Credential, Profile, Renewal } from '../profile/profile-schema.js';
import type { Issue } from '../shared/recert-error.js';
import type { CalendarFeedStore } from './calendar-feed-store.js';

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
  readonly entity: 'person' | 'credential' | 'renewal' | 'activity' | 'evidence' | 'calendar-feed';
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

export interface Store {
  readonly engine: Engine;
  /** Each person's secret calendar feed token (calendar-feed-store.ts). */
  readonly calendarFeeds: CalendarFeedStore;
  close(): Promise<void>;

  listPeople(): Promise<Person[]>;
  getPerson(id: string): Promise<Person>;
  createPerson(person: { id: string; name: string }, actor: string): Promise<Person>;
  renamePerson(id: string, name: string, actor: string): Promise<Person>;
  removePerson(id: string, actor: string): Promise<Removed>;

  listCredentials(personId: string): Promise<Credential[]>;
  getCredential(personId: string, id: string): Promise<Credential>;
  addCredential(personId: string, credential: Credential, actor: string): Promise<Credential>;
  updateCredential(personId: string, id: string, changes: CredentialChanges, actor: string): Promise<Credential>;
  removeCredential(personId: string, id: string, actor: string): Promise<void>;

  listRenewals(personId: string, credentialId?: string): Promise<StoredRenewal[]>;
  addRenewal(personId: string, renewal: Renewal, actor: string): Promise<StoredRenewal>;
  removeRenewal(personId: string, renewalId: number, actor: string): Promise<void>;

  listActivities(personId: string): Promise<Activity[]>;
  getActivity(personId: string, id: string): Promise<Activity>;
  addActivity(personId: string, activity: Activity, actor: string): Promise<Activity>;
  updateActivity(personId: string, id: string, changes: ActivityChanges, actor: string): Promise<Activity>;
  removeActivity(personId: string, id: string, actor: string): Promise<Removed>;

  listEvidence(personId: string, activityId?: string): Promise<EvidenceRecord[]>;
  getEvidence(personId: string, evidenceId: string): Promise<EvidenceRecord>;
  addEvidence(personId: string, activityId: string, evidence: NewEvidence, actor: string): Promise<EvidenceRecord>;
  removeEvidence(personId: string, evidenceId: string, actor: string): Promise<Removed>;

  /** The person's wallet in the profile format, ready for `evaluate(catalog, profile, asOf)`. */
  loadProfile(personId: string): Promise<Profile>;
  /** All or nothing: one transaction; nothing is written when `check` reports an issue. */
  importProfile(personId: string, incoming: Profile, options: ImportOptions): Promise<ImportSummary>;

  listChanges(filter?: { personId?: string; limit?: number }): Promise<ChangeRecord[]>;
}
