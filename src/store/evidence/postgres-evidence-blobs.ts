/**
 * Evidence bytes in PostgreSQL (`evidence_blobs`, migration 007), content-addressed by SHA-256, so
 * several server processes behind a load balancer share nothing but the database. Same contract as
 * the files in the data folder (evidence-files.ts): stored once per content, read whole, removed by hash.
 *
 * `exclusive` must hold across processes: it takes a PostgreSQL advisory lock on the hash for the
 * duration of the work (on a connection of its own, kept until the work ends). Within one process the
 * work for one hash is also queued, and at most MAX_LOCK_HOLDERS locks are held at once, so lock
 * holders never take every connection of the pool the work itself needs.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { EvidenceBlobs } from './evidence-blobs.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Of the store pool's 10 connections, at most this many hold an advisory lock at once. */
const MAX_LOCK_HOLDERS = 3;

export class PostgresEvidenceBlobs implements EvidenceBlobs {
  private readonly queues = new Map<string, Promise<unknown>>();
  private holders = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly db: Kysely<Database>) {}

  async exclusive<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    checkHash(sha256);
    const previous = this.queues.get(sha256) ?? Promise.resolve();
    const run = previous.then(() => this.withAdvisoryLock(sha256, work));
    const tail = run.catch(() => undefined);
    this.queues.set(sha256, tail);
    try {
      return await run;
    } finally {
      if (this.queues.get(sha256) === tail) this.queues.delete(sha256);
    }
  }

  private async withAdvisoryLock<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    await this.acquireHolder();
    try {
      // One connection holds the session-level lock until the work is done; `hashtextextended` maps the
      // hash to the lock's 64-bit key (a collision only makes two hashes wait for each other).
      return await this.db.connection().execute(async (connection) => {
        await sql`select pg_advisory_lock(hashtextextended(${`recert-evidence:${sha256}`}, 0))`.execute(connection);
        try {
          return await work();
        } finally {
          await sql`select pg_advisory_unlock(hashtextextended(${`recert-evidence:${sha256}`}, 0))`.execute(connection);
        }
      });
    } finally {
      this.releaseHolder();
    }
  }

  private async acquireHolder(): Promise<void> {
    if (this.holders < MAX_LOCK_HOLDERS) {
      this.holders++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseHolder(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter; otherwise it is freed.
    if (next !== undefined) next();
    else this.holders--;
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.db.insertInto('evidence_blobs')
      .values({ sha256, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), size: bytes.byteLength })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    return sha256;
  }

  async has(sha256: string): Promise<boolean> {
    checkHash(sha256);
    return (await this.db.selectFrom('evidence_blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst()) !== undefined;
  }

  async read(sha256: string): Promise<Buffer | null> {
    checkHash(sha256);
    const row = await this.db.selectFrom('evidence_blobs').select('bytes').where('sha256', '=', sha256).executeTakeFirst();
    return row === undefined ? null : row.bytes;
  }

  async remove(sha256s: readonly string[]): Promise<void> {
    if (sha256s.length === 0) return;
    for (const sha256 of sha256s) checkHash(sha256);
    await this.db.deleteFrom('evidence_blobs').where('sha256', 'in', [...sha256s]).execute();
  }

  /**
   * Takes into the table the bytes that evidence rows refer to but the table lacks, from a data folder
   * of the layout evidence-files.ts writes (`<folder>/<aa>/<sha256>`): before migration 007 a
   * PostgreSQL server kept them there. Each file is checked against its name. Returns how many were
   * taken; hashes with no file stay missing (their downloads answer EVIDENCE_FILE_MISSING).
   */
  async adoptFiles(folder: string): Promise<number> {
    const missing = await this.db.selectFrom('evidence').select('sha256').distinct()
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('evidence_blobs').select('evidence_blobs.sha256').whereRef('evidence_blobs.sha256', '=', 'evidence.sha256'))))
      .execute();
    let adopted = 0;
    for (const { sha256 } of missing) {
      if (!SHA256_HEX.test(sha256)) continue;
      let bytes: Buffer;
      try {
        bytes = await readFile(join(folder, sha256.slice(0, 2), sha256));
      } catch {
        continue;
      }
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) continue;
      await this.put(bytes);
      adopted++;
    }
    return adopted;
  }

  /** Every stored hash (for backups and checks), in order. */
  async list(): Promise<string[]> {
    return (await this.db.selectFrom('evidence_blobs').select('sha256').orderBy('sha256').execute()).map((row) => row.sha256);
  }
}

function checkHash(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${JSON.stringify(sha256)}`);
}
