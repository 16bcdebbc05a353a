/**
 * Where a store's evidence bytes live: in PostgreSQL's `evidence_blobs` table when the store is
 * PostgreSQL (so server processes share only the database), else files under `<data>/evidence`.
 */
import { join } from 'node:path';
import type { Store } from '../store.js';
import type { EvidenceBlobs } from './evidence-blobs.js';
import { EvidenceFiles } from './evidence-files.js';

export function evidenceBlobsOf(store: Store, dataDir: string): EvidenceBlobs {
  return store.evidenceBlobs() ?? new EvidenceFiles(evidenceFolderOf(dataDir));
}

export function evidenceFolderOf(dataDir: string): string {
  return join(dataDir, 'evidence');
}
