import { describe, expect, it } from 'vitest';
import { calendarDate as d } from '../shared/calendar-date.js';
import { buildBuckets } from './buckets.js';
import type { Requirement } from './requirement.js';

const req = (windowStart: string, windowEnd: string, coverageFrom?: string): Requirement => ({
  windowStart: d(windowStart), windowEnd: d(windowEnd), end: d(windowEnd),
  coverage: coverageFrom === undefined ? [] : [{ from: d(coverageFrom) }],
} as unknown as Requirement);

describe('time buckets', () => {
  it('cut at window starts and ends and at the first day a new card covers a deadline', () => {
    const buckets = buildBuckets([req('2026-11-01', '2028-11-01', '2026-11-01'), req('2028-11-02', '2030-11-01', '2028-11-01')], d('2026-11-01'), false);
    expect(buckets.map((b) => `${b.start}..${b.end}`)).toEqual(['2026-11-01..2028-10-31', '2028-11-01..2028-11-01', '2028-11-02..2030-11-01']);
  });

  it('also cut at each 1 January when a per-year rule applies', () => {
    const buckets = buildBuckets([req('2026-06-01', '2027-06-01')], d('2026-06-01'), true);
    expect(buckets.map((b) => [b.start, b.year])).toEqual([['2026-06-01', 2026], ['2027-01-01', 2027]]);
  });
});
