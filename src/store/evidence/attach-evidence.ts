/**
 * Attaching a certificate to an activity, the same way from the CLI and the API: check the size and
 * the type (by content, and the name's extension must agree), store the bytes by SHA-256, record the
 * metadata with a change-log row.
 */
import { randomUUID } from 'node:crypto';
import { RecertError } from '../../shared/recert-error.js';
import type { EvidenceRecord, Removed, Store } from '../store.js';
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
  files: EvidenceFiles,
  target: { personId: string; activityId: string; actor: string; maxBytes?: number },
  upload: EvidenceUpload,
): Promise<EvidenceRecord> {
  const { name, type } = inspectEvidence(upload, target.maxBytes);
  // Fail on an unknown person or activity before writing any bytes.
  await store.getActivity(target.personId, target.activityId);
  const sha256 = await files.put(upload.bytes);
  return store.addEvidence(target.personId, target.activityId, { id: randomUUID(), sha256, name, type, size: upload.bytes.length }, target.actor);
}

/** Deletes the bytes no database row refers to any more. */
export async function discardOrphans(files: EvidenceFiles, removed: Removed): Promise<void> {
  await files.remove(removed.orphanedSha256);
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
