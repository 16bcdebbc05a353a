/**
 * The CE log as CSV (RFC 4180): one row per credit line, so a spreadsheet can sum units per body;
 * an activity without credit lines gets one row with empty credit columns. Evidence file names are
 * joined with " | ".
 */
import type { Profile } from '../profile/profile-schema.js';
import type { EvidenceRecord } from './store.js';

export const CSV_HEADER = ['activity_id', 'title', 'completed', 'hours', 'provider', 'body', 'units', 'category', 'evidence'] as const;

export function activitiesToCsv(profile: Profile, evidence: readonly EvidenceRecord[] = []): string {
  const files = new Map<string, string[]>();
  for (const e of evidence) files.set(e.activityId, [...(files.get(e.activityId) ?? []), e.name]);
  const rows: (string | number | undefined)[][] = [[...CSV_HEADER]];
  for (const a of profile.activities) {
    const attached = (files.get(a.id) ?? []).join(' | ');
    const lines = a.credits.length > 0 ? a.credits : [undefined];
    for (const credit of lines) {
      rows.push([a.id, a.title, a.completed, a.hours, a.provider, credit?.body, credit?.units, credit?.category, attached]);
    }
  }
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: prefix it with a quote.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
