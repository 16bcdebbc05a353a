/**
 * Renewal cycles of one credential: where each starts and ends, and how renewals move them.
 * Cycles never overlap: a date belongs to at most one cycle (its counting window).
 */
import { ruleAt } from '../catalog/rule-at.js';
import type { Period, Program, RuleVersion, Validity } from '../catalog/schema.js';
import {
  addDays,
  addMonths,
  endOfMonth,
  endOfYear,
  minDate,
  monthsBetween,
  type CalendarDate,
} from '../shared/calendar-date.js';
import type { Credential, Renewal } from '../profile/profile-schema.js';
import { prorationRow } from './category-caps.js';
import { finding, type CycleBasis, type Finding } from './findings.js';

export interface Cycle {
  readonly index: number;
  readonly start: CalendarDate;
  /** Expiry: the last day the credential is valid in this cycle. */
  readonly end: CalendarDate;
  /** First day an activity counts in this cycle: `start`, or later when the previous cycle's CE window ran into it. */
  readonly countFrom: CalendarDate;
  /**
   * Last day an activity counts in this cycle: `end`, or the day before the next cycle starts; after a
   * late renewal (or with none yet) it reaches into the body's CE window after expiry, if it has one.
   */
  readonly windowEnd: CalendarDate;
  readonly basis: CycleBasis;
  readonly renewedOn?: CalendarDate | undefined;
  /** First day of the fixed period, for calendar-aligned programs (NSCA). */
  readonly periodStart?: CalendarDate | undefined;
  /** A first fixed period whose prorated requirement is zero: nothing is owed, and the next period follows by itself. */
  readonly rolledOver?: boolean | undefined;
}

export type CycleTrack =
  | { kind: 'never-expires' }
  | { kind: 'not-covered'; date: CalendarDate; firstFrom: CalendarDate }
  | { kind: 'cycles'; cycles: readonly Cycle[]; findings: readonly Finding[] };

type TimedValidity = Exclude<Validity, { kind: 'never' }>;

/** The cycles of `credential` given the renewals dated on or before `asOf`. */
export function buildCycles(program: Program, credential: Credential, renewals: readonly Renewal[], asOf: CalendarDate): CycleTrack {
  const findings: Finding[] = [];
  // A credential earned before the catalog's first rule version still has cycles: they are laid out
  // with the first known version's validity, and said so. Requirements are looked up per cycle, so only
  // a cycle that ends before the catalog begins is reported as not covered (by evaluate).
  const firstRule = ruleAt(program, credential.earned) ?? program.rules[0];
  if (firstRule === undefined) return notCovered(program, credential.earned);
  if (firstRule.validity.kind === 'never') return { kind: 'never-expires' };
  if (firstRule.from > credential.earned) findings.push(finding({ kind: 'cycles-before-catalog', earned: credential.earned, firstFrom: firstRule.from }));

  const cycles: Cycle[] = [];
  let current = cycleFrom(firstRule.validity, credential.earned, 0, 'earned');
  // A first fixed period that requires nothing (NSCA: certified in the second half of its last year) is
  // not renewed: the next period follows by itself, and CE counts from its first day.
  const firstPeriodRule = ruleAt(program, current.end);
  if (firstPeriodRule !== undefined && firstPeriodRule.validity.kind === 'fixed-periods' && prorationRow(firstPeriodRule, current, credential)?.totalUnits === 0) {
    cycles.push(cycleWith(current, current.countFrom, current.windowEnd, current.renewedOn, true));
    current = cycleFrom(firstPeriodRule.validity, addDays(current.end, 1), 1, 'rolled-over');
  }
  const own = renewals
    .filter((renewal) => renewal.credential === credential.id)
    .slice()
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  let lastRenewal: CalendarDate | undefined;
  for (const renewal of own) {
    if (renewal.date > asOf) {
      findings.push(finding({ kind: 'renewal-ignored', date: renewal.date, why: 'after-as-of' }));
      continue;
    }
    // The same renewal recorded twice must not renew the next cycle too.
    if (lastRenewal !== undefined && renewal.date <= lastRenewal) {
      findings.push(finding({ kind: 'renewal-ignored', date: renewal.date, why: 'duplicate' }));
      continue;
    }
    if (renewal.date < current.start) {
      findings.push(finding({ kind: 'renewal-ignored', date: renewal.date, why: 'before-cycle' }));
      continue;
    }
    lastRenewal = renewal.date;
    const rule = ruleAt(program, current.end) ?? program.rules[0];
    if (rule === undefined || rule.validity.kind === 'never') break;
    const validity = rule.validity;
    const graceEnd = graceEndOf(rule, current.end);
    let next: Cycle;
    // The old cycle's counting window: to its expiry (or the day before the next cycle), or, after a late
    // renewal, through the CE window after expiry up to the renewal date.
    let windowEnd: CalendarDate;
    if (renewal.date <= graceEnd) {
      const late = renewal.date > current.end;
      if (late) findings.push(finding({ kind: 'late-renewal', date: renewal.date, expired: current.end }));
      next = rule.renewal?.extendsFrom.value === 'renewal-date'
        ? cycleFrom(validity, renewal.date, current.index + 1, 'renewed')
        : cycleAfter(validity, current, current.index + 1);
      const ceEnd = ceWindowEndOf(rule, current.end);
      windowEnd = late && ceEnd !== undefined ? minDate(ceEnd, renewal.date) : endBefore(current.end, next.start);
    } else {
      findings.push(finding({ kind: 'reinstated', date: renewal.date, lapsedFrom: addDays(current.end, 1) }));
      next = cycleFrom(validity, renewal.date, current.index + 1, 'reinstated');
      windowEnd = endBefore(current.end, next.start);
    }
    cycles.push(cycleWith(current, current.countFrom, windowEnd, renewal.date, current.rolledOver));
    // Counting resumes the day after the old window (windowEnd + 1 > countFrom exactly when windowEnd >= countFrom).
    current = windowEnd >= next.countFrom ? cycleWith(next, addDays(windowEnd, 1), next.windowEnd, next.renewedOn, next.rolledOver) : next;
  }
  // Not renewed (yet): CE done in the body's CE window after expiry still counts toward this cycle.
  const lastRule = ruleAt(program, current.end);
  const ceEnd = lastRule === undefined ? undefined : ceWindowEndOf(lastRule, current.end);
  cycles.push(ceEnd === undefined ? current : cycleWith(current, current.countFrom, ceEnd, current.renewedOn, current.rolledOver));
  return { kind: 'cycles', cycles, findings };
}

