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
  // Grouped by exact equality of earned program and slots (buckets, year, effects in order), found
  // through a numeric hash of them: long string keys cost more to build and hash than the rest together.
  // A slot's effects come in one order for a given first bucket (requirements in order, each credit
  // before its grant, then covers; slots.ts), so equal effect lists are equal sequences.
  const groups: number[][] = [];
  const byHash = new Map<number, number[][]>();
  const names = new Map<string, number>();
  const nameId = (name: string | null | undefined): number => {
    if (name === null || name === undefined) return 0;
    let id = names.get(name);
    if (id === undefined) names.set(name, (id = names.size + 1));
    return id;
  };
  for (const [o, list] of slotsOf) {
    const h = slotsHash(nameId(offerings[o]!.earns), list, nameId);
    let candidates = byHash.get(h);
    if (candidates === undefined) byHash.set(h, (candidates = []));
    const group = candidates.find((g) => offerings[g[0]!]!.earns === offerings[o]!.earns && sameSlots(slotsOf.get(g[0]!)!, list));
    if (group === undefined) { const fresh = [o]; candidates.push(fresh); groups.push(fresh); }
    else group.push(o);
  }
  const pairs: [number, number][] = [];
  for (const group of groups) {
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

/** A 32-bit hash of an offering's earned program and its slots (equal inputs, equal hashes). */
function slotsHash(earns: number, slots: readonly Slot[], nameId: (name: string | null | undefined) => number): number {
  let h = mix(0x811c9dc5, earns);
  for (const s of slots) {
    h = mix(h, s.buckets.length);
    for (const b of s.buckets) h = mix(h, b);
    h = mix(mix(h, s.year), s.effects.length);
    for (const e of s.effects) {
      h = mix(h, e.req);
      if (e.kind === 'credit') h = mix(mix(mix(mix(h, 1), nameId(e.category)), e.year), e.milli);
      else if (e.kind === 'grant') h = mix(mix(mix(h, 2), nameId(e.program)), e.milli);
      else h = mix(mix(h, 3), e.coverage);
    }
  }
  return h;
}

function mix(h: number, value: number): number {
  // Units are integers (thousandths); a fraction, should one occur, still hashes by its integer part.
  return Math.imul(h ^ (value | 0), 0x01000193) >>> 0;
}

function sameSlots(a: readonly Slot[], b: readonly Slot[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.year !== y.year || x.buckets.length !== y.buckets.length || x.effects.length !== y.effects.length) return false;
    for (let k = 0; k < x.buckets.length; k++) if (x.buckets[k] !== y.buckets[k]) return false;
    for (let k = 0; k < x.effects.length; k++) if (!sameEffect(x.effects[k]!, y.effects[k]!)) return false;
  }
  return true;
}

function sameEffect(e: Slot['effects'][number], f: Slot['effects'][number]): boolean {
  if (e === f) return true;
  if (e.kind === 'credit') return f.kind === 'credit' && e.req === f.req && e.category === f.category && e.year === f.year && e.milli === f.milli;
  if (e.kind === 'grant') return f.kind === 'grant' && e.req === f.req && e.program === f.program && e.milli === f.milli;
  return f.kind === 'cover' && e.req === f.req && e.coverage === f.coverage;
}
