/**
 * Where evidence bytes live, content-addressed by SHA-256: files in the data folder
 * (evidence-files.ts, with SQLite) or a table in PostgreSQL (postgres-evidence-blobs.ts, so several
 * server processes share nothing but the database). Rows in `evidence` refer to the bytes by hash.
 */
import type { Readable } from 'node:stream';

export interface EvidenceBlobs {
  /**
   * Runs `work` while no other `exclusive` work for the same hash runs. Attaching holds it from
   * storing the bytes until its row is committed; discarding an orphan holds it while it re-checks
   * the rows and deletes, so the two never interleave.
   */
  exclusive<T>(sha256: string, work: () => Promise<T>): Promise<T>;
  /** Stores the bytes (once per content) and returns their SHA-256. */
  put(bytes: Uint8Array): Promise<string>;
  has(sha256: string): Promise<boolean>;
  /** The bytes, or null when they are missing. */
  read(sha256: string): Promise<Readable | Buffer | null>;
  /** Deletes the bytes of these hashes (no error for one already gone). */
  remove(sha256s: readonly string[]): Promise<void>;
}
