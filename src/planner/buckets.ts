/**
 * Time in the model. The days from the as-of date to the last deadline are cut into buckets wherever
 * something changes: a cycle window starts or ends, a deadline passes, a newly earned CPR/AED card would
 * start to be valid long enough for a deadline, a calendar year starts (when a per-year cap or a yearly
 * budget applies). Inside one bucket every day is equivalent for every rule, so "complete it in this
 * bucket" is exact, and one date per bucket is enough to check a plan.
 */
import { addDays, startOfYear, yearOf, type CalendarDate } from '../shared/calendar-date.js';
import type { Requirement } from './requirement.js';

export interface Bucket {
  readonly index: number;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly year: number;
}

export function buildBuckets(requirements: readonly Requirement[], asOf: CalendarDate, splitYears: boolean): Bucket[] {
  if (requirements.length === 0) return [];
  const last = requirements.map((r) => r.end).reduce((a, b) => (a > b ? a : b));
  const breaks = new Set<CalendarDate>([asOf]);
  const add = (date: CalendarDate): void => {
    if (date > asOf && date <= last) breaks.add(date);
  };
  for (const r of requirements) {
    add(r.windowStart);
    add(addDays(r.windowEnd, 1));
    add(addDays(r.end, 1));
    for (const c of r.coverage) add(c.from);
  }
  if (splitYears) for (let y = yearOf(asOf) + 1; y <= yearOf(last); y++) add(startOfYear(y));
  const starts = [...breaks].sort();
  return starts.map((start, i) => {
    const next = starts[i + 1];
    return { index: i, start, end: next === undefined ? last : addDays(next, -1), year: yearOf(start) };
  });
}

/** The buckets inside [from, to] (both are bucket boundaries by construction). */
export function bucketsWithin(buckets: readonly Bucket[], from: CalendarDate, to: CalendarDate): Bucket[] {
  return buckets.filter((b) => b.start >= from && b.end <= to);
}
