/**
 * The edge between the store and the audit documents: loads a person's wallet and certificates,
 * builds the transcript (pure, engine/transcript.ts), and renders the PDF or the ZIP packet. The API
 * and the CLI both call these, so both hand out the same documents.
 */
import type { Catalog } from '../catalog/catalog.js';
import { buildTranscript, type Transcript } from '../engine/transcript.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { EvidenceBlobs } from '../store/evidence/evidence-blobs.js';
import type { Store } from '../store/store.js';
import type { Readable } from 'node:stream';
import { auditPacketStream } from './audit-packet.js';
import { packetFiles, slugOf, type PacketFile } from './packet-names.js';
import { renderTranscriptPdf } from './transcript-pdf.js';

export interface AuditSources {
  readonly store: Store;
  readonly files: EvidenceBlobs;
  readonly catalog: Catalog;
}

export interface AuditRequest {
  readonly personId: string;
  readonly credentialId: string;
  /** 1-based; default: the current cycle. */
  readonly cycle?: number | undefined;
  readonly asOf: CalendarDate;
  /** The clock, for the PDF's metadata and the ZIP entries' times. */
  readonly now: Date;
  /** How the caller names the cycle in errors (`querystring.cycle`, `--cycle`). */
  readonly cyclePath: string;
  readonly cycleErrorCode?: 'REQUEST_INVALID' | 'USAGE';
}

export interface AuditDocument {
  readonly fileName: string;
  /** The PDF's bytes, or the ZIP as a stream (written to a file or an HTTP response as it is made). */
  readonly body: Buffer | Readable;
  readonly transcript: Transcript;
  readonly files: readonly PacketFile[];
}

async function prepare(sources: AuditSources, request: AuditRequest) {
  const person = await sources.store.getPerson(request.personId);
  const profile = await sources.store.loadProfile(request.personId);
  const transcript = buildTranscript(sources.catalog, profile, {
    credentialId: request.credentialId, cycle: request.cycle, asOf: request.asOf, cyclePath: request.cyclePath, cycleErrorCode: request.cycleErrorCode,
  });
  const files = packetFiles(transcript, await sources.store.listEvidence(request.personId));
  const stem = `${slugOf(transcript.credential.id, 60)}${transcript.cycle === null ? '' : `-cycle-${transcript.cycle.number}`}`;
  const pdf = await renderTranscriptPdf({ transcript, person, files, createdAt: request.now });
  return { transcript, files, stem, pdf };
}

export async function transcriptDocument(sources: AuditSources, request: AuditRequest): Promise<AuditDocument> {
  const { transcript, files, stem, pdf } = await prepare(sources, request);
  return { fileName: `transcript-${stem}.pdf`, body: pdf, transcript, files };
}

export async function auditPacketDocument(sources: AuditSources, request: AuditRequest): Promise<AuditDocument> {
  const { transcript, files, stem, pdf } = await prepare(sources, request);
  const transcriptName = `00-transcript-${stem}.pdf`;
  const body = await auditPacketStream({ transcriptName, transcriptPdf: pdf, files, blobs: sources.files, mtime: request.now });
  return { fileName: `audit-packet-${stem}.zip`, body, transcript, files };
}
