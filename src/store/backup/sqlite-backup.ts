/**
 * Backup and restore of a SQLite data folder: one zip archive holding the database, every evidence
 * file its rows refer to, and a manifest of their SHA-256 digests.
 *
 * **Backup** works while the server runs. The database is copied with SQLite's online backup API
 * (better-sqlite3's `db.backup()`), which yields one consistent snapshot even while other connections
 * write. Evidence files are content-addressed and never change, so the files the snapshot refers to
 * are copied after it. A file removed in between (its last row was deleted after the snapshot) is
 * detected, and a newer snapshot is taken; files already copied are kept, as their content cannot
 * have changed. The archive is written to a temporary name and renamed into place.
 *
 * **Restore** unpacks into a new folder next to the target, checks everything (entry names, every
 * digest, the database's integrity, that every evidence row has its file), and only then swaps it
 * in with renames. A damaged archive leaves the target untouched.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { RecertError } from '../../shared/recert-error.js';
import { SQLITE_FILE_NAME } from '../open-store.js';

export const BACKUP_FORMAT = 'recert-backup';
export const BACKUP_VERSION = 1;
const MANIFEST = 'manifest.json';
const EVIDENCE_ENTRY = /^evidence\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const MAX_ATTEMPTS = 5;

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly database: { readonly name: string; readonly sha256: string; readonly size: number };
  readonly evidence: readonly { readonly sha256: string; readonly size: number }[];
}

export interface BackupSummary {
  readonly file: string;
  readonly evidenceFiles: number;
  readonly databaseBytes: number;
  /** Snapshots taken: more than one when evidence was removed while the backup ran. */
  readonly snapshots: number;
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const evidencePath = (root: string, sha256: string): string => join(root, 'evidence', sha256.slice(0, 2), sha256);

export async function backupSqlite(dataDir: string, out: string, now: () => Date = () => new Date()): Promise<BackupSummary> {
  const databaseFile = join(dataDir, SQLITE_FILE_NAME);
  if (!existsSync(databaseFile)) {
    throw new RecertError([{ code: 'STORE_NOT_INITIALIZED', file: dataDir, path: '', message: 'no recert database here to back up (set --data-dir or RECERT_DATA_DIR)' }]);
  }
  mkdirSync(dirname(out), { recursive: true });
  const staging = await mkdtemp(join(dirname(out), `.${basename(out)}.staging-`));
  try {
    const source = new BetterSqlite3(databaseFile, { fileMustExist: true });
    source.pragma('busy_timeout = 5000');
    const snapshot = join(staging, SQLITE_FILE_NAME);
    const copied = new Map<string, number>();
    let snapshots = 0;
    let referenced: string[] = [];
    try {
      for (;;) {
        snapshots++;
        await rm(snapshot, { force: true });
        // After the first step, copy every remaining page in one step: with the default 100 pages a step,
        // a write by another connection between steps restarts the copy, which under steady writes
        // might never finish. One step reads one consistent state (WAL: writers are not blocked).
        await source.backup(snapshot, { progress: () => 0x7fffffff });
        referenced = referencedHashes(snapshot);
        const missing = await copyEvidence(dataDir, staging, referenced, copied);
        if (missing === undefined) break;
        if (snapshots >= MAX_ATTEMPTS) {
          throw new RecertError([{ code: 'BACKUP_INCONSISTENT', file: evidencePath(dataDir, missing), path: '', message: `the database refers to this evidence file but it is missing (after ${snapshots} snapshots)` }]);
        }
      }
    } finally {
      source.close();
    }
    const database = await readFile(snapshot);
    const evidence = referenced.map((sha256) => ({ sha256, size: copied.get(sha256)! }));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now().toISOString(),
      database: { name: SQLITE_FILE_NAME, sha256: sha256Of(database), size: database.length },
      evidence,
    };
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST);
    zip.addFile(snapshot, SQLITE_FILE_NAME);
    for (const { sha256 } of evidence) zip.addFile(evidencePath(staging, sha256), `evidence/${sha256.slice(0, 2)}/${sha256}`, { compress: false });
    zip.end();
    const partial = `${out}.partial-${randomBytes(4).toString('hex')}`;
    const written = createWriteStream(partial);
    zip.outputStream.pipe(written);
    try {
      await finished(written);
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { file: out, evidenceFiles: evidence.length, databaseBytes: database.length, snapshots };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The evidence digests rows of this database file refer to, sorted. */
function referencedHashes(databaseFile: string): string[] {
  const db = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select distinct sha256 from evidence order by sha256').all() as { sha256: string }[]).map((row) => row.sha256);
  } finally {
    db.close();
  }
}

