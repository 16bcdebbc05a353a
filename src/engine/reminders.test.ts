import { describe, expect, it } from 'vitest';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import { addDays, type CalendarDate } from '../shared/calendar-date.js';
import type { Profile } from '../profile/profile-schema.js';
import { evaluate } from './evaluate.js';
import { dueReminders } from './reminders.js';

const catalog = readCatalogDir();
const d = (s: string) => s as CalendarDate;
const profile: Profile = {
  credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: d('2025-03-01') }, { id: 'cpr', program: 'cpr-aed', earned: d('2025-01-10') }],
  renewals: [],
  activities: [],
};
const due = (asOf: string, p: Profile = profile) => dueReminders('kim', evaluate(catalog, p, d(asOf)));

describe('dueReminders', () => {
  it('walks the deadline thresholds as the clock moves, one key per threshold', () => {
    // The CPT cycle ends 2027-03-01.
    expect(due('2026-11-30').filter((r) => r.credentialId === 'cpt')).toEqual([]);
    const keys = new Set<string>();
    for (let day = d('2026-11-01'); day <= d('2027-03-01'); day = addDays(day, 1)) {
      for (const r of due(day).filter((x) => x.credentialId === 'cpt')) keys.add(r.key);
    }
    expect([...keys]).toEqual(['kim/cpt/cycle-1/deadline-90', 'kim/cpt/cycle-1/deadline-60', 'kim/cpt/cycle-1/deadline-30', 'kim/cpt/cycle-1/deadline-7']);
    const r = due('2027-02-25').find((x) => x.credentialId === 'cpt')!;
    expect(r).toMatchObject({ threshold: 'deadline-7', dueOn: '2027-02-22', subject: 'NASM Certified Personal Trainer (NASM-CPT) (cpt): deadline 2027-03-01' });
    expect(r.body).toContain('CEU still missing');
  });

  it('after downtime only the latest threshold is due', () => {
    expect(due('2027-02-27').filter((x) => x.credentialId === 'cpt').map((x) => x.threshold)).toEqual(['deadline-7']);
  });

  it('reminds on entering grace and one week before grace ends; nothing once met or lapsed', () => {
    const grace = due('2027-03-05').find((x) => x.credentialId === 'cpt')!;
    expect(grace.threshold).toBe('grace-entry');
    const report = evaluate(catalog, profile, d('2027-03-05')).credentials.find((c) => c.id === 'cpt')!;
    // NASM: with the CE still unmet, it lapses when the 90-day CE window ends, not a year after expiry.
    expect(report.ceWindowEnds).toBe('2027-05-30');
    expect(grace.subject).toContain('complete the CE by 2027-05-30');
    const lastWeek = due(addDays(report.ceWindowEnds!, -3)).find((x) => x.credentialId === 'cpt')!;
    expect(lastWeek.threshold).toBe('grace-ends-7');
    expect(lastWeek.dueOn).toBe(addDays(report.ceWindowEnds!, -7));
    expect(due(addDays(report.ceWindowEnds!, 1)).find((x) => x.credentialId === 'cpt')).toBeUndefined();
    const met: Profile = { ...profile, credentials: [profile.credentials[0]!, { id: 'cpr', program: 'cpr-aed', earned: d('2026-06-01') }], activities: [{ id: 'a1', title: 'Course', completed: d('2026-01-10'), credits: [{ body: 'nasm', units: 2 }] }] };
    expect(due('2027-02-25', met).find((x) => x.credentialId === 'cpt')).toBeUndefined();
  });

  it('reminds before a CPR/AED card expires', () => {
    const card = evaluate(catalog, profile, d('2026-01-01')).credentials.find((c) => c.id === 'cpr')!;
    const expiry = card.cycle!.end;
    expect(due(addDays(expiry, -91)).find((x) => x.credentialId === 'cpr')).toBeUndefined();
    expect(due(addDays(expiry, -45)).find((x) => x.credentialId === 'cpr')).toMatchObject({ threshold: 'card-60', key: 'kim/cpr/cycle-1/card-60' });
    expect(due(addDays(expiry, 1)).find((x) => x.credentialId === 'cpr')).toBeUndefined();
  });
});
