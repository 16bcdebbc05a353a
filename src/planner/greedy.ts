/**
 * The baseline a person would follow by hand: deadline by deadline, take the offering with the lowest
 * price per unit it adds to this cycle (after caps) until the cycle is met; a missing CPR/AED card or
 * category minimum is filled first, with the cheapest offering that fills it, and a missing category of
 * a spread with the cheapest per unit among the unused categories. Courses already chosen for an earlier
 * deadline count wherever they fall. Shown next to the optimum, and its cost is an upper bound.
 */
import { effectsByRequirement, Selection, type SelectionContext } from './selection.js';
import type { Effect } from './slots.js';

export interface GreedyResult {
  readonly chosen: readonly number[];
  readonly cost: number;
  /** Requirements the greedy rule could not meet. */
  readonly failed: readonly number[];
}

export type GreedyInput = SelectionContext;

export function greedyPlan(input: GreedyInput): GreedyResult {
  const selection = new Selection(input);
  const failed = fill(selection, effectsByRequirement(input.slots));
  return { chosen: [...selection.chosen], cost: selection.cost, failed };
}

interface Candidate { readonly j: number; readonly effects: readonly Effect[]; readonly cost: number; readonly perRaw: number }

/**
 * Meets each requirement in deadline order by adding slots. Candidates are scanned in order of a lower
 * bound on their score (price, or price per the most units they could add), so the scan stops early.
 * Returns the requirements left unmet.
 */
function fill(selection: Selection, byReq: ReadonlyMap<number, readonly { j: number; effects: Effect[] }[]>): number[] {
  const failed: number[] = [];
  const ordered = selection.ctx.requirements.slice().sort((a, b) => (a.end === b.end ? a.index - b.index : a.end < b.end ? -1 : 1));
  for (const r of ordered) {
    const state = selection.states.get(r.index)!;
    const all: Candidate[] = (byReq.get(r.index) ?? []).map(({ j, effects }) => {
      const cost = selection.costOf(j);
      const raw = effects.reduce((sum, e) => sum + (e.kind === 'cover' ? (r.coverage[e.coverage]?.milli ?? 0) : e.milli), 0);
      return { j, effects, cost, perRaw: cost / Math.max(1, raw) };
    });
    // Sorted when first needed (a card is filled by cost, everything else by cost per unit).
    let byCost: Candidate[] | undefined;
    let byPerRaw: Candidate[] | undefined;
    for (;;) {
      const unmet = state.unmet();
      if (unmet.units === 0 && unmet.minimums.length === 0 && unmet.spread === 0 && unmet.coverage.length === 0) break;
      let measure: () => number;
      const card = unmet.coverage.length > 0;
      if (card) { const k = unmet.coverage[0]!; measure = () => (state.isCovered(k) ? 1 : 0); }
      else if (unmet.minimums.length > 0) { const g = unmet.minimums[0]!; measure = () => state.cappedCount(g); }
      else if (unmet.spread > 0) measure = () => state.newCategories().length;
      else measure = () => state.counted();
      let best: Candidate | undefined;
      let bestScore = Infinity;
      const scan = card ? (byCost ??= sortedBy(all, (c) => c.cost)) : (byPerRaw ??= sortedBy(all, (c) => c.perRaw));
      for (const c of scan) {
        if ((card ? c.cost : c.perRaw) > bestScore) break;
        if (!selection.allowed(c.j)) continue;
        const gain = selection.gain(r.index, c.effects, measure);
        if (gain <= 0) continue;
        // Price per unit toward this cycle; a card counts as one unit, a new category by the units it adds.
        const unitGain = card ? 1 : unmet.spread > 0 ? Math.max(1, selection.gain(r.index, c.effects, () => state.counted())) : gain;
        const score = c.cost / unitGain;
        if (score < bestScore || (score === bestScore && best !== undefined && selection.ctx.slots[c.j]!.buckets[0]! < selection.ctx.slots[best.j]!.buckets[0]!)) {
          best = c;
          bestScore = score;
        }
      }
      if (best === undefined) { failed.push(r.index); break; }
      selection.take(best.j);
    }
  }
  return failed;
}

/**
 * `items` in increasing order of `key`, ties in their order in `items` (what a stable sort gives), for
 * keys that are never NaN (−0 and +0 count as equal, as they do for a comparator). The keys are sorted
 * as a Float64Array (a numeric sort, no comparator calls); then each item goes to the next free position
 * of its key, in the order of `items`.
 */
export function sortedBy<T>(items: readonly T[], key: (item: T) => number): T[] {
  const keys = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) keys[i] = key(items[i]!);
  const sorted = keys.slice().sort();
  const next = new Map<number, number>();
  for (let i = sorted.length - 1; i >= 0; i--) next.set(sorted[i]!, i);
  const out = new Array<T>(items.length);
  for (let i = 0; i < items.length; i++) {
    const at = next.get(keys[i]!)!;
    out[at] = items[i]!;
    next.set(keys[i]!, at + 1);
  }
  return out;
}
