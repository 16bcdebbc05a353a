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
