/**
 * Email reminders in the store: each person's settings (on/off, address, day thresholds, the secret
 * unsubscribe token) and the outbox, the queue the scheduler drains. The outbox's primary key is the
 * reminder's idempotency key (person/credential/cycle-N/threshold; the four columns are also UNIQUE),
 * so enqueueing the same reminder twice, from a restarted process or a second server, adds nothing.
 *
 * Sending is at-least-once: `claim` moves ready rows to `claimed` with a lease, the caller sends, then
 * `markSent`. A process killed after claiming leaves the row claimed; once the lease has passed another
 * claim takes it again. On PostgreSQL the claim locks its rows with `FOR UPDATE SKIP LOCKED`, so two
 * servers claiming at once take different rows; on SQLite every write transaction is serial.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { CalendarDate } from '../shared/calendar-date.js';
import { logChange, type Stamp } from './change-log.js';
import type { Database, ReminderOutboxTable, ReminderSettingsTable } from './database.js';
import { notFound } from './store-errors.js';
import type { Engine } from './store.js';

export const DEFAULT_REMINDER_THRESHOLDS: readonly number[] = [90, 60, 30, 7];

export interface ReminderSettings {
  readonly personId: string;
  readonly enabled: boolean;
  readonly email: string | null;
  /** Days before a deadline or card expiry to remind at (grace reminders always go when enabled). */
  readonly thresholds: readonly number[];
  /** The secret of the unsubscribe link; null until the settings are first saved. */
  readonly unsubscribeToken: string | null;
  readonly updatedAt: string | null;
}

export interface ReminderSettingsInput {
  readonly enabled: boolean;
  readonly email: string | null;
  readonly thresholds: readonly number[];
}

/** A reminder to queue: the engine's Reminder has this shape. */
export interface OutboxEntry {
  readonly key: string;
  readonly personId: string;
  readonly credentialId: string;
  readonly cycle: number;
  readonly threshold: string;
  readonly dueOn: CalendarDate;
  readonly subject: string;
  readonly body: string;
  readonly missing: string;
  readonly nextStep: string;
}

export type OutboxState = ReminderOutboxTable['state'];

export interface OutboxItem extends OutboxEntry {
  readonly state: OutboxState;
  readonly attempts: number;
  readonly claimedBy: string | null;
  readonly leaseUntil: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

export interface ReminderStore {
  /** The person's settings, or the defaults (off, no address, every threshold) when never saved. */
  getSettings(personId: string): Promise<ReminderSettings>;
  /** Saves the settings; the first save issues the unsubscribe token. */
  putSettings(personId: string, settings: ReminderSettingsInput, actor: string): Promise<ReminderSettings>;
  /** Turns reminders off for the token's person; the person's id, or null for an unknown token. */
  unsubscribe(token: string, actor: string): Promise<string | null>;
  /** Whose unsubscribe token this is, or null. */
  personOfToken(token: string): Promise<string | null>;
  /** Everyone with reminders on and an address. */
  enabledSettings(): Promise<ReminderSettings[]>;
  /** Queues each entry unless its key is queued already; the keys that were new. */
  enqueue(entries: readonly OutboxEntry[], now: Date): Promise<string[]>;
  /** Takes up to `limit` ready rows (pending and due, or claimed with a lapsed lease) for `worker`. */
  claim(worker: string, now: Date, leaseMs: number, limit: number): Promise<OutboxItem[]>;
  /** Records the send; false when the row is no longer this worker's claim. */
  markSent(key: string, worker: string, now: Date): Promise<boolean>;
  /** A failed send: retry at `retryAt`, or give up (state failed) when it is null. */
  markFailed(key: string, worker: string, error: string, retryAt: Date | null): Promise<void>;
  /** Not sent because reminders were turned off (or the address removed) after it was queued. */
  markSkipped(key: string, worker: string, reason: string): Promise<void>;
  /** The person's queued and sent reminders, newest first. */
  listOutbox(personId: string): Promise<OutboxItem[]>;
}

/** A token as it appears in a URL: base64url, 43 characters for 32 bytes. */
export const UNSUBSCRIBE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

type Writer = <T>(actor: string, personId: string, work: (trx: Kysely<Database>, stamp: Stamp) => Promise<T>) => Promise<T>;

export class KyselyReminders implements ReminderStore {
  constructor(private readonly db: Kysely<Database>, private readonly engine: Engine, private readonly write: Writer) {}

