/**
 * Slots: the model's decision units. A slot is "complete offering i in one of these buckets". Each slot
 * lists its effects: units toward a cycle (in a category and calendar year), a program earned inside a
 * cycle (a grant), or a deadline on which an earned program is current (CPR/AED).
 * With merging on, the buckets in which an offering has exactly the same effects (and the same budget
 * year, and no study-load limit) form one slot: choosing among them changes nothing, so it is exact.
 */
import { offeringWindow } from '../catalog/course-catalog.js';
import type { Offering } from '../catalog/course-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Bucket } from './buckets.js';
import type { ResolvedOptions } from './plan-options.js';
import type { Requirement } from './requirement.js';

export type Effect =
  | { readonly kind: 'credit'; readonly req: number; readonly category: string | null; readonly year: number; readonly milli: number }
  | { readonly kind: 'grant'; readonly req: number; readonly program: string; readonly milli: number }
  | { readonly kind: 'cover'; readonly req: number; readonly coverage: number };

export interface Slot {
  readonly index: number;
  readonly offering: number;
  readonly buckets: readonly number[];
  /** For each bucket, the days (self-paced range) or the session dates on which the offering can be completed. */
  readonly dates: readonly { readonly bucket: number; readonly from: CalendarDate; readonly by: CalendarDate; readonly sessions: readonly CalendarDate[] | null }[];
  readonly effects: readonly Effect[];
  readonly year: number;
}

interface BucketContext {
  /** Requirements whose window contains the bucket. */
  readonly inWindow: readonly Requirement[];
  /** Coverage entries (requirement, coverage index) a completion in the bucket satisfies, with their program. */
  readonly covers: readonly { readonly req: number; readonly coverage: number; readonly program: string }[];
}

export function buildSlots(
  offerings: readonly Offering[], buckets: readonly Bucket[], requirements: readonly Requirement[], options: ResolvedOptions, merge: boolean,
): Slot[] {
  const contexts: BucketContext[] = buckets.map((b) => ({
    inWindow: requirements.filter((r) => r.windowStart <= b.start && b.end <= r.windowEnd),
    covers: requirements.flatMap((r) => r.coverage.flatMap((c, k) => (c.from <= b.start && b.end <= r.end && (c.kind === 'component' || r.demandMilli > 0) ? [{ req: r.index, coverage: k, program: c.program }] : []))),
  }));
  const slots: Slot[] = [];
  // An offering's effects in a bucket depend only on its shape (bodies, categories, earned program,
  // repeatable) and the bucket, not on its dates or units: computed once per shape and bucket.
  const effectsByShape = new Map<string, (BucketEffects | null | undefined)[]>();
  // Offerings available every day with the same shape also split the buckets the same way (their units
  // differ, not which rows they touch): grouped once per shape.
  const byShape = new Map<string, Group[]>();
  offerings.forEach((offering, o) => {
    const window = offeringWindow(offering);
    const open = window.kind === 'any-day' && window.from === undefined && window.until === undefined;
    // JSON, so that no body or category name can make two different credit lists one key (a name with
    // `:` or `,` in it would, in a joined string; the course schema allows only slugs, the planner's
    // callers need not go through it).
    const shape = JSON.stringify([offering.credits.map((c) => [c.body, c.category ?? null]), offering.earns ?? null, offering.repeatable]);
    let groups = open ? byShape.get(shape) : undefined;
    if (groups === undefined) {
      let perBucket = effectsByShape.get(shape);
      if (perBucket === undefined) effectsByShape.set(shape, (perBucket = new Array<BucketEffects | null | undefined>(buckets.length)));
      groups = groupBuckets(offering, window, buckets, contexts, options, merge, perBucket);
      if (open) byShape.set(shape, groups);
    }
    for (const group of groups) {
      slots.push({ index: slots.length, offering: o, buckets: group.buckets, dates: group.dates, effects: withUnits(group, offering), year: group.year });
    }
  });
  return slots;
}

/**
 * An offering shape's effects in one bucket, their key, and for each effect the offering's credit line it
 * takes its units from (−1 for grants and covers). Offerings of one shape list the same bodies in the same
 * order, so the line's position is the same for all of them.
 */
interface BucketEffects {
  readonly effects: Effect[];
  readonly key: string;
  readonly creditLine: readonly number[];
}

interface Group {
  readonly buckets: number[];
  readonly dates: Slot['dates'][number][];
  readonly effects: Effect[];
  /** The credit line of each effect (to put another offering's units in). */
  readonly creditLine: readonly number[];
  readonly year: number;
}

