import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  addMonths, addDays, calendarDate, dateProblem, daysBetween, endOfMonth, endOfYear, isCalendarDate, monthsBetween, startOfYear, yearOf, type CalendarDate,
} from './calendar-date.js';

const d = calendarDate;

describe('calendar dates', () => {
  it('accepts real dates and rejects impossible ones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('2025-01-01T00:00')).toBe(false);
    expect(() => calendarDate('31/01/2024')).toThrow(/not a calendar date/);
  });

  it('says in words what is wrong with an impossible date', () => {
    expect(dateProblem('2026-02-30')).toBe('2026 has no 30 February (February 2026 has 28 days)');
    expect(dateProblem('2025-02-29')).toBe('2025 has no 29 February (February 2025 has 28 days)');
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem('2026-04-31')).toBe('2026 has no 31 April (April 2026 has 30 days)');
    expect(dateProblem('2026-13-01')).toBe('there is no month 13 (months run 01 to 12) in 2026-13-01');
    expect(dateProblem('2026-00-10')).toMatch(/no month 0/);
    expect(dateProblem('2026-05-00')).toBe('there is no day 0 in 2026-05-00');
    expect(dateProblem('1899-12-31')).toBe('the year 1899 is outside 1900–2999');
    expect(dateProblem('31/01/2024')).toBe('expected a date "YYYY-MM-DD", got "31/01/2024"');
    expect(() => calendarDate('2026-02-30')).toThrow('not a calendar date: 2026 has no 30 February');
  });

  it('adds 24 months to the 31st of January exactly', () => {
    expect(addMonths(d('2024-01-31'), 24)).toBe('2026-01-31');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addMonths(d('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(d('2025-01-31'), 1)).toBe('2025-02-28');
    expect(addMonths(d('2023-03-31'), -1)).toBe('2023-02-28');
    expect(addMonths(d('2024-08-31'), 1)).toBe('2024-09-30');
  });

  it('keeps a leap day only when the target year has one', () => {
    expect(addMonths(d('2024-02-29'), 12)).toBe('2025-02-28');
    expect(addMonths(d('2024-02-29'), 24)).toBe('2026-02-28');
    expect(addMonths(d('2024-02-29'), 48)).toBe('2028-02-29');
  });

  it('finds month and year ends, including February in leap years', () => {
    expect(endOfMonth(d('2024-02-10'))).toBe('2024-02-29');
    expect(endOfMonth(d('2100-02-10'))).toBe('2100-02-28');
    expect(endOfMonth(d('2026-12-01'))).toBe('2026-12-31');
    expect(endOfYear(d('2026-03-04'))).toBe('2026-12-31');
  });

  it('counts days and whole months between dates', () => {
    expect(daysBetween(d('2024-02-28'), d('2024-03-01'))).toBe(2);
    expect(daysBetween(d('2025-02-28'), d('2025-03-01'))).toBe(1);
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
    expect(monthsBetween(d('2024-01-01'), d('2025-06-30'))).toBe(17);
    expect(monthsBetween(d('2024-01-31'), d('2024-02-29'))).toBe(0);
    expect(monthsBetween(d('2024-01-01'), d('2023-12-31'))).toBe(0);
    expect(monthsBetween(d('2024-01-01'), d('2023-11-30'))).toBe(-1);
  });
});

describe('isCalendarDate agrees with Temporal on every day', () => {
  it('accepts exactly the real dates of 1900–2999, checked against Temporal.PlainDate', async () => {
    const { Temporal } = await import('temporal-polyfill');
    const real = (text: string): boolean => { try { Temporal.PlainDate.from(text, { overflow: 'reject' }); return true; } catch { return false; } };
    for (const year of [1900, 1999, 2000, 2024, 2025, 2100, 2400, 2999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isCalendarDate(text), text).toBe(real(text));
        }
      }
    }
  });
});

