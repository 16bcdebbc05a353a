import { describe, expect, it } from 'vitest';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import { profileSchema } from '../profile/profile-schema.js';
import { calendarDate } from '../shared/calendar-date.js';
import { summarizeActivities } from './activity-summary.js';
import { evaluate } from './evaluate.js';
import { explainActivityLine } from './explain.js';

const catalog = readCatalogDir();
const profile = profileSchema.parse({
  credentials: [
    { id: 'nasm', program: 'nasm-cpt', earned: '2023-01-15' },
    { id: 'ace', program: 'ace-cpt', earned: '2024-03-10' },
    { id: 'cpr', program: 'cpr-aed', earned: '2025-10-01' },
  ],
  renewals: [{ credential: 'nasm', date: '2025-01-10' }],
  activities: [
    { id: 'e1', title: 'Earlier', completed: '2024-03-01', credits: [{ body: 'nasm', units: 1.0 }] },
    { id: 'k1', title: 'Kettlebells', completed: '2026-04-01', credits: [{ body: 'nasm', units: 0.8 }, { body: 'ace', units: 0.8 }] },
    { id: 'eth', title: 'Ethics', completed: '2025-05-01', credits: [{ body: 'ace', units: 0.1, category: 'ethics' }] },
    { id: 'pre', title: 'Before NASM', completed: '2022-06-01', credits: [{ body: 'nasm', units: 0.5 }] },
    { id: 'nsca', title: 'Only NSCA units', completed: '2026-01-01', credits: [{ body: 'nsca', units: 1, category: 'a' }] },
  ],
});
const summary = (asOf: string) => {
  const report = evaluate(catalog, profile, calendarDate(asOf));
  return new Map(summarizeActivities(report, profile).map((s) => [s.activity, s.lines]));
};

describe('what each activity counted toward', () => {
  const lines = summary('2026-05-15');

  it('says how many units counted toward which cycle', () => {
    expect(lines.get('k1')?.[0]).toMatchObject({ credential: 'nasm', outcome: 'counted', units: 0.8, granted: 0.8, unit: 'CEU', cycle: { start: '2025-01-16', end: '2027-01-15' } });
    expect(lines.get('k1')?.[0]?.text).toBe('Counted 0.8 CEU toward NASM-CPT cycle 2025–2027.');
    expect(lines.get('eth')?.map((l) => l.text)).toEqual(['Counted 0.1 CEC toward ACE-CPT cycle 2024–2026.']);
  });

  it('says CE completed after a credential expired counts toward the next cycle once renewed', () => {
    expect(lines.get('k1')?.[1]).toMatchObject({ credential: 'ace', outcome: 'not-counted', reason: 'after-expiry', units: null });
    expect(lines.get('k1')?.[1]?.text).toBe('Completed after ACE-CPT expired: counts toward the next cycle once renewed.');
  });

  it('names the earlier cycle an activity falls in', () => {
    expect(lines.get('e1')).toEqual([expect.objectContaining({ reason: 'earlier-cycle', cycle: { start: '2023-01-15', end: '2025-01-15' }, text: 'Counts in an earlier NASM-CPT cycle (2023–2025), not the current one.' })]);
  });

  it('says when an activity predates the credential', () => {
    expect(lines.get('pre')?.map((l) => l.text)).toEqual(['Completed before NASM-CPT was earned: it does not count toward it.']);
  });

  it('leaves out credentials whose body granted the activity nothing', () => {
    expect(lines.get('nsca')).toEqual([]);
  });

  it('says a later-dated activity is not counted yet', () => {
    expect(summary('2026-03-01').get('k1')?.map((l) => l.reason)).toEqual(['after-as-of', 'after-as-of']);
  });

  it('words a capped line with the part that counted', () => {
    expect(explainActivityLine({ outcome: 'counted', programName: 'NSCA Certified Strength and Conditioning Specialist (CSCS)', units: 0.5, granted: 0.8, unit: 'CEU', cycle: { start: '2024-01-01', end: '2026-12-31' }, reason: null }))
      .toBe('Counted 0.5 CEU toward CSCS cycle 2024–2026 (of its 0.8 CEU: the category cap is reached).');
    expect(explainActivityLine({ outcome: 'not-counted', programName: 'Plain name', units: null, granted: 1, unit: 'CEU', cycle: null, reason: 'over-cap' }))
      .toBe('Not counted toward Plain name: the category cap is already reached.');
  });
});