/**
 * The group's effects with this offering's units. A credit effect whose units equal the template's (those
 * of the offering of this shape that first reached the bucket) is shared, not copied (effects are never
 * changed after they are built).
 */
function withUnits(group: Group, offering: Offering): Effect[] {
  const { effects: template, creditLine } = group;
  const effects = new Array<Effect>(template.length);
  for (let k = 0; k < template.length; k++) {
    const e = template[k]!;
    const line = creditLine[k]!;
    if (line < 0 || e.kind !== 'credit') { effects[k] = e; continue; }
    const milli = offering.credits[line]!.milli;
    effects[k] = milli === e.milli ? e : { kind: 'credit', req: e.req, category: e.category, year: e.year, milli };
  }
  return effects;
}

function groupBuckets(
  offering: Offering, window: ReturnType<typeof offeringWindow>, buckets: readonly Bucket[], contexts: readonly BucketContext[], options: ResolvedOptions, merge: boolean,
  perBucket: (BucketEffects | null | undefined)[],
): Group[] {
  const groups = new Map<string, Group>();
  let sessionPointer = 0;
  for (const bucket of buckets) {
    let dates: Slot['dates'][number];
    if (window.kind === 'any-day') {
      const from = window.from !== undefined && window.from > bucket.start ? window.from : bucket.start;
      const by = window.until !== undefined && window.until < bucket.end ? window.until : bucket.end;
      if (from > by) continue;
      dates = { bucket: bucket.index, from, by, sessions: null };
    } else {
      while (sessionPointer < window.dates.length && window.dates[sessionPointer]! < bucket.start) sessionPointer++;
      const sessions: CalendarDate[] = [];
      for (let k = sessionPointer; k < window.dates.length && window.dates[k]! <= bucket.end; k++) sessions.push(window.dates[k]!);
      if (sessions.length === 0) continue;
      dates = { bucket: bucket.index, from: sessions[0]!, by: sessions[sessions.length - 1]!, sessions };
    }
    let here = perBucket[bucket.index];
    if (here === undefined) {
      const creditLine: number[] = [];
      const effects = effectsIn(offering, bucket, contexts[bucket.index]!, creditLine);
      here = perBucket[bucket.index] = effects.length === 0 ? null : { effects, key: effects.map(effectKey).join('|'), creditLine };
    }
    if (here === null) continue;
    let key = here.key;
    if (options.yearlyBudgetCents !== null) key += `|y${bucket.year}`;
    if (!merge || offering.repeatable || options.maxHoursPerMonth !== null) key += `|b${bucket.index}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { buckets: [bucket.index], dates: [dates], effects: here.effects, creditLine: here.creditLine, year: bucket.year });
    else { group.buckets.push(bucket.index); group.dates.push(dates); }
  }
  return [...groups.values()];
}

/** The effects of completing `offering` in `bucket`; `creditLine` gets each effect's credit line (−1: none). */
function effectsIn(offering: Offering, bucket: Bucket, context: BucketContext, creditLine: number[]): Effect[] {
  const effects: Effect[] = [];
  for (const r of context.inWindow) {
    const line = offering.credits.findIndex((c) => c.body === r.body);
    const credit = line < 0 ? undefined : offering.credits[line]!;
    if (credit !== undefined) {
      const category = credit.category ?? null;
      const limit = category === null ? undefined : r.limits.get(category);
      const relevant = r.demandMilli > 0 || r.minimums.some((m) => m.category === category) || (r.spread !== null && category !== null);
      if (relevant) {
        effects.push({ kind: 'credit', req: r.index, category, year: limit?.perYear != null ? bucket.year : 0, milli: credit.milli });
        creditLine.push(line);
      }
    }
    if (offering.earns !== undefined && r.demandMilli > 0) {
      const grant = r.earnedGrants.find((g) => g.program === offering.earns);
      if (grant !== undefined) { effects.push({ kind: 'grant', req: r.index, program: grant.program, milli: grant.milli }); creditLine.push(-1); }
    }
  }
  if (offering.earns !== undefined) {
    for (const c of context.covers) if (c.program === offering.earns) { effects.push({ kind: 'cover', req: c.req, coverage: c.coverage }); creditLine.push(-1); }
  }
  return effects;
}

function effectKey(e: Effect): string {
  switch (e.kind) {
    case 'credit': return `c${e.req}:${e.category ?? ''}:${e.year}`;
    case 'grant': return `g${e.req}:${e.program}`;
    case 'cover': return `v${e.req}:${e.coverage}`;
  }
}
