/**
 * Attaching a certificate to an activity, the same way from the CLI and the API: check the size and
 * the type (by content, and the name's extension must agree), store the bytes by SHA-256, record the
 * metadata with a change-log row.
 */
import { randomUUID } from 'node:crypto';
import { RecertError } from '../../shared/recert-error.js';
import type { EvidenceRecord, Removed, Store } from '../store.js';
import type { EvidenceBlobs } from './evidence-blobs.js';
import { EvidenceFiles } from './evidence-files.js';
import { EXTENSIONS, extensionOf, sniffType, type EvidenceType } from './sniff-type.js';

/** 10 MiB: a scanned certificate is well under this. */
export const DEFAULT_MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export interface EvidenceUpload {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Checks size and type of an upload without storing anything; returns its display name and type. */
export function inspectEvidence(upload: EvidenceUpload, maxBytes: number = DEFAULT_MAX_EVIDENCE_BYTES): { name: string; type: EvidenceType } {
  const name = displayName(upload.name);
  if (upload.bytes.length > maxBytes) {
    throw new RecertError([{ code: 'EVIDENCE_TOO_LARGE', path: 'file', message: `"${name}" is ${upload.bytes.length} bytes; the limit is ${maxBytes} bytes` }]);
  }
  if (upload.bytes.length === 0) throw new RecertError([{ code: 'EVIDENCE_TYPE', path: 'file', message: `"${name}" is empty` }]);
  const type = sniffType(upload.bytes);
  if (type === null) {
    throw new RecertError([{ code: 'EVIDENCE_TYPE', path: 'file', message: `"${name}" is not a PDF, PNG, JPEG, WebP or plain-text file (judged by its content)` }]);
  }
  const extension = extensionOf(name);
  if (extension !== '' && !EXTENSIONS[type].includes(extension)) {
    throw new RecertError([{ code: 'EVIDENCE_TYPE', path: 'file', message: `"${name}" is named .${extension} but its content is ${type}; expected .${EXTENSIONS[type].join(' or .')}` }]);
  }
  return { name, type };
}

export async function attachEvidence(
  store: Store,
  files: EvidenceBlobs,
  target: { personId: string; activityId: string; actor: string; maxBytes?: number },
  upload: EvidenceUpload,
): Promise<EvidenceRecord> {
  const { name, type } = inspectEvidence(upload, target.maxBytes);
  // Fail on an unknown person or activity before writing any bytes.
  await store.getActivity(target.personId, target.activityId);
  // Under the hash's lock until the row is committed: a removal of the last row with the same bytes
  // cannot unlink the file between our write and our insert (see discardOrphans).
  return files.exclusive(EvidenceFiles.sha256(upload.bytes), async () => {
    const sha256 = await files.put(upload.bytes);
    return store.addEvidence(target.personId, target.activityId, { id: randomUUID(), sha256, name, type, size: upload.bytes.length }, target.actor);
  });
}

/**
 * Deletes the bytes no database row refers to any more. The removal decided "orphaned" when it
 * committed; an upload of the same bytes may have committed a new row since. So each hash is
 * re-checked against the database under the files' per-hash lock, which an upload holds from writing
 * the bytes until its row is committed, and the file is unlinked only if still unreferenced.
 */
export async function discardOrphans(files: EvidenceBlobs, removed: Removed): Promise<void> {
  for (const sha256 of removed.orphanedSha256) {
    await files.exclusive(sha256, async () => {
      if (removed.isReferenced !== undefined && (await removed.isReferenced(sha256))) return;
      await files.remove([sha256]);
    });
  }
}

/**
 * The name kept for display: the last path segment of what the client sent, without control
 * characters, at most 200 characters. It is only ever shown or put in Content-Disposition.
 */
export function displayName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'evidence' : clean;
}
