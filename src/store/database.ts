/**
 * The tables, as Kysely sees them. One interface serves both engines: dates travel as `YYYY-MM-DD`
 * strings and timestamps as ISO strings on both (the PostgreSQL pool parses `date` and `timestamptz`
 * into those strings, see postgres/open-postgres-store.ts). Units and hours are integer thousandths,
 * so 0.1 + 0.2 is stored exactly and no engine hands back a numeric string.
 */
import type { ColumnType, Generated } from 'kysely';

/** JSON text on SQLite, jsonb on PostgreSQL: written as a JSON string, read back as either. */
export type JsonColumn = ColumnType<unknown, string | null, never>;

export interface PeopleTable {
  id: string;
  name: string;
  created_at: string;
  /** Replaced by every write to the wallet (migration 012); null only before the first one. */
  wallet_stamp: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CredentialsTable {
  person_id: string;
  id: string;
  program: string;
  earned: string;
  number: string | null;
}

export interface RenewalsTable {
  id: Generated<number>;
  person_id: string;
  credential_id: string;
  date: string;
}

export interface ActivitiesTable {
  person_id: string;
  id: string;
  title: string;
  completed: string;
  hours_milli: number | null;
  provider: string | null;
}

export interface CreditLinesTable {
  person_id: string;
  activity_id: string;
  /** Position inside the activity, so a profile round-trips in its own order. */
  line: number;
  body: string;
  units_milli: number;
  category: string | null;
}

export interface EvidenceTable {
  id: string;
  person_id: string;
  activity_id: string;
  /** Lower-case hex; the file lives at evidence/<first two>/<sha256> under the data directory. */
  sha256: string;
  /** The uploaded name, for display and downloads only: never part of a path. */
  name: string;
  type: string;
  size: number;
  uploaded_at: string;
}

export interface ChangeLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  person_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: JsonColumn;
  after: JsonColumn;
  /** 011: when the row's personal fields were erased (null: never). Only erasure may update a row. */
  erased_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** own_offerings and planned_items (003): one JSON document per entry. */
export interface DocumentTable {
  person_id: string;
  id: string;
  data: JsonColumn;
  created_at: string;
}

/** calendar_feeds (006): one secret feed token per person. */
export interface CalendarFeedsTable {
  person_id: string;
  /** The secret in the feed URL: 32 random bytes, base64url. */
  token: string;
  created_at: string;
}

/** evidence_blobs (007, PostgreSQL only): evidence bytes by SHA-256, instead of files in the data folder. */
export interface EvidenceBlobsTable {
  sha256: string;
  bytes: Buffer;
  size: number;
  created_at: Generated<string>;
}

/** reminder_settings (008): a person's email reminder choice and unsubscribe secret. */
export interface ReminderSettingsTable {
  person_id: string;
  /** 1 on, 0 off (an integer on both engines). */
  enabled: number;
  email: string | null;
  /** JSON array of day thresholds, e.g. [90,60,30,7]. */
  thresholds: string;
  /** The secret in the unsubscribe link: 32 random bytes, base64url. */
  unsubscribe_token: string;
  updated_at: string;
}

/** reminder_outbox (008): the reminder queue, one row per idempotency key. */
export interface ReminderOutboxTable {
  key: string;
  person_id: string;
  credential_id: string;
  cycle: number;
  threshold: string;
  due_on: string;
  subject: string;
  body: string;
  missing: string;
  next_step: string;
  state: 'pending' | 'claimed' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  not_before: string;
  lease_until: string | null;
  claimed_by: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** 009-accounts: accounts, sessions, sign-in links, API tokens and organizations (account-store.ts). */
export interface AccountsTable { id: string; email: string; person_id: string; created_at: string }
export interface SessionsTable { id: string; secret_sha256: string; account_id: string; user_agent: string | null; created_at: string; expires_at: string }
/** A WebAuthn credential: its id and public key (base64url) and signature counter. */
export interface PasskeysTable { id: string; credential_id: string; account_id: string; public_key: string; counter: number | string; transports: string | null; created_at: string }
/** 010: a passkey challenge handed out and not used yet (single use, short-lived). */
export interface PasskeyChallengesTable { challenge: string; purpose: string; account_id: string | null; expires_at: string }
export interface SignInLinksTable { secret_sha256: string; email: string; created_at: string; expires_at: string; used_at: string | null }
export interface ApiTokensTable { id: string; secret_sha256: string; account_id: string; name: string; scope: string; created_at: string }
export interface OrgsTable { id: string; name: string; created_at: string }
export interface OrgStaffTable { org_id: string; account_id: string; role: string }
export interface OrgSharesTable { org_id: string; person_id: string; shared_at: string }
export interface OrgInvitationsTable {
  id: string; secret_sha256: string; org_id: string; role: string; created_by: string; created_at: string; expires_at: string; accepted_at: string | null;
}

export interface Database {
  people: PeopleTable;
  credentials: CredentialsTable;
  renewals: RenewalsTable;
  activities: ActivitiesTable;
  credit_lines: CreditLinesTable;
  evidence: EvidenceTable;
  change_log: ChangeLogTable;
  own_offerings: DocumentTable;
  planned_items: DocumentTable;
  calendar_feeds: CalendarFeedsTable;
  evidence_blobs: EvidenceBlobsTable;
  reminder_settings: ReminderSettingsTable;
  reminder_outbox: ReminderOutboxTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  sign_in_links: SignInLinksTable;
  passkey_challenges: PasskeyChallengesTable;
  passkeys: PasskeysTable;
  api_tokens: ApiTokensTable;
  orgs: OrgsTable;
  org_staff: OrgStaffTable;
  org_shares: OrgSharesTable;
  org_invitations: OrgInvitationsTable;
}
