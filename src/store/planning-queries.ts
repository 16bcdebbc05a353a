/** Own offerings and planned items (migration 003): JSON documents per person, inside a caller's transaction. */
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { fromJson } from './rows.js';
import { notFound } from './store-errors.js';

export type DocumentTableName = 'own_offerings' | 'planned_items';

export async function selectDocuments<T>(db: Kysely<Database>, table: DocumentTableName, personId: string): Promise<(T & { id: string; createdAt: string })[]> {
  const rows = await db.selectFrom(table).selectAll().where('person_id', '=', personId).execute();
  return rows
    .map((row) => ({ ...(fromJson(row.data) as T), id: row.id, createdAt: row.created_at }))
    .sort((a, b) => idNumber(a.id) - idNumber(b.id) || a.id.localeCompare(b.id));
}

export async function selectDocument<T>(db: Kysely<Database>, table: DocumentTableName, personId: string, id: string): Promise<T & { id: string; createdAt: string }> {
  const row = await db.selectFrom(table).selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
  if (row === undefined) {
    throw table === 'own_offerings' ? notFound('offering', id, 'offeringId', personId) : notFound('planned item', id, 'itemId', personId);
  }
  return { ...(fromJson(row.data) as T), id: row.id, createdAt: row.created_at };
}

/** The next id `<prefix><n>`: one above the highest number used (ids are not reused while others exist). */
export async function nextDocumentId(db: Kysely<Database>, table: DocumentTableName, personId: string, prefix: string): Promise<string> {
  const rows = await db.selectFrom(table).select('id').where('person_id', '=', personId).execute();
  const max = rows.reduce((m, r) => Math.max(m, r.id.startsWith(prefix) ? idNumber(r.id) : 0), 0);
  return `${prefix}${max + 1}`;
}

export async function insertDocument(db: Kysely<Database>, table: DocumentTableName, personId: string, id: string, data: object, createdAt: string): Promise<void> {
  await db.insertInto(table).values({ person_id: personId, id, data: JSON.stringify(data), created_at: createdAt }).execute();
}

function idNumber(id: string): number {
  const n = Number(/\d+$/.exec(id)?.[0]);
  return Number.isFinite(n) ? n : 0;
}
