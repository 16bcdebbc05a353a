/**
 * Evidence bytes on disk, content-addressed: `<root>/<aa>/<sha256>` where `aa` is the first two hex
 * digits. Paths are built from the hash alone, which is checked to be 64 hex digits, so no file name
 * or id from a request ever reaches the file system. Writes go to a temporary file and are renamed
 * into place, so a reader never sees half a file and the same content is stored once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { EvidenceBlobs } from './evidence-blobs.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export class EvidenceFiles implements EvidenceBlobs {
  /** Per hash, the tail of the work queued by `exclusive`. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  /**
   * Runs `work` while no other `exclusive` work for the same hash runs (in this process). Attaching
   * holds it from writing the bytes until its row is committed; discarding an orphan holds it while
   * it re-checks the rows and unlinks, so the two never interleave.
   */
  async exclusive<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(sha256) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.catch(() => undefined);
    this.locks.set(sha256, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(sha256) === tail) this.locks.delete(sha256);
    }
  }

  static sha256(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${JSON.stringify(sha256)}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes (once per content) and returns their SHA-256. */
  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = EvidenceFiles.sha256(bytes);
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return sha256;
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const temporary = join(this.root, `.tmp-${randomUUID()}`);
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, target);
    return sha256;
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  /** The bytes as a stream, or null when the file is missing. The file is opened first, so a later unlink cannot cut the stream. */
  async read(sha256: string): Promise<Readable | null> {
    try {
      return (await open(this.pathOf(sha256), 'r')).createReadStream();
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(sha256s: readonly string[]): Promise<void> {
    for (const sha256 of sha256s) await rm(this.pathOf(sha256), { force: true });
  }
}
