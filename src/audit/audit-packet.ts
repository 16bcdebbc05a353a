/**
 * The audit packet: a ZIP (yazl) holding the transcript PDF and every certificate of the counted
 * activities, named by packet-names.ts. Certificate bytes are stored as they are (PDFs, JPEGs and PNGs
 * are already compressed, so deflating them again costs time for nothing); the transcript is deflated.
 */
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
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

/**
 * The ZIP as a stream (the packet can be tens of megabytes: it is never held in memory whole). Every
 * certificate file is checked on disk first, so a missing one fails before the first byte is sent.
 */
export async function auditPacketStream(input: PacketInput): Promise<Readable> {
  for (const file of input.files) {
    const path = input.pathOf(file.evidence.sha256);
    const found = await stat(path).catch(() => null);
    if (found === null || !found.isFile()) throw new Error(`the certificate "${file.evidence.name}" (${file.evidence.sha256}) is missing from the evidence folder`);
  }
  const zip = new ZipFile();
  zip.addBuffer(input.transcriptPdf, input.transcriptName, { mtime: input.mtime, compress: true });
  for (const file of input.files) {
    zip.addFile(input.pathOf(file.evidence.sha256), file.fileName, { mtime: input.mtime, compress: file.evidence.type === 'text/plain', mode: 0o100644 });
  }
  zip.end();
  return zip.outputStream as Readable;
}
