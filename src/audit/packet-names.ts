/**
 * Names of the certificate files inside an audit packet, so a reviewer can match each file to its
 * transcript row: `03-2026-03-12-nutrition-coaching.pdf` is the certificate of row 3, completed
 * 2026-03-12. A second certificate of the same row gets `-2`, and so on. The extension comes from
 * the stored (content-checked) type, never from the uploaded name.
 */
import type { Transcript } from '../engine/transcript.js';
import type { EvidenceRecord } from '../store/store.js';

export interface PacketFile {
  readonly activityNumber: number;
  readonly evidence: EvidenceRecord;
  readonly fileName: string;
}

export const EXTENSION: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'text/plain': 'txt',
};

export function slugOf(title: string, max = 40): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.slice(0, max).replace(/-+$/, '');
  return cut === '' ? 'activity' : cut;
}

/** Every certificate of every counted activity, in transcript order. */
export function packetFiles(transcript: Transcript, evidence: readonly EvidenceRecord[]): PacketFile[] {
  const width = Math.max(2, String(transcript.activities.length).length);
  const byActivity = new Map<string, EvidenceRecord[]>();
  for (const record of evidence) byActivity.set(record.activityId, [...(byActivity.get(record.activityId) ?? []), record]);
  const out: PacketFile[] = [];
  for (const activity of transcript.activities) {
    const records = (byActivity.get(activity.id) ?? []).slice().sort((a, b) => (a.uploadedAt === b.uploadedAt ? (a.id < b.id ? -1 : 1) : a.uploadedAt < b.uploadedAt ? -1 : 1));
    records.forEach((record, i) => {
      const stem = `${String(activity.number).padStart(width, '0')}-${activity.completed}-${slugOf(activity.title)}${i === 0 ? '' : `-${i + 1}`}`;
      out.push({ activityNumber: activity.number, evidence: record, fileName: `${stem}.${EXTENSION[record.type] ?? 'bin'}` });
    });
  }
  return out;
}