describe('integer date arithmetic agrees with Temporal.PlainDate', () => {
  // A deterministic sweep: every 7th day from 1900 to 2999 for days, plus month-end and leap-day edges.
  const starts: string[] = [];
  for (let d = Temporal.PlainDate.from('1900-01-01'); Temporal.PlainDate.compare(d, Temporal.PlainDate.from('2999-12-31')) <= 0; d = d.add({ days: 1009 })) starts.push(d.toString());
  starts.push('2024-01-31', '2024-02-29', '2023-02-28', '2000-02-29', '1900-02-28', '2100-02-28', '2024-12-31', '2025-03-31');
  const offsets = [-800, -366, -365, -31, -30, -29, -1, 0, 1, 28, 29, 30, 31, 59, 365, 366, 1461, 3000];
  const monthOffsets = [-25, -12, -1, 0, 1, 2, 11, 12, 13, 24, 36, 120];

  it('addDays, daysBetween', () => {
    const mismatches: string[] = [];
    for (const start of starts) {
      const date = calendarDate(start);
      for (const n of offsets) {
        const expected = Temporal.PlainDate.from(start).add({ days: n }).toString();
        if (addDays(date, n) !== expected) mismatches.push(`addDays(${start}, ${n}) = ${addDays(date, n)}, not ${expected}`);
        if (daysBetween(date, expected as CalendarDate) !== n) mismatches.push(`daysBetween(${start}, ${expected}) = ${daysBetween(date, expected as CalendarDate)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('addMonths (clamped), endOfMonth, endOfYear, yearOf', () => {
    const mismatches: string[] = [];
    for (const start of starts) {
      const date = calendarDate(start);
      const plain = Temporal.PlainDate.from(start);
      for (const n of monthOffsets) {
        const expected = plain.add({ months: n }, { overflow: 'constrain' }).toString();
        if (addMonths(date, n) !== expected) mismatches.push(`addMonths(${start}, ${n}) = ${addMonths(date, n)}, not ${expected}`);
      }
      if (endOfMonth(date) !== plain.with({ day: plain.daysInMonth }).toString()) mismatches.push(`endOfMonth(${start})`);
      if (endOfYear(date) !== plain.with({ month: 12, day: 31 }).toString()) mismatches.push(`endOfYear(${start})`);
      if (yearOf(date) !== plain.year) mismatches.push(`yearOf(${start})`);
      if (startOfYear(plain.year) !== plain.with({ month: 1, day: 1 }).toString()) mismatches.push(`startOfYear(${plain.year})`);
    }
    expect(mismatches).toEqual([]);
  });

  it('monthsBetween, both ways, from every day of a leap year and its neighbour to every day of five years', { timeout: 30_000 }, () => {
    const mismatches: string[] = [];
    const froms: Temporal.PlainDate[] = [];
    for (let d = Temporal.PlainDate.from('2023-01-01'); d.year < 2025; d = d.add({ days: 1 })) froms.push(d);
    const tos: string[] = [];
    for (let d = Temporal.PlainDate.from('2021-01-01'); d.year < 2027; d = d.add({ days: 3 })) tos.push(d.toString());
    tos.push('2023-02-28', '2024-02-29', '2024-03-31', '2024-01-31', '2025-02-28', '2024-04-30');
    for (const from of froms) {
      const date = calendarDate(from.toString());
      for (const to of tos) {
        const expected = from.until(Temporal.PlainDate.from(to), { largestUnit: 'months' }).months;
        if (monthsBetween(date, to as CalendarDate) !== expected) mismatches.push(`monthsBetween(${date}, ${to}) = ${monthsBetween(date, to as CalendarDate)}, not ${expected}`);
      }
    }
    for (const start of starts) {
      const plain = Temporal.PlainDate.from(start);
      for (const n of offsets) {
        const to = plain.add({ days: n * 7 });
        const expected = plain.until(to, { largestUnit: 'months' }).months;
        if (to.year >= 1900 && to.year <= 2999 && monthsBetween(calendarDate(start), to.toString() as CalendarDate) !== expected) mismatches.push(`monthsBetween(${start}, ${to})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('dateProblem names the days of the month Temporal gives', () => {
    for (let year = 1900; year <= 2999; year += 1) {
      for (let month = 1; month <= 12; month++) {
        const days = Temporal.PlainDate.from({ year, month, day: 1 }).daysInMonth;
        const text = `${year}-${String(month).padStart(2, '0')}-${String(days + 1).padStart(2, '0')}`;
        if (days + 1 <= 31) expect(dateProblem(text), text).toContain(`has ${days} days`);
        expect(dateProblem(`${year}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`)).toBeUndefined();
      }
    }
  });
});

describe('isCalendarDate reads character codes', () => {
  it('answers as the ISO pattern, the year range and Temporal do, on every day of 1899–3000 and on malformed dates', () => {
    const texts: string[] = [];
    const pad = (n: number, width: number): string => String(n).padStart(width, '0');
    for (let year = 1899; year <= 3000; year++) {
      for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) texts.push(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
    }
    texts.push('', '2026-1-01', '2026-01-1', '2026/01/01', '2026-01-01 ', ' 2026-01-01', '+026-01-01', '2026-0a-01', '2026-01-0:', '20260-01-01', '0000-01-01', '9999-12-31', '١٢٣٤-01-01', '2026-02-29', '2024-02-29', '2100-02-29', '2000-02-29');
    // The rule the function had when it parsed slices: the ISO pattern, years 1900–2999, a real day.
    const reference = (text: string): boolean => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
      const year = Number(text.slice(0, 4));
      if (year < 1900 || year > 2999) return false;
      try { Temporal.PlainDate.from(text, { overflow: 'reject' }); return true; } catch { return false; }
    };
    expect(texts.filter((text) => isCalendarDate(text) !== reference(text))).toEqual([]);
  });
});