  async getSettings(personId: string): Promise<ReminderSettings> {
    await this.requirePerson(this.db, personId);
    const row = await this.db.selectFrom('reminder_settings').selectAll().where('person_id', '=', personId).executeTakeFirst();
    return row === undefined ? defaults(personId) : settingsFromRow(row);
  }

  putSettings(personId: string, input: ReminderSettingsInput, actor: string): Promise<ReminderSettings> {
    return this.write(actor, personId, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const before = await trx.selectFrom('reminder_settings').selectAll().where('person_id', '=', personId).executeTakeFirst();
      const values = { enabled: input.enabled ? 1 : 0, email: input.email, thresholds: JSON.stringify([...new Set(input.thresholds)].sort((a, b) => b - a)), updated_at: stamp.at };
      const row = before === undefined
        ? await trx.insertInto('reminder_settings').values({ person_id: personId, unsubscribe_token: randomBytes(32).toString('base64url'), ...values }).returningAll().executeTakeFirstOrThrow()
        : await trx.updateTable('reminder_settings').set(values).where('person_id', '=', personId).returningAll().executeTakeFirstOrThrow();
      const after = settingsFromRow(row);
      await logChange(trx, stamp, {
        personId, entity: 'reminder-settings', entityId: personId, action: before === undefined ? 'create' : 'update',
        ...(before === undefined ? {} : { before: loggable(settingsFromRow(before)) }), after: loggable(after),
      });
      return after;
    });
  }

  async unsubscribe(token: string, actor: string): Promise<string | null> {
    const personId = await this.personOfToken(token);
    if (personId === null) return null;
    await this.write(actor, personId, async (trx, stamp) => {
      const before = await trx.selectFrom('reminder_settings').selectAll().where('person_id', '=', personId).executeTakeFirst();
      if (before === undefined || before.enabled === 0) return;
      await trx.updateTable('reminder_settings').set({ enabled: 0, updated_at: stamp.at }).where('person_id', '=', personId).execute();
      await logChange(trx, stamp, { personId, entity: 'reminder-settings', entityId: personId, action: 'update', before: loggable(settingsFromRow(before)), after: { ...loggable(settingsFromRow(before)), enabled: false } });
    });
    return personId;
  }

  async personOfToken(token: string): Promise<string | null> {
    if (!UNSUBSCRIBE_TOKEN.test(token)) return null;
    const row = await this.db.selectFrom('reminder_settings').select('person_id').where('unsubscribe_token', '=', token).executeTakeFirst();
    return row?.person_id ?? null;
  }

  async enabledSettings(): Promise<ReminderSettings[]> {
    const rows = await this.db.selectFrom('reminder_settings').selectAll().where('enabled', '=', 1).where('email', 'is not', null).orderBy('person_id').execute();
    return rows.map(settingsFromRow);
  }

  async enqueue(entries: readonly OutboxEntry[], now: Date): Promise<string[]> {
    const at = now.toISOString();
    const added: string[] = [];
    for (const e of entries) {
      const row = await this.db.insertInto('reminder_outbox').values({
        key: e.key, person_id: e.personId, credential_id: e.credentialId, cycle: e.cycle, threshold: e.threshold, due_on: e.dueOn,
        subject: e.subject, body: e.body, missing: e.missing, next_step: e.nextStep,
        state: 'pending', attempts: 0, not_before: at, lease_until: null, claimed_by: null, last_error: null, created_at: at, sent_at: null,
      }).onConflict((oc) => oc.doNothing()).returning('key').executeTakeFirst();
      if (row !== undefined) added.push(row.key);
    }
    return added;
  }

