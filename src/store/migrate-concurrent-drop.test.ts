/**
 * Opening a PostgreSQL store while another client creates and drops other schemas of the same
 * database: Kysely's migrator lists every schema's tables first, and a schema dropped during that
 * listing used to fail the start with 'schema "…" does not exist' (seen as a flaky test under load).
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from './postgres/open-postgres-store.js';
import { storeBackends, TEST_DATABASE_URL } from './testing/store-backends.js';

const postgres = (await storeBackends()).find((b) => b.engine === 'postgres');

// PostgreSQL only: SQLite has no schemas. Without PostgreSQL the suite is skipped (and named by the
// skipped-suites reporter); under CI the other PostgreSQL suites fail instead.
const suite = postgres?.available === true ? describe : describe.skip; // skipped without PostgreSQL: the suite needs a live database

suite('opening PostgreSQL stores while other schemas come and go', () => {
  it('migrates every store although other schemas are dropped during its migration', async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    let stop = false;
    let churned = 0;
    const churn = (async () => {
      while (!stop) {
        const other = `recert_churn_${process.pid}_${churned++}`;
        await admin.query(`create schema ${other}; create table ${other}.t (id serial primary key, a text)`);
        await admin.query(`drop schema ${other} cascade`);
      }
    })();
    const failures: string[] = [];
    try {
      for (let i = 0; i < 15; i++) {
        const schema = `recert_open_${process.pid}_${i}`;
        try {
          const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema });
          await store.close();
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        } finally {
          await admin.query(`drop schema if exists ${schema} cascade`);
        }
      }
    } finally {
      stop = true;
      await churn;
      await admin.end();
    }
    expect(churned).toBeGreaterThan(15);
    expect(failures).toEqual([]);
  }, 120_000);
});