/** Copies the files not copied yet; returns a digest whose file is missing, or undefined when all are there. */
async function copyEvidence(dataDir: string, staging: string, hashes: readonly string[], copied: Map<string, number>): Promise<string | undefined> {
  for (const sha256 of hashes) {
    if (copied.has(sha256)) continue;
    let bytes: Buffer;
    try {
      bytes = await readFile(evidencePath(dataDir, sha256));
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return sha256;
      throw error;
    }
    if (sha256Of(bytes) !== sha256) {
      throw new RecertError([{ code: 'BACKUP_INCONSISTENT', file: evidencePath(dataDir, sha256), path: '', message: 'this evidence file does not match its SHA-256 name: it was altered outside recert' }]);
    }
    await mkdir(dirname(evidencePath(staging, sha256)), { recursive: true });
    await writeFile(evidencePath(staging, sha256), bytes);
    copied.set(sha256, bytes.length);
  }
  return undefined;
}

export interface RestoreSummary {
  readonly dataDir: string;
  readonly evidenceFiles: number;
  /** True when a non-empty folder was replaced (--force). */
  readonly replaced: boolean;
  readonly createdAt: string;
}

export async function restoreSqlite(archive: string, dataDir: string, options: { force: boolean }): Promise<RestoreSummary> {
  if (!existsSync(archive)) throw new RecertError([{ code: 'FILE_NOT_FOUND', file: archive, path: '', message: 'backup file not found' }]);
  const occupied = existsSync(dataDir) && readdirSync(dataDir).length > 0;
  if (occupied && !options.force) {
    throw new RecertError([{ code: 'RESTORE_TARGET_NOT_EMPTY', file: dataDir, path: '', message: 'the data folder is not empty; stop the server and add --force to replace it, or restore into another --data-dir' }]);
  }
  mkdirSync(dirname(dataDir), { recursive: true });
  // Next to the target, so the final rename stays on one file system.
  const staging = await mkdtemp(join(dirname(dataDir), `.${basename(dataDir)}.restore-`));
  try {
    const manifest = await unpack(archive, staging);
    await checkRestored(archive, staging, manifest);
    if (!existsSync(dataDir)) {
      await rename(staging, dataDir);
    } else {
      const old = join(dirname(dataDir), `.${basename(dataDir)}.replaced-${randomBytes(4).toString('hex')}`);
      await rename(dataDir, old);
      try {
        await rename(staging, dataDir);
      } catch (error) {
        await rename(old, dataDir);
        throw error;
      }
      await rm(old, { recursive: true, force: true });
    }
    return { dataDir, evidenceFiles: manifest.evidence.length, replaced: occupied, createdAt: manifest.createdAt };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function invalid(archive: string, message: string): RecertError {
  return new RecertError([{ code: 'BACKUP_INVALID', file: archive, path: '', message }]);
}

/** Writes the archive's entries into `staging`, accepting only the names a backup has; returns the manifest. */
async function unpack(archive: string, staging: string): Promise<BackupManifest> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(archive, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true });
  } catch (error) {
    throw invalid(archive, `not a zip archive: ${error instanceof Error ? error.message : String(error)}`);
  }
  let manifest: BackupManifest | undefined;
  const seen = new Set<string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        const evidence = EVIDENCE_ENTRY.exec(name);
        const known = name === MANIFEST || name === SQLITE_FILE_NAME || (evidence !== null && evidence[2]!.startsWith(evidence[1]!));
        if (!known || seen.has(name)) {
          reject(invalid(archive, `unexpected entry "${name}"`));
          return;
        }
        seen.add(name);
        zip.openReadStream(entry, (error, stream) => {
          if (error !== null) return reject(invalid(archive, `cannot read "${name}": ${error.message}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', (streamError: Error) => reject(invalid(archive, `cannot read "${name}": ${streamError.message}`)));
          stream.on('end', () => {
            const bytes = Buffer.concat(chunks);
            const store = async (): Promise<void> => {
              if (name === MANIFEST) manifest = parseManifest(archive, bytes);
              else {
                await mkdir(dirname(join(staging, name)), { recursive: true });
                await writeFile(join(staging, name), bytes, { flag: 'wx' });
              }
            };
            store().then(() => zip.readEntry(), reject);
          });
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  if (manifest === undefined) throw invalid(archive, `no ${MANIFEST}: not a recert backup`);
  return manifest;
}

function parseManifest(archive: string, bytes: Buffer): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid(archive, `${MANIFEST} is not JSON`);
  }
  const manifest = value as Partial<BackupManifest>;
  const hex = (s: unknown): boolean => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_VERSION || typeof manifest.createdAt !== 'string'
    || manifest.database?.name !== SQLITE_FILE_NAME || !hex(manifest.database.sha256) || !Array.isArray(manifest.evidence)
    || !manifest.evidence.every((e) => hex(e?.sha256) && Number.isInteger(e?.size))) {
    throw invalid(archive, `${MANIFEST} is not a recert backup manifest of version ${BACKUP_VERSION}`);
  }
  return manifest as BackupManifest;
}

/** Every digest matches, nothing is missing or extra, the database is intact and every evidence row has its file. */
async function checkRestored(archive: string, staging: string, manifest: BackupManifest): Promise<void> {
  const databaseFile = join(staging, SQLITE_FILE_NAME);
  if (!existsSync(databaseFile)) throw invalid(archive, `no ${SQLITE_FILE_NAME}`);
  if (sha256Of(await readFile(databaseFile)) !== manifest.database.sha256) throw invalid(archive, `${SQLITE_FILE_NAME} does not match its digest in ${MANIFEST}`);
  const listed = new Set(manifest.evidence.map((e) => e.sha256));
  for (const { sha256, size } of manifest.evidence) {
    const file = evidencePath(staging, sha256);
    if (!existsSync(file)) throw invalid(archive, `evidence ${sha256} is listed but missing`);
    const bytes = await readFile(file);
    if (bytes.length !== size || sha256Of(bytes) !== sha256) throw invalid(archive, `evidence ${sha256} does not match its digest`);
  }
  const present = existsSync(join(staging, 'evidence')) ? readdirSync(join(staging, 'evidence'), { recursive: true, encoding: 'utf8' }).filter((p) => /[0-9a-f]{64}$/.test(p)) : [];
  const extra = present.find((p) => !listed.has(basename(p)));
  if (extra !== undefined) throw invalid(archive, `evidence ${basename(extra)} is not listed in ${MANIFEST}`);
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw invalid(archive, `${SQLITE_FILE_NAME} cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw invalid(archive, `${SQLITE_FILE_NAME} is damaged: ${String(integrity)}`);
    const rows = (db.prepare('select distinct sha256 from evidence').all() as { sha256: string }[]).map((r) => r.sha256);
    const orphan = rows.find((sha256) => !listed.has(sha256));
    if (orphan !== undefined) throw invalid(archive, `the database refers to evidence ${orphan}, which the backup does not hold`);
  } catch (error) {
    if (error instanceof RecertError) throw error;
    throw invalid(archive, `${SQLITE_FILE_NAME} is not a recert database: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }
}
