/**
 * The audit packet: a ZIP (yazl) holding the transcript PDF and every certificate of the counted
 * activities, named by packet-names.ts. Certificate bytes are stored as they are (PDFs, JPEGs and PNGs
 * are already compressed, so deflating them again costs time for nothing); the transcript is deflated.
 */
import { ZipFile } from 'yazl';
import type { PacketFile } from './packet-names.js';

export interface PacketInput {
  readonly transcriptName: string;
  readonly transcriptPdf: Buffer;
  readonly files: readonly PacketFile[];
  /** Where a certificate's bytes are (the content-addressed evidence file). */
  readonly pathOf: (sha256: string) => string;
  /** The entries' modification time. */
  readonly mtime: Date;
}

/** Streams the ZIP; resolves with its bytes. Fails if a certificate file is missing on disk. */
export function buildAuditPacket(input: PacketInput): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(input.transcriptPdf, input.transcriptName, { mtime: input.mtime, compress: true });
  for (const file of input.files) {
    zip.addFile(input.pathOf(file.evidence.sha256), file.fileName, { mtime: input.mtime, compress: file.evidence.type === 'text/plain', mode: 0o100644 });
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.on('error', reject);
  });
}