/** The earlier of `end` and the day before `nextStart` (the day arithmetic only when the next cycle starts first). */
function endBefore(end: CalendarDate, nextStart: CalendarDate): CalendarDate {
  return nextStart > end ? end : addDays(nextStart, -1);
}

/**
 * A copy of `cycle` with some fields changed. Every cycle has every field (undefined when absent), in one
 * order: one object shape, and no object spread (slow on objects with optional fields, and a career wallet
 * makes many cycles).
 */
function cycleWith(cycle: Cycle, countFrom: CalendarDate, windowEnd: CalendarDate, renewedOn: CalendarDate | undefined, rolledOver: boolean | undefined): Cycle {
  return { index: cycle.index, start: cycle.start, end: cycle.end, countFrom, windowEnd, basis: cycle.basis, renewedOn, periodStart: cycle.periodStart, rolledOver };
}

/** The last day CE counts toward a cycle that expired on `expiry`, when the body has a CE window after expiry. */
export function ceWindowEndOf(rule: RuleVersion, expiry: CalendarDate): CalendarDate | undefined {
  const window = rule.renewal?.ceWindow?.value;
  return window == null ? undefined : addPeriod(expiry, window);
}

function notCovered(program: Program, date: CalendarDate): CycleTrack {
  const firstFrom = program.rules[0]?.from ?? date;
  return { kind: 'not-covered', date, firstFrom };
}

/** The last day a late renewal is still accepted: expiry + grace, or expiry itself when there is none. */
export function graceEndOf(rule: RuleVersion, expiry: CalendarDate): CalendarDate {
  const grace = rule.renewal?.grace?.value;
  return grace == null ? expiry : addPeriod(expiry, grace);
}

export function addPeriod(date: CalendarDate, period: Period): CalendarDate {
  return 'months' in period ? addMonths(date, period.months) : addDays(date, period.days);
}

/** A cycle that starts on `start` (earning, late reinstatement, or a renewal that restarts the clock). */
export function cycleFrom(validity: TimedValidity, start: CalendarDate, index: number, basis: CycleBasis): Cycle {
  if (validity.kind === 'fixed-periods') {
    const periodStart = fixedPeriodStart(validity, start);
    const end = addDays(addMonths(periodStart, 12 * yearsOf(validity)), -1);
    return { index, start, end, countFrom: start, windowEnd: end, basis, renewedOn: undefined, periodStart, rolledOver: undefined };
  }
  const end = expiryAfter(validity, start);
  return { index, start, end, countFrom: start, windowEnd: end, basis, renewedOn: undefined, periodStart: undefined, rolledOver: undefined };
}

/** The cycle that follows `previous` on an on-time renewal: from the old expiry. */
export function cycleAfter(validity: TimedValidity, previous: Cycle, index: number): Cycle {
  const start = addDays(previous.end, 1);
  if (validity.kind === 'fixed-periods') return cycleFrom(validity, start, index, 'renewed');
  const end = expiryAfter(validity, previous.end);
  return { index, start, end, countFrom: start, windowEnd: end, basis: 'renewed', renewedOn: undefined, periodStart: undefined, rolledOver: undefined };
}

/** `from` plus the validity months, rounded as the program says (same day, end of month, end of year). */
export function expiryAfter(validity: Extract<Validity, { kind: 'months' }>, from: CalendarDate): CalendarDate {
  const months = validity.months.value;
  if (months === null) throw new Error('validity months unconfirmed: the catalog must give a number for a timed validity');
  const raw = addMonths(from, months);
  switch (validity.expiresOn.value) {
    case 'end-of-month':
      return endOfMonth(raw);
    case 'end-of-year':
      return endOfYear(raw);
    default:
      return raw;
  }
}

function yearsOf(validity: Extract<Validity, { kind: 'fixed-periods' }>): number {
  const years = validity.years.value;
  if (years === null) throw new Error('fixed period length unconfirmed: the catalog must give a number');
  return years;
}

/** First day of the fixed period containing `date` (periods tile the calendar from the anchor both ways). */
export function fixedPeriodStart(validity: Extract<Validity, { kind: 'fixed-periods' }>, date: CalendarDate): CalendarDate {
  const length = 12 * yearsOf(validity);
  const offset = monthsBetween(validity.anchor, date);
  let k = Math.floor(offset / length);
  let start = addMonths(validity.anchor, k * length);
  if (start > date) start = addMonths(validity.anchor, --k * length);
  while (addMonths(start, length) <= date) start = addMonths(validity.anchor, ++k * length);
  return start;
}
