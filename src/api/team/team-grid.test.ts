import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/calendar-date.js';
import { atRisk, filterRows, membersAtRiskByMonth, sortRows, toCsv, type TeamRow } from './team-grid.js';

const asOf = calendarDate('2026-06-01');
const row = (over: Partial<TeamRow>): TeamRow => ({
  personId: 'p1', name: 'Ana', credentialId: 'cpt', program: 'nasm-cpt', programName: 'NASM CPT', status: 'in-progress',
  deadline: calendarDate('2026-09-30'), missing: 1, unit: 'CEU', unmet: [], ...over,
});

describe('the team grid', () => {
  it('keeps only deadlines inside the due window, and never lapsed ones', () => {
    const rows = [
      row({ credentialId: 'in-20', deadline: calendarDate('2026-06-21') }),
      row({ credentialId: 'in-45', deadline: calendarDate('2026-07-16') }),
      row({ credentialId: 'lapsed', status: 'lapsed', deadline: calendarDate('2026-06-10') }),
      row({ credentialId: 'past', deadline: calendarDate('2026-05-31') }),
      row({ credentialId: 'none', deadline: null }),
    ];
    const ids = (q: Parameters<typeof filterRows>[1]) => filterRows(rows, q, asOf).map((r) => r.credentialId);
    expect(ids({ dueWithinDays: 30, sort: 'deadline', order: 'asc' })).toEqual(['in-20']);
    expect(ids({ dueWithinDays: 60, sort: 'deadline', order: 'asc' })).toEqual(['in-20', 'in-45']);
    expect(ids({ lapsed: true, sort: 'deadline', order: 'asc' })).toEqual(['lapsed']);
    expect(ids({ program: 'ace-cpt', sort: 'deadline', order: 'asc' })).toEqual([]);
  });

  it('sorts with a total order (ties by name, person, credential), missing deadlines last', () => {
    const rows = [row({ personId: 'b', name: 'Bo', deadline: null }), row({ personId: 'c', name: 'Cy' }), row({ personId: 'a', name: 'Al' })];
    expect(sortRows([...rows], 'deadline', 'asc').map((r) => r.personId)).toEqual(['a', 'c', 'b']);
    expect(sortRows([...rows], 'name', 'desc').map((r) => r.personId)).toEqual(['c', 'b', 'a']);
    expect(sortRows([row({ status: 'current', personId: 'x' }), row({ status: 'lapsed', personId: 'y' })], 'status', 'asc').map((r) => r.personId)).toEqual(['y', 'x']);
  });

  it('counts each member once per month in which something is still missing before a deadline', () => {
    const rows = [
      row({ personId: 'p1', credentialId: 'a', deadline: calendarDate('2026-06-20') }),
      row({ personId: 'p1', credentialId: 'b', deadline: calendarDate('2026-06-25') }),
      row({ personId: 'p2', deadline: calendarDate('2026-08-01'), missing: 0, status: 'current' }),
      row({ personId: 'p3', deadline: calendarDate('2026-08-31'), status: 'grace', missing: 0 }),
      row({ personId: 'p4', deadline: calendarDate('2027-06-01') }),
    ];
    const months = membersAtRiskByMonth(rows, asOf);
    expect(months).toHaveLength(12);
    expect(months.slice(0, 3)).toEqual([{ month: '2026-06', members: 1 }, { month: '2026-07', members: 0 }, { month: '2026-08', members: 1 }]);
    expect(months.at(-1)).toEqual({ month: '2027-05', members: 0 });
    expect(atRisk(row({ status: 'lapsed' }))).toBe(false);
  });

  it('writes CSV with quoting and defuses spreadsheet formulas', () => {
    const csv = toCsv([row({ name: 'Smith, "Jo"', unmet: ['CPR/AED', 'ethics'] }), row({ name: '=cmd()' })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('member,person_id,credential,program,status,deadline,missing,unit,unmet');
    expect(lines[1]).toBe('"Smith, ""Jo""",p1,cpt,NASM CPT,in-progress,2026-09-30,1,CEU,CPR/AED; ethics');
    expect(lines[2]).toMatch(/^'=cmd\(\),/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
