/**
 * The mixed-integer program. One binary x per slot ("complete this offering in these buckets"), cost =
 * price (or hours, or a mix). Per requirement (a credential's cycle):
 *   units:     Σ uncapped credits·x + Σ_g y_g + Σ grants·x + Σ coverage grants·z ≥ units still missing
 *   caps:      y_g ≤ Σ credits in g·x,  y_g ≤ room left in g this cycle;  with a per-year cap,
 *              y_g ≤ Σ_year y_g,year and y_g,year ≤ Σ credits in g that year·x, y_g,year ≤ room that year
 *   minimums:  y_g (or Σ credits in g·x) ≥ the minimum still missing (ACE ethics)
 *   spread:    w_g ≤ Σ x with credit in g,  Σ w_g ≥ categories still needed (NSCA 2 of A–D)
 *   current:   Σ x of slots that earn the program in its coverage interval ≥ 1 (CPR/AED on the deadline)
 *   grant:     z ≤ Σ x of those slots, z ≤ 1 (NASM 0.1 CEU for a current CPR/AED)
 * Globally: each offering at most once unless repeatable (then once per bucket); a program that never
 * expires is earned at most once; yearly budget; cumulative study load.
 * With `tighten`, a credit larger than anything its row can use is cut to that size (same feasible x), and
 * interchangeable offerings are taken cheapest first (symmetry.ts: same optimum).
 */
import { daysBetween, type CalendarDate } from '../shared/calendar-date.js';
import { MilpBuilder, type Milp } from './milp.js';
import { costOf } from './plan-options.js';
import type { SelectionContext } from './selection.js';
import type { Slot } from './slots.js';
import { symmetryChains } from './symmetry.js';

/** What the greedy selection sees, plus whether to tighten the model (the reductions). */
export interface ModelInput extends SelectionContext {
  readonly tighten: boolean;
}

export interface Model {
  readonly milp: Milp;
  /** Column of each slot, in `slots` order (slot columns come first: column j is slots[j]). */
  readonly slots: readonly Slot[];
}

type Terms = [number, number][];