  async claim(worker: string, now: Date, leaseMs: number, limit: number): Promise<OutboxItem[]> {
    const at = now.toISOString();
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    const lock = this.engine === 'postgres' ? sql`for update skip locked` : sql``;
    const { rows } = await sql<ReminderOutboxTable>`
      update reminder_outbox
         set state = 'claimed', claimed_by = ${worker}, lease_until = ${lease}, attempts = attempts + 1
       where key in (
         select key from reminder_outbox
          where (state = 'pending' and not_before <= ${at}) or (state = 'claimed' and lease_until <= ${at})
          order by created_at, key
          limit ${limit}
          ${lock})
      returning *`.execute(this.db);
    return rows.map(itemFromRow).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
  }

  async markSent(key: string, worker: string, now: Date): Promise<boolean> {
    const result = await this.db.updateTable('reminder_outbox').set({ state: 'sent', sent_at: now.toISOString(), lease_until: null, last_error: null })
      .where('key', '=', key).where('claimed_by', '=', worker).where('state', '=', 'claimed').executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markFailed(key: string, worker: string, error: string, retryAt: Date | null): Promise<void> {
    await this.db.updateTable('reminder_outbox')
      .set(retryAt === null
        ? { state: 'failed', lease_until: null, last_error: error.slice(0, 1000) }
        : { state: 'pending', lease_until: null, claimed_by: null, not_before: retryAt.toISOString(), last_error: error.slice(0, 1000) })
      .where('key', '=', key).where('claimed_by', '=', worker).where('state', '=', 'claimed').execute();
  }

  async markSkipped(key: string, worker: string, reason: string): Promise<void> {
    await this.db.updateTable('reminder_outbox').set({ state: 'skipped', lease_until: null, last_error: reason })
      .where('key', '=', key).where('claimed_by', '=', worker).where('state', '=', 'claimed').execute();
  }

  async listOutbox(personId: string): Promise<OutboxItem[]> {
    const rows = await this.db.selectFrom('reminder_outbox').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').orderBy('key').execute();
    return rows.map(itemFromRow);
  }

  private async requirePerson(db: Kysely<Database>, personId: string): Promise<void> {
    if ((await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst()) === undefined) throw notFound('person', personId, 'personId');
  }
}

function defaults(personId: string): ReminderSettings {
  return { personId, enabled: false, email: null, thresholds: DEFAULT_REMINDER_THRESHOLDS, unsubscribeToken: null, updatedAt: null };
}

function settingsFromRow(row: ReminderSettingsTable): ReminderSettings {
  return {
    personId: row.person_id, enabled: Number(row.enabled) === 1, email: row.email, thresholds: JSON.parse(row.thresholds) as number[],
    unsubscribeToken: row.unsubscribe_token, updatedAt: row.updated_at,
  };
}

/** The change log keeps the choice, never the unsubscribe secret. */
function loggable(s: ReminderSettings): { enabled: boolean; email: string | null; thresholds: readonly number[] } {
  return { enabled: s.enabled, email: s.email, thresholds: s.thresholds };
}

function itemFromRow(row: ReminderOutboxTable): OutboxItem {
  return {
    key: row.key, personId: row.person_id, credentialId: row.credential_id, cycle: Number(row.cycle), threshold: row.threshold, dueOn: row.due_on as CalendarDate,
    subject: row.subject, body: row.body, missing: row.missing, nextStep: row.next_step, state: row.state, attempts: Number(row.attempts),
    claimedBy: row.claimed_by, leaseUntil: row.lease_until, lastError: row.last_error, createdAt: row.created_at, sentAt: row.sent_at,
  };
}
