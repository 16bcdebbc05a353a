/**
 * Exact dominance pruning. Offering j dominates i when j costs no more (and, when a budget or a study
 * load applies, is no dearer and no longer), can be completed in every bucket i can, earns the same
 * program, and gives at least as many useful units to every body and category i does (units beyond what
 * any row can use are cut first). Ties are broken by position, so the relation is a strict partial order.
 *
 * Claim: if cost(i) + Σ cost(j ≻ i) > U, where U is the cost of any feasible plan, some optimal plan does
 * not use i. Proof: take an optimal plan; while it uses some i with a dominator j it does not use, put j in
 * i's bucket instead (no row gets worse, cost does not rise, and each swap moves up the order, so this
 * stops). The final plan is optimal and, whenever it uses i, uses every j ≻ i as well, so its cost is at
 * least cost(i) + Σ cost(j ≻ i) > U ≥ optimum, a contradiction. All such i can be dropped together.
 * Repeatable offerings are neither pruned nor used as dominators.
 */
import type { Offering } from '../catalog/course-schema.js';
import { costOf, type ResolvedOptions } from './plan-options.js';
import type { Requirement } from './requirement.js';
import type { Slot } from './slots.js';

export interface DominanceInput {
  readonly offerings: readonly Offering[];
  readonly slots: readonly Slot[];
  readonly requirements: readonly Requirement[];
  readonly options: ResolvedOptions;
  readonly bucketCount: number;
  /** Cost of a feasible plan of the same problem. */
  readonly upperBound: number;
}

/** Offering indices that can be dropped without losing every optimal plan. */
export function dominatedOfferings(input: DominanceInput): Set<number> {
  const { offerings, slots, requirements, options } = input;
  const useful = usefulUnits(requirements);
  const bodies = [...new Set(requirements.map((r) => r.body))];
  const bodyIndex = new Map(bodies.map((b, k) => [b, k]));
  const categoryIds = new Map<string, number>();
  const categoryId = (c: string | undefined): number => {
    const key = c ?? '';
    if (!categoryIds.has(key)) categoryIds.set(key, categoryIds.size + 1);
    return categoryIds.get(key)!;
  };
  const words = Math.max(1, Math.ceil(input.bucketCount / 32));
  const present = [...new Set(slots.map((s) => s.offering))].filter((o) => !offerings[o]!.repeatable);
  const nb = bodies.length;
  const cat = new Int32Array(offerings.length * nb);
  const eff = new Float64Array(offerings.length * nb);
  const mask = new Uint32Array(offerings.length * words);
  const lines = new Map<number, number[]>();
  for (const o of present) {
    const own: number[] = [];
    for (const credit of offerings[o]!.credits) {
      const k = bodyIndex.get(credit.body);
      if (k === undefined) continue;
      const cap = useful.get(`${credit.body}:${credit.category ?? ''}`) ?? useful.get(`${credit.body}:*`) ?? 0;
      if (cap <= 0) continue;
      cat[o * nb + k] = categoryId(credit.category);
      eff[o * nb + k] = Math.min(credit.milli, cap);
      own.push(k);
    }
    lines.set(o, own);
  }
  for (const slot of slots) for (const b of slot.buckets) mask[slot.offering * words + (b >> 5)]! |= 1 << (b & 31);

  const cost = (o: number): number => costOf(offerings[o]!, options);
  const order = present.slice().sort((a, b) => cost(a) - cost(b) || a - b);
  const pruned = new Set<number>();
  const budget = options.yearlyBudgetCents !== null;
  const load = options.maxHoursPerMonth !== null;

  const weaklyBetter = (j: number, i: number): boolean => {
    if (offerings[j]!.earns !== offerings[i]!.earns) return false;
    if (budget && offerings[j]!.priceCents > offerings[i]!.priceCents) return false;
    if (load && offerings[j]!.hours > offerings[i]!.hours) return false;
    for (let w = 0; w < words; w++) if ((mask[i * words + w]! & ~mask[j * words + w]!) !== 0) return false;
    for (const k of lines.get(i)!) if (cat[j * nb + k] !== cat[i * nb + k] || eff[j * nb + k]! < eff[i * nb + k]!) return false;
    return true;
  };
  const dominates = (j: number, i: number): boolean => {
    if (!weaklyBetter(j, i)) return false;
    // Equivalent offerings: the earlier one dominates.
    return !weaklyBetter(i, j) || cost(i) !== cost(j) || j < i;
  };

  for (const i of order) {
    const ci = cost(i);
    let total = ci;
    for (const j of order) {
      if (cost(j) > ci) break;
      if (j === i || !dominates(j, i)) continue;
      total += cost(j);
      if (total > input.upperBound) { pruned.add(i); break; }
    }
  }
  return pruned;
}

/** Per body and category, the most units any row of the model can use from one offering. */
function usefulUnits(requirements: readonly Requirement[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of requirements) {
    const categories = new Set<string>(['', ...r.limits.keys(), ...r.minimums.map((m) => m.category)]);
    const spread = r.spread === null ? 0 : 1;
    const base = (g: string): number => Math.max(r.demandMilli, r.minimums.find((m) => m.category === g)?.milli ?? 0, g === '' ? 0 : spread);
    const put = (g: string, v: number): void => { out.set(`${r.body}:${g}`, Math.max(out.get(`${r.body}:${g}`) ?? 0, v)); };
    for (const g of categories) {
      const limit = g === '' ? undefined : r.limits.get(g);
      put(g, Math.min(limit?.cycleRoom ?? Infinity, base(g)));
    }
    // Categories with neither cap nor minimum: only the unit total (and a spread) can use them.
    put('*', base('*'));
  }
  return out;
}