export function buildModel(input: ModelInput): Model {
  const { requirements, slots, offerings, options } = input;
  const b = new MilpBuilder();
  slots.forEach((slot) => b.column(`x${slot.index}`, costOf(offerings[slot.offering]!, options), 0, 1, true));

  // Per requirement, its (slot, effect) pairs in slot order, as two parallel lists.
  const perReq = new Map<number, { slots: number[]; effects: Slot['effects'][number][] }>();
  for (let j = 0; j < slots.length; j++) {
    for (const effect of slots[j]!.effects) {
      let entries = perReq.get(effect.req);
      if (entries === undefined) perReq.set(effect.req, (entries = { slots: [], effects: [] }));
      entries.slots.push(j);
      entries.effects.push(effect);
    }
  }

  for (const r of requirements) {
    const entries = perReq.get(r.index) ?? { slots: [], effects: [] };
    const demand = r.demandMilli;
    const cut = (milli: number, bound: number): number => (input.tighten ? Math.min(milli, bound) : milli);
    const units: Terms = [];
    const byCategory = new Map<string, { slot: number; milli: number; year: number }[]>();
    for (let e = 0; e < entries.slots.length; e++) {
      const slot = entries.slots[e]!;
      const effect = entries.effects[e]!;
      if (effect.kind === 'grant') units.push([slot, cut(effect.milli, demand)]);
      if (effect.kind !== 'credit') continue;
      if (effect.category !== null) {
        const list = byCategory.get(effect.category) ?? [];
        list.push({ slot, milli: effect.milli, year: effect.year });
        byCategory.set(effect.category, list);
      }
      if (effect.category === null || !r.limits.has(effect.category)) units.push([slot, cut(effect.milli, demand)]);
    }
    const minimumOf = (g: string): number => r.minimums.find((m) => m.category === g)?.milli ?? 0;
    for (const [g, credits] of byCategory) {
      const limit = r.limits.get(g);
      const useful = Math.max(demand, minimumOf(g));
      if (limit === undefined) {
        if (minimumOf(g) > 0) b.row(`min_${r.index}_${g}`, minimumOf(g), Infinity, credits.map((c) => [c.slot, cut(c.milli, minimumOf(g))]));
        continue;
      }
      const room = Math.min(limit.cycleRoom ?? Infinity, input.tighten ? useful : Infinity);
      const y = b.column(`y${r.index}_${g}`, 0, minimumOf(g), room === Infinity ? sum(credits) : room, false);
      if (limit.perYear === null) {
        b.row(`cap_${r.index}_${g}`, -Infinity, 0, [[y, 1], ...credits.map((c): [number, number] => [c.slot, -cut(c.milli, room)])]);
      } else {
        const years: Terms = [[y, 1]];
        for (const year of new Set(credits.map((c) => c.year))) {
          const yearRoom = Math.max(0, limit.perYear - (limit.yearUsed.get(year) ?? 0));
          const bound = Math.min(yearRoom, room);
          const yy = b.column(`y${r.index}_${g}_${year}`, 0, 0, bound, false);
          years.push([yy, -1]);
          b.row(`capy_${r.index}_${g}_${year}`, -Infinity, 0, [[yy, 1], ...credits.filter((c) => c.year === year).map((c): [number, number] => [c.slot, -cut(c.milli, bound)])]);
        }
        b.row(`caps_${r.index}_${g}`, -Infinity, 0, years);
      }
      units.push([y, 1]);
    }
    const coveringOf: Terms[] = r.coverage.map(() => []);
    entries.effects.forEach((effect, e) => { if (effect.kind === 'cover') coveringOf[effect.coverage]?.push([entries.slots[e]!, 1]); });
    r.coverage.forEach((c, k) => {
      const covering = coveringOf[k]!;
      if (c.kind === 'component') { b.row(`cover_${r.index}_${k}`, 1, Infinity, covering); return; }
      if (demand === 0) return;
      const z = b.column(`z${r.index}_${k}`, 0, 0, 1, false);
      b.row(`grantz_${r.index}_${k}`, -Infinity, 0, [[z, 1], ...covering.map(([s]): [number, number] => [s, -1])]);
      units.push([z, cut(c.milli, demand)]);
    });
    if (demand > 0) b.row(`units_${r.index}`, demand, Infinity, units);
    if (r.spread !== null) {
      const ws: Terms = [];
      for (const [g, credits] of byCategory) {
        if (r.spread.used.includes(g)) continue;
        const limit = r.limits.get(g);
        const usable = credits.filter((c) => limit === undefined || ((limit.cycleRoom ?? 1) > 0 && (limit.perYear === null || limit.perYear - (limit.yearUsed.get(c.year) ?? 0) > 0)));
        if (usable.length === 0) continue;
        const w = b.column(`w${r.index}_${g}`, 0, 0, 1, true);
        b.row(`spreadw_${r.index}_${g}`, -Infinity, 0, [[w, 1], ...usable.map((c): [number, number] => [c.slot, -1])]);
        ws.push([w, 1]);
      }
      b.row(`spread_${r.index}`, r.spread.need, Infinity, ws);
    }
  }
  globalRows(b, input);
  return { milp: b.build(), slots };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function sum(credits: readonly { milli: number }[]): number {
  return credits.reduce((a, c) => a + c.milli, 0);
}

function globalRows(b: MilpBuilder, input: ModelInput): void {
  const { slots, offerings, options } = input;
  const byOffering = new Map<number, number[]>();
  const byProgram = new Map<string, number[]>();
  slots.forEach((slot, j) => {
    const offering = offerings[slot.offering]!;
    if (!offering.repeatable) push(byOffering, slot.offering, j);
    if (offering.earns !== undefined && input.earnOnce.has(offering.earns)) push(byProgram, offering.earns, j);
  });
  for (const [o, js] of byOffering) if (js.length > 1) b.row(`once_${o}`, -Infinity, 1, js.map((j): [number, number] => [j, 1]));
  if (input.tighten) {
    for (const [a, bo] of symmetryChains(slots, offerings, options)) {
      b.row(`sym_${a}_${bo}`, -Infinity, 0, [...byOffering.get(bo)!.map((j): [number, number] => [j, 1]), ...byOffering.get(a)!.map((j): [number, number] => [j, -1])]);
    }
  }
  for (const [p, js] of byProgram) if (js.length > 1) b.row(`earn_${p}`, -Infinity, 1, js.map((j): [number, number] => [j, 1]));
  if (options.yearlyBudgetCents !== null) {
    const byYear = new Map<number, Terms>();
    slots.forEach((slot, j) => push(byYear, slot.year, [j, offerings[slot.offering]!.priceCents] as [number, number]));
    for (const [year, terms] of byYear) b.row(`budget_${year}`, -Infinity, options.yearlyBudgetCents, terms);
  }
  if (options.maxHoursPerMonth !== null) {
    for (const bucket of input.buckets) {
      const terms: Terms = [];
      slots.forEach((slot, j) => { if (slot.buckets[0]! <= bucket.index) terms.push([j, offerings[slot.offering]!.hours]); });
      if (terms.length > 0) b.row(`load_${bucket.index}`, -Infinity, loadLimit(input.asOf, bucket.end, options.maxHoursPerMonth), terms);
    }
  }
}

/** Hours of study possible from the as-of date through `end` at `perMonth` hours a month (30.4375-day months). */
export function loadLimit(asOf: CalendarDate, end: CalendarDate, perMonth: number): number {
  return (perMonth * (daysBetween(asOf, end) + 1)) / 30.4375;
}
