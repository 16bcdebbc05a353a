/**
 * Which CE activities count toward one cycle of one credential, and how much after category caps.
 * Activities are taken in completion order (ties by id), so a cap cuts the latest ones.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ProrationRow, RuleVersion } from '../catalog/schema.js';
import { yearOf, type CalendarDate } from '../shared/calendar-date.js';
import { fromMilli, toMilli } from '../shared/units.js';
import type { Activity } from '../profile/profile-schema.js';
import { categoryCaps, type CategoryCaps } from './category-caps.js';
import type { Cycle } from './cycles.js';
import { finding, type Finding, type NotCountedReason } from './findings.js';

export interface Contribution {
  readonly source: 'activity' | 'grant';
  readonly id: string;
  readonly milli: number;
  readonly category?: string | undefined;
}

export interface ActivityCount {
  readonly contributions: readonly Contribution[];
  readonly findings: readonly Finding[];
  readonly notCounted: readonly { id: string; reason: NotCountedReason }[];
  /** Per activity in counting order: 1 when it counted (its contribution is the next one), else 0 (its refusal is the next one). */
  readonly countedAt: Uint8Array;
  /** The cap that stopped an activity refused as over the cap, by its position in counting order. */
  readonly capAt: ReadonlyMap<number, { cap: number; perYear: boolean }>;
}

export interface CountContext {
  readonly catalog: Catalog;
  readonly body: string;
  readonly unit: string;
  readonly rule: RuleVersion;
  readonly cycle: Cycle;
  /** Every cycle of the credential, to tell "counted in an earlier cycle" from "outside". */
  readonly cycles: readonly Cycle[];
  readonly earned: CalendarDate;
  readonly asOf: CalendarDate;
  readonly proration?: ProrationRow | undefined;
}

const NO_CAPS: ReadonlyMap<number, { cap: number; perYear: boolean }> = new Map();

/** Activities in completion order, ties by id: the order they are counted in (sort once per profile). */
export function inCountingOrder(activities: readonly Activity[]): readonly Activity[] {
  // Wallets are mostly entered in date order: when each activity comes strictly after the one before,
  // that is the only counting order, and the list is returned as it is (it is only read).
  let ordered = true;
  for (let i = 1; i < activities.length && ordered; i++) ordered = before(activities[i - 1]!, activities[i]!);
  if (ordered) return activities;
  return activities.slice().sort((a, b) => (a.completed === b.completed ? (a.id < b.id ? -1 : 1) : a.completed < b.completed ? -1 : 1));
}

/** `a` is counted strictly before `b`: completed earlier, or the same day with a smaller id. */
function before(a: Activity, b: Activity): boolean {
  return a.completed < b.completed || (a.completed === b.completed && a.id < b.id);
}

/**
 * Counts `activities` toward one cycle. `ordered` says they are already in counting order
 * (inCountingOrder). With `withFindings` false the findings list stays empty: the counting is the same,
 * and the evaluation builds the findings (one per activity, activityFindings) only when a reader asks.
 */
export function countActivities(activities: readonly Activity[], ctx: CountContext, options: { readonly ordered?: boolean; readonly withFindings?: boolean } = {}): ActivityCount {
  const contributions: Contribution[] = [];
  const notCounted: { id: string; reason: NotCountedReason }[] = [];
  // Made when first needed: most cycles of most wallets meet no category cap, and a wallet has many cycles.
  let usedPerCycle: Map<string, number> | undefined;
  // Per category, then per year (a number: no key string made per activity).
  let usedPerYear: Map<string, Map<number, number>> | undefined;
  let capAt: Map<number, { cap: number; perYear: boolean }> | undefined;
  let capsMemo: Map<string, CapsMemo> | undefined;

  const ordered = options.ordered === true ? activities : inCountingOrder(activities);
  const countedAt = new Uint8Array(ordered.length);
  const reject = (activity: Activity, reason: NotCountedReason): void => {
    notCounted.push(Object.freeze({ id: activity.id, reason }));
  };
  const body = ctx.body;
  for (let i = 0; i < ordered.length; i++) {
    const activity = ordered[i]!;
    const credit = creditFor(activity, body);
    if (credit === undefined) { reject(activity, 'not-approved'); continue; }
    const placement = placeInCycles(activity.completed, ctx);
    if (placement !== 'this') { reject(activity, placement); continue; }

    const granted = toMilli(credit.units);
    let milli = granted;
    let limitedBy: { cap: number; perYear: boolean } | undefined;
    const category = credit.category === undefined ? undefined : capsAt(capsMemo ??= new Map(), ctx, credit.category, activity.completed);
    if (category !== undefined) {
      const perCycleCap = category.maxPerCycle;
      if (perCycleCap !== undefined) {
        const room = perCycleCap - (usedPerCycle?.get(category.id) ?? 0);
        if (room < milli) { milli = Math.max(0, room); limitedBy = { cap: perCycleCap, perYear: false }; }
      }
      if (category.maxPerYear !== undefined) {
        const room = category.maxPerYear - (usedPerYear?.get(category.id)?.get(yearOf(activity.completed)) ?? 0);
        if (room < milli) { milli = Math.max(0, room); limitedBy = { cap: category.maxPerYear, perYear: true }; }
      }
    }
    if (milli === 0) {
      reject(activity, 'over-cap');
      if (limitedBy !== undefined) (capAt ??= new Map()).set(i, limitedBy);
      continue;
    }
    if (category !== undefined) {
      usedPerCycle ??= new Map();
      usedPerYear ??= new Map();
      usedPerCycle.set(category.id, (usedPerCycle.get(category.id) ?? 0) + milli);
      let years = usedPerYear.get(category.id);
      if (years === undefined) usedPerYear.set(category.id, (years = new Map()));
      const year = yearOf(activity.completed);
      years.set(year, (years.get(year) ?? 0) + milli);
    }
    contributions.push({ source: 'activity', id: activity.id, milli, category: credit.category });
    countedAt[i] = 1;
  }
  const count = { contributions, findings: [], notCounted, countedAt, capAt: capAt ?? NO_CAPS };
  return options.withFindings === false ? count : { ...count, findings: activityFindings(ordered, count, ctx) };
}

