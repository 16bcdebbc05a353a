import { describe, expect, it } from 'vitest';
import type { Program, RuleVersion } from '../catalog/schema.js';
import { calendarDate as d, type CalendarDate } from '../shared/calendar-date.js';
import { buildCycles, fixedPeriodStart } from './cycles.js';

const own = { confidence: 'own' as const, source: { title: 'test' } };

function program(validity: RuleVersion['validity'], renewal: Partial<NonNullable<RuleVersion['renewal']>> = {}): Program {
  return {
    id: 'p', name: 'P', kind: 'certification', body: 'b',
    rules: [{
      from: d('2000-01-01'), fromBasis: 'test', unit: { name: 'CEU', hoursPerUnit: { value: 10, ...own } },
      validity,
      renewal: { method: 'continuing-education', extendsFrom: { value: 'old-expiry', ...own }, grace: { value: { months: 6 }, ...own }, ...renewal },
      grants: [], fees: [], notes: [],
    }],
  };
}
const months = (n: number, expiresOn: 'anniversary' | 'end-of-month' | 'end-of-year' = 'anniversary'): RuleVersion['validity'] =>
  ({ kind: 'months', months: { value: n, ...own }, expiresOn: { value: expiresOn, ...own } });
const cred = (earned: string) => ({ id: 'c', program: 'p', earned: d(earned) });
const renewal = (date: string) => ({ credential: 'c', date: d(date) });
const cyclesOf = (p: Program, earned: string, renewals: string[], asOf: string) => {
  const track = buildCycles(p, cred(earned), renewals.map(renewal), d(asOf));
  if (track.kind !== 'cycles') throw new Error(track.kind);
  return track;
};

describe('cycles', () => {
  it('runs a first cycle of 24 months from the date earned, exact at month ends', () => {
    const [first] = cyclesOf(program(months(24)), '2024-01-31', [], '2024-06-01').cycles;
    expect(first).toMatchObject({ start: '2024-01-31', end: '2026-01-31', basis: 'earned' });
  });

  it('ends a leap-day cycle on 28 February when the end year has no leap day', () => {
    const [first] = cyclesOf(program(months(24)), '2024-02-29', [], '2024-06-01').cycles;
    expect(first?.end).toBe('2026-02-28');
  });

  it('rounds to the end of the month or year when the program says so', () => {
    expect(cyclesOf(program(months(24, 'end-of-month')), '2025-03-04', [], '2025-06-01').cycles[0]?.end).toBe('2027-03-31');
    expect(cyclesOf(program(months(36, 'end-of-year')), '2023-05-10', [], '2025-06-01').cycles[0]?.end).toBe('2026-12-31');
  });

  it('extends a renewed cycle from the old expiry, not from the renewal date', () => {
    const { cycles } = cyclesOf(program(months(24)), '2025-01-15', ['2026-11-01'], '2027-02-01');
    expect(cycles.map((c) => [c.start, c.end, c.windowEnd])).toEqual([
      ['2025-01-15', '2027-01-15', '2027-01-15'],
      ['2027-01-16', '2029-01-15', '2029-01-15'],
    ]);
    expect(cycles[0]?.renewedOn).toBe('2026-11-01');
  });

  it('restarts from the renewal date when the program renews by a new course, closing the old window', () => {
    const p = program(months(24, 'end-of-month'), { method: 'new-course', extendsFrom: { value: 'renewal-date', ...own } });
    const { cycles } = cyclesOf(p, '2024-03-10', ['2025-12-05'], '2026-01-01');
    expect(cycles.map((c) => [c.start, c.end, c.windowEnd])).toEqual([
      ['2024-03-10', '2026-03-31', '2025-12-04'],
      ['2025-12-05', '2027-12-31', '2027-12-31'],
    ]);
  });

  it('keeps the original schedule for a renewal inside the grace period', () => {
    const { cycles, findings } = cyclesOf(program(months(24)), '2025-01-15', ['2027-03-01'], '2027-04-01');
    expect(cycles[1]).toMatchObject({ start: '2027-01-16', end: '2029-01-15', basis: 'renewed' });
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'late-renewal', date: '2027-03-01' }));
  });

  it('starts a new cycle on reinstatement after the grace period', () => {
    const { cycles, findings } = cyclesOf(program(months(24)), '2025-01-15', ['2027-09-01'], '2027-10-01');
    expect(cycles[1]).toMatchObject({ start: '2027-09-01', end: '2029-09-01', basis: 'reinstated' });
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'reinstated', lapsedFrom: '2027-01-16' }));
  });

  it('ignores renewals dated after the as-of date', () => {
    const { cycles, findings } = cyclesOf(program(months(24)), '2025-01-15', ['2027-01-10'], '2026-06-01');
    expect(cycles).toHaveLength(1);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'renewal-ignored', why: 'after-as-of' }));
  });

  it('aligns calendar periods to the anchor, both before and after it', () => {
    const v = { kind: 'fixed-periods' as const, anchor: d('2024-01-01'), years: { value: 3, ...own } };
    const start = (date: string): CalendarDate => fixedPeriodStart(v, d(date));
    expect(start('2024-01-01')).toBe('2024-01-01');
    expect(start('2026-12-31')).toBe('2024-01-01');
    expect(start('2027-01-01')).toBe('2027-01-01');
    expect(start('2023-12-31')).toBe('2021-01-01');
    expect(start('2018-01-01')).toBe('2018-01-01');
    const { cycles } = cyclesOf(program(v), '2025-03-01', ['2026-12-01'], '2027-02-01');
    expect(cycles.map((c) => [c.start, c.end])).toEqual([['2025-03-01', '2026-12-31'], ['2027-01-01', '2029-12-31']]);
  });

  it('lays out cycles earned before the first rule version with that version, and says so', () => {
    const { cycles, findings } = cyclesOf(program(months(24)), '1999-05-01', ['2001-04-01'], '2001-06-01');
    expect(cycles.map((c) => [c.start, c.end])).toEqual([['1999-05-01', '2001-05-01'], ['2001-05-02', '2003-05-01']]);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'cycles-before-catalog', firstFrom: '2000-01-01' }));
  });
});
