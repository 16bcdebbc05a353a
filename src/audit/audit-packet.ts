/**
 * The audit packet: a ZIP (yazl) holding the transcript PDF and every certificate of the counted
 * activities, named by packet-names.ts. Certificate bytes are stored as they are (PDFs, JPEGs and PNGs
 * are already compressed, so deflating them again costs time for nothing); the transcript is deflated.
 */
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { RecertError } from '../shared/recert-error.js';
import type { EvidenceBlobs } from '../store/evidence/evidence-blobs.js';
import type { PacketFile } from './packet-names.js';

export interface PacketInput {
  readonly transcriptName: string;
  readonly transcriptPdf: Buffer;
  readonly files: readonly PacketFile[];
  /** Where the certificates' bytes are (content-addressed by SHA-256). */
  readonly blobs: Pick<EvidenceBlobs, 'has' | 'read'>;
  /** The entries' modification time. */
  readonly mtime: Date;
}

/**
 * The ZIP as a stream (the packet can be tens of megabytes: it is never held in memory whole). Every
 * certificate file is checked on disk first, so a missing one fails before the first byte is sent.
 */
export async function auditPacketStream(input: PacketInput): Promise<Readable> {
  for (const file of input.files) {
    if (!(await input.blobs.has(file.evidence.sha256))) throw missing(file);
  }
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  // A certificate that fails to read mid-way ends the download with that error instead of crashing.
  zip.on('error', (error: Error) => output.destroy(error));
  zip.addBuffer(input.transcriptPdf, input.transcriptName, { mtime: input.mtime, compress: true });
  const certificates: Readable[] = [];
  for (const file of input.files) {
    const options = { mtime: input.mtime, compress: file.evidence.type === 'text/plain', mode: 0o100644 };
    // Opened only when the archive reaches this entry: one certificate open at a time, not all of them
    // before the first byte is sent.
    const certificate = Readable.from(certificateBytes(input.blobs, file));
    // A read error always ends the packet's stream with it, even after the reader has gone (never an
    // uncaught error).
    certificate.on('error', (error: Error) => output.destroy(error));
    certificates.push(certificate);
    zip.addReadStream(certificate, file.fileName, options);
  }
  // When the packet's stream ends early (the client went away, the file could not be written), the
  // certificates not read yet are never opened.
  output.once('close', () => {
    for (const certificate of certificates) certificate.destroy();
  });
  zip.end();
  return output;
}

async function* certificateBytes(blobs: PacketInput['blobs'], file: PacketFile): AsyncGenerator<Buffer> {
  const bytes = await blobs.read(file.evidence.sha256);
  if (bytes === null) throw missing(file);
  if (Buffer.isBuffer(bytes)) yield bytes;
  else for await (const chunk of bytes) yield chunk as Buffer;
}

function missing(file: PacketFile): RecertError {
  return new RecertError([{
    code: 'EVIDENCE_FILE_MISSING', path: 'evidence',
    message: `the certificate "${file.evidence.name}" (${file.evidence.sha256}) is missing from the evidence store; restore it from a backup, or remove the evidence and upload it again`,
  }]);
}
