/**
 * The baseline a person would follow by hand: deadline by deadline, take the offering with the lowest
 * price per unit it adds to this cycle (after caps) until the cycle is met; a missing CPR/AED card or
 * category minimum is filled first, with the cheapest offering that fills it. Courses already chosen for
 * an earlier deadline count wherever they fall. Used to show what the optimization saves, and as the
 * upper bound that makes dominance pruning possible.
 */
import type { Offering } from '../catalog/course-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Bucket } from './buckets.js';
import { loadLimit } from './build-model.js';
import { costOf, type ResolvedOptions } from './plan-options.js';
import type { Requirement } from './requirement.js';
import { RequirementState } from './requirement-state.js';
import type { Slot } from './slots.js';

export interface GreedyResult {
  readonly chosen: readonly number[];
  readonly cost: number;
  /** Requirements the greedy rule could not meet. */
  readonly failed: readonly number[];
}

export interface GreedyInput {
  readonly requirements: readonly Requirement[];
  readonly slots: readonly Slot[];
  readonly offerings: readonly Offering[];
  readonly buckets: readonly Bucket[];
  readonly asOf: CalendarDate;
  readonly options: ResolvedOptions;
  readonly earnOnce: ReadonlySet<string>;
}

export function greedyPlan(input: GreedyInput): GreedyResult {
  const { requirements, slots, offerings, options } = input;
  const states = new Map(requirements.map((r) => [r.index, new RequirementState(r)]));
  const candidates = new Map<number, number[]>();
  slots.forEach((slot, j) => {
    for (const req of new Set(slot.effects.map((e) => e.req))) candidates.set(req, [...(candidates.get(req) ?? []), j]);
  });
  const chosen: number[] = [];
  const chosenSet = new Set<number>();
  const usedOfferings = new Set<number>();
  const earned = new Set<string>();
  const spent = new Map<number, number>();
  const hoursByBucket = new Map<number, number>();
  const failed: number[] = [];

  const allowed = (j: number): boolean => {
    const slot = slots[j]!;
    const offering = offerings[slot.offering]!;
    if (chosenSet.has(j) || (!offering.repeatable && usedOfferings.has(slot.offering))) return false;
    if (offering.earns !== undefined && input.earnOnce.has(offering.earns) && earned.has(offering.earns)) return false;
    if (options.yearlyBudgetCents !== null && (spent.get(slot.year) ?? 0) + offering.priceCents > options.yearlyBudgetCents) return false;
    if (options.maxHoursPerMonth !== null) {
      const first = slot.buckets[0]!;
      let cumulative = 0;
      for (const bucket of input.buckets) {
        cumulative += hoursByBucket.get(bucket.index) ?? 0;
        if (bucket.index >= first && cumulative + offering.hours > loadLimit(input.asOf, bucket.end, options.maxHoursPerMonth) + 1e-9) return false;
      }
    }
    return true;
  };
  const take = (j: number): void => {
    const slot = slots[j]!;
    const offering = offerings[slot.offering]!;
    chosen.push(j);
    chosenSet.add(j);
    usedOfferings.add(slot.offering);
    if (offering.earns !== undefined) earned.add(offering.earns);
    spent.set(slot.year, (spent.get(slot.year) ?? 0) + offering.priceCents);
    hoursByBucket.set(slot.buckets[0]!, (hoursByBucket.get(slot.buckets[0]!) ?? 0) + offering.hours);
    for (const effect of slot.effects) states.get(effect.req)?.apply(effect);
  };

  const ordered = requirements.slice().sort((a, b) => (a.end === b.end ? a.index - b.index : a.end < b.end ? -1 : 1));
  for (const r of ordered) {
    const state = states.get(r.index)!;
    for (;;) {
      const unmet = state.unmet();
      if (unmet.units === 0 && unmet.minimums.length === 0 && unmet.spread === 0 && unmet.coverage.length === 0) break;
      const gainOf = (j: number, measure: () => number): number => {
        const before = measure();
        const effects = slots[j]!.effects.filter((e) => e.req === r.index);
        for (const e of effects) state.apply(e);
        const after = measure();
        for (const e of effects) state.apply(e, -1);
        return after - before;
      };
      let measure: () => number;
      if (unmet.coverage.length > 0) { const k = unmet.coverage[0]!; measure = () => (state.isCovered(k) ? 1 : 0); }
      else if (unmet.minimums.length > 0) { const g = unmet.minimums[0]!; measure = () => state.cappedCount(g); }
      else if (unmet.spread > 0) { measure = () => state.newCategories().length; }
      else measure = () => state.counted();
      let best = -1;
      let bestScore = Infinity;
      for (const j of candidates.get(r.index) ?? []) {
        if (!allowed(j)) continue;
        const gain = gainOf(j, measure);
        if (gain <= 0) continue;
        const cost = costOf(offerings[slots[j]!.offering]!, options);
        // Price per unit toward this cycle; for a spread or a card, the unit gain is 1.
        const unitGain = unmet.coverage.length > 0 ? 1 : unmet.spread > 0 ? Math.max(1, gainOf(j, () => state.counted())) : gain;
        const score = cost / unitGain;
        if (score < bestScore || (score === bestScore && best >= 0 && slots[j]!.buckets[0]! < slots[best]!.buckets[0]!)) { best = j; bestScore = score; }
      }
      if (best < 0) { failed.push(r.index); break; }
      take(best);
    }
  }
  const cost = chosen.reduce((sum, j) => sum + costOf(offerings[slots[j]!.offering]!, options), 0);
  return { chosen, cost, failed };
}
