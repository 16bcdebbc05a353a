/** Brings a database up to the latest migration; the same list runs on both engines. */
import { Migrator, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { migrations } from './migrations/migrations.js';
import type { Engine } from './store.js';

/**
 * `schema` (PostgreSQL) names where Kysely's own migration tables live: without it Kysely looks for
 * them in every schema and may find another application's (or another test run's) instead.
 */
export async function migrateToLatest(db: Kysely<Database>, engine: Engine, schema?: string): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(db, engine, schema);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isOtherSchemaDropped(error, schema)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
    }
  }
}

/**
 * Each attempt lists every schema's tables again, and under a client that creates and drops schemas in
 * a tight loop (migrate-concurrent-drop.test.ts) about two attempts in five collide with a drop: with 5
 * attempts one opening in about a hundred still failed (that test failed about one run in seven). With
 * 12 attempts (at most 0.8 s of waiting in all) all of them colliding is a few in a hundred thousand.
 */
const MAX_ATTEMPTS = 12;

/**
 * Kysely's migrator first lists the tables of every schema it may use, looking each up by name
 * (`has_schema_privilege`, `pg_get_serial_sequence`): a schema or table another client drops at that
 * moment fails the listing with "schema … does not exist" (3F000) or "relation … does not exist"
 * (42P01), although nothing of ours changed and no migration ran. Such a failure is retried.
 */
function isOtherSchemaDropped(error: unknown, schema: string | undefined): boolean {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  return (code === '3F000' || code === '42P01') && (schema === undefined || !message.includes(`"${schema}"`));
}

async function migrateOnce(db: Kysely<Database>, engine: Engine, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(engine) },
    // Migrations are independent of each other, and branches add them in parallel: a database that
    // already ran 008 must still take a 007 merged later (instead of refusing to open).
    allowUnorderedMigrations: true,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '(unknown)';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