/** One finding per activity, in counting order, from a count of `ordered` (the same activities, same order). */
export function activityFindings(ordered: readonly Activity[], count: ActivityCount, ctx: Pick<CountContext, 'body' | 'unit'>): Finding[] {
  const findings: Finding[] = new Array<Finding>(ordered.length);
  let nextCounted = 0;
  let nextRefused = 0;
  for (let i = 0; i < ordered.length; i++) {
    const activity = ordered[i]!;
    const credit = creditFor(activity, ctx.body);
    if (count.countedAt[i] === 1) {
      const { milli } = count.contributions[nextCounted++]!;
      findings[i] = finding({
        kind: 'activity-counted', activity: activity.id, title: activity.title, completed: activity.completed,
        units: fromMilli(milli), granted: fromMilli(toMilli(credit!.units)), unit: ctx.unit, category: credit!.category,
      });
    } else {
      const { reason } = count.notCounted[nextRefused++]!;
      const limitedBy = reason === 'over-cap' ? count.capAt.get(i) : undefined;
      // Two literals rather than a spread of the cap: a spread at the end of a literal is slow, and there is one per activity.
      findings[i] = limitedBy === undefined
        ? finding({ kind: 'activity-not-counted', activity: activity.id, title: activity.title, completed: activity.completed, reason, body: ctx.body, category: credit?.category })
        : finding({ kind: 'activity-not-counted', activity: activity.id, title: activity.title, completed: activity.completed, reason, body: ctx.body, category: credit?.category, cap: fromMilli(limitedBy.cap), perYear: limitedBy.perYear });
    }
  }
  return findings;
}

function creditFor(activity: Activity, body: string): Activity['credits'][number] | undefined {
  const credits = activity.credits;
  for (let i = 0; i < credits.length; i++) if (credits[i]!.body === body) return credits[i];
  return undefined;
}

function placeInCycles(date: CalendarDate, ctx: CountContext): 'this' | NotCountedReason {
  if (date > ctx.asOf) return 'after-as-of';
  if (date < ctx.earned) return 'before-earned';
  if (date >= ctx.cycle.countFrom && date <= ctx.cycle.windowEnd) return 'this';
  const other = ctx.cycles.find((cycle) => date >= cycle.countFrom && date <= cycle.windowEnd);
  if (other?.rolledOver === true) return 'before-period';
  if (other === undefined) {
    if (date < ctx.cycle.countFrom) return 'in-lapse';
    // After the last cycle's window: done in grace or after a lapse, not inside any cycle.
    return ctx.cycle === ctx.cycles[ctx.cycles.length - 1] ? 'after-expiry' : 'later-cycle';
  }
  return other.index < ctx.cycle.index ? 'earlier-cycle' : 'later-cycle';
}

function capsOf(id: string, caps: CategoryCaps | undefined): (CategoryCaps & { id: string }) | undefined {
  return caps === undefined ? undefined : { id, maxPerCycle: caps.maxPerCycle, maxPerYear: caps.maxPerYear };
}

/**
 * The caps of one category within one count: categoryCaps depends on the activity's date only through
 * whether the category's caps apply yet (`appliesFrom`), so each category has two answers at most.
 */
interface CapsMemo {
  readonly appliesFrom: CalendarDate | undefined;
  applying?: (CategoryCaps & { id: string }) | null;
  notYet?: (CategoryCaps & { id: string }) | null;
}

function capsAt(memo: Map<string, CapsMemo>, ctx: CountContext, categoryId: string, date: CalendarDate): (CategoryCaps & { id: string }) | undefined {
  let entry = memo.get(categoryId);
  if (entry === undefined) memo.set(categoryId, (entry = { appliesFrom: ctx.rule.requirements?.categories.find((c) => c.id === categoryId)?.appliesFrom }));
  const applies = entry.appliesFrom === undefined || date >= entry.appliesFrom;
  let caps = applies ? entry.applying : entry.notYet;
  if (caps === undefined) {
    caps = capsOf(categoryId, categoryCaps(ctx.rule, ctx.proration, categoryId, date)) ?? null;
    if (applies) entry.applying = caps;
    else entry.notYet = caps;
  }
  return caps ?? undefined;
}
