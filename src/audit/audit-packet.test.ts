/** The packet's ZIP stream when certificates vanish or the reader goes away: an error on the stream, never an uncaught one. */
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { auditPacketStream, type PacketInput } from './audit-packet.js';
import type { PacketFile } from './packet-names.js';

const file = (n: number): PacketFile => ({
  activityNumber: n,
  fileName: `0${n}-2026-03-12-course.pdf`,
  evidence: { id: `e${n}`, activityId: `a${n}`, sha256: `${n}`.repeat(64), name: `c${n}.pdf`, type: 'application/pdf', size: 10, uploadedAt: '2026-03-12T00:00:00Z' },
});

/** Every certificate is there when checked, and gone when read (removed in between). */
const vanishing: PacketInput['blobs'] = { has: async () => true, read: async () => null };
const input = (reads: { count: number }): PacketInput => ({
  transcriptName: '00-transcript.pdf', transcriptPdf: Buffer.from('%PDF-1.4\n'), files: [file(1), file(2), file(3)],
  blobs: { has: vanishing.has, read: async (sha) => { reads.count += 1; return vanishing.read(sha); } }, mtime: new Date('2026-06-01T00:00:00Z'),
});

describe('the audit packet stream', () => {
  it('ends with EVIDENCE_FILE_MISSING when a certificate vanishes after the check', async () => {
    const stream = await auditPacketStream(input({ count: 0 }));
    stream.resume();
    const [error] = await once(stream, 'error');
    expect(error).toMatchObject({ issues: [{ code: 'EVIDENCE_FILE_MISSING' }] });
  });

  it('opens no certificate once its reader has gone, and raises nothing afterwards', async () => {
    const reads = { count: 0 };
    const stream = await auditPacketStream(input(reads));
    stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads.count).toBe(0);
  });
});
