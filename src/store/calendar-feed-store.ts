/**
 * The secret calendar feed token of each person. A person has at most one live token; `rotate`
 * replaces it (the old URL stops working at once) and `revoke` removes it. Tokens are 32 random
 * bytes in base64url, kept as they are so the web app can show the URL again; the change log
 * records that a token was issued, rotated or revoked, never the token itself.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { logChange, type Stamp } from './change-log.js';
import type { Database } from './database.js';
import { notFound } from './store-errors.js';

export interface CalendarFeed {
  readonly personId: string;
  readonly token: string;
  readonly createdAt: string;
}

export interface CalendarFeedStore {
  /** The live token, or null when the person has none (never issued, or revoked). */
  get(personId: string): Promise<CalendarFeed | null>;
  /** The live token, issuing one first when there is none. Safe to call at once from two clients. */
  ensure(personId: string, actor: string): Promise<CalendarFeed>;
  /** A new token; the old one no longer opens the feed. */
  rotate(personId: string, actor: string): Promise<CalendarFeed>;
  /** Removes the token; true when there was one. */
  revoke(personId: string, actor: string): Promise<boolean>;
  /** Whose feed a token opens, or null. */
  personOf(token: string): Promise<string | null>;
}

/** A token as it appears in a URL: base64url, 43 characters for 32 bytes. */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The store's write transaction, holding the person's lock (so a concurrent removal of the person is a 404, not a foreign-key 500). */
type Writer = <T>(actor: string, personId: string, work: (trx: Kysely<Database>, stamp: Stamp) => Promise<T>) => Promise<T>;

export class KyselyCalendarFeeds implements CalendarFeedStore {
  constructor(private readonly db: Kysely<Database>, private readonly write: Writer) {}

  async get(personId: string): Promise<CalendarFeed | null> {
    const row = await this.db.selectFrom('calendar_feeds').selectAll().where('person_id', '=', personId).executeTakeFirst();
    return row === undefined ? null : { personId: row.person_id, token: row.token, createdAt: row.created_at };
  }

  async ensure(personId: string, actor: string): Promise<CalendarFeed> {
    const existing = await this.get(personId);
    if (existing !== null) return existing;
    await this.write(actor, personId, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const inserted = await trx.insertInto('calendar_feeds')
        .values({ person_id: personId, token: newFeedToken(), created_at: stamp.at })
        .onConflict((oc) => oc.column('person_id').doNothing())
        .returning('person_id')
        .executeTakeFirst();
      if (inserted !== undefined) await logChange(trx, stamp, { personId, entity: 'calendar-feed', entityId: personId, action: 'create', after: { createdAt: stamp.at } });
    });
    const feed = await this.get(personId);
    if (feed === null) throw new Error(`the calendar feed of "${personId}" was removed while it was being issued`);
    return feed;
  }

  rotate(personId: string, actor: string): Promise<CalendarFeed> {
    return this.write(actor, personId, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const token = newFeedToken();
      const row = await trx.insertInto('calendar_feeds')
        .values({ person_id: personId, token, created_at: stamp.at })
        .onConflict((oc) => oc.column('person_id').doUpdateSet({ token, created_at: stamp.at }))
        .returningAll()
        .executeTakeFirstOrThrow();
      await logChange(trx, stamp, { personId, entity: 'calendar-feed', entityId: personId, action: 'update', after: { createdAt: stamp.at } });
      return { personId: row.person_id, token: row.token, createdAt: row.created_at };
    });
  }

  revoke(personId: string, actor: string): Promise<boolean> {
    return this.write(actor, personId, async (trx, stamp) => {
      await this.requirePerson(trx, personId);
      const removed = await trx.deleteFrom('calendar_feeds').where('person_id', '=', personId).executeTakeFirst();
      const any = Number(removed.numDeletedRows) > 0;
      if (any) await logChange(trx, stamp, { personId, entity: 'calendar-feed', entityId: personId, action: 'delete' });
      return any;
    });
  }

  async personOf(token: string): Promise<string | null> {
    if (!FEED_TOKEN.test(token)) return null;
    const row = await this.db.selectFrom('calendar_feeds').select('person_id').where('token', '=', token).executeTakeFirst();
    return row?.person_id ?? null;
  }

  private async requirePerson(trx: Kysely<Database>, personId: string): Promise<void> {
    if ((await trx.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst()) === undefined) throw notFound('person', personId, 'personId');
  }
}
