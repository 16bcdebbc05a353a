/**
 * Symmetry breaking among interchangeable offerings, exact. Two non-repeatable offerings are
 * interchangeable when their slots, in order, have the same buckets, budget year and effects, and they
 * earn the same program (resellers' copies, a course and its sale twin). Among interchangeable offerings,
 * sort by (cost, price, hours) and keep chains in which each one costs, is priced and takes hours no more
 * than the next; for consecutive a, b of a chain the row  Σ x_b ≤ Σ x_a  is added (b only if a).
 *
 * Why the optimum is unchanged: take any optimal plan and, in each chain, the m members it uses. Give
 * their slots, in chain order, to the chain's first m members instead (the i-th used member's slot goes to
 * the i-th member, at the same position in its slot list). Every slot keeps its buckets, year and effects,
 * so every cycle counts the same; each offering is still used once; the program count is the same; cost,
 * the yearly budget (price by year) and the study load (hours by bucket) do not increase, because the
 * i-th member of a chain is no dearer, no pricier and no longer than any later member. The new plan is
 * feasible, no dearer (so optimal), and satisfies every chain row. Reduced-cost fixing stays exact: the
 * rearranged plan costs no more than the original, so its slots pass the same d_j ≤ U − 1 − L test.
 */
import type { Offering } from '../catalog/course-schema.js';
import { costOf, type ResolvedOptions } from './plan-options.js';
import type { Slot } from './slots.js';

/** Pairs [a, b] of offering indices: b may be taken only if a is. */
export function symmetryChains(slots: readonly Slot[], offerings: readonly Offering[], options: ResolvedOptions): [number, number][] {
  const slotsOf = new Map<number, Slot[]>();
  for (const slot of slots) {
    if (offerings[slot.offering]!.repeatable) continue;
    const list = slotsOf.get(slot.offering);
    if (list === undefined) slotsOf.set(slot.offering, [slot]);
    else list.push(slot);
  }
  const groups = new Map<string, number[]>();
  for (const [o, list] of slotsOf) {
    const key = `${offerings[o]!.earns ?? ''}#${list.map((s) => `${s.buckets.join(',')}|${s.year}|${s.effects.map(effectKey).sort().join(';')}`).join('/')}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [o]);
    else group.push(o);
  }
  const pairs: [number, number][] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const measure = (o: number): [number, number, number] => [costOf(offerings[o]!, options), offerings[o]!.priceCents, offerings[o]!.hours];
    group.sort((a, b) => { const [ca, pa, ha] = measure(a); const [cb, pb, hb] = measure(b); return ca - cb || pa - pb || ha - hb || a - b; });
    let last = group[0]!;
    for (const o of group.slice(1)) {
      const [cl, pl, hl] = measure(last);
      const [co, po, ho] = measure(o);
      if (cl <= co && pl <= po && hl <= ho) pairs.push([last, o]);
      last = o;
    }
  }
  return pairs;
}

function effectKey(e: Slot['effects'][number]): string {
  if (e.kind === 'credit') return `c${e.req}:${e.category ?? ''}:${e.year}:${e.milli}`;
  if (e.kind === 'grant') return `g${e.req}:${e.program}:${e.milli}`;
  return `v${e.req}:${e.coverage}`;
}
