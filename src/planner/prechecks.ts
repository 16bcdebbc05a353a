/**
 * Necessary conditions per cycle, checked before the model: is there any way at all to reach the units,
 * a category minimum, a spread of categories, and a current CPR/AED card on the deadline, with the
 * offerings that can be completed in the window? Each check takes every usable offering once (its best
 * slot), so it can only over-estimate: a cycle that fails it is certainly impossible, and the reason is
 * the one the person needs to hear.
 */
import type { Offering } from '../catalog/course-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { fromMilli } from '../shared/units.js';
import type { Infeasibility, InfeasibleReason, Requirement } from './requirement.js';
import { RequirementState } from './requirement-state.js';
import type { Slot } from './slots.js';

export function precheck(requirements: readonly Requirement[], slots: readonly Slot[], offerings: readonly Offering[], asOf: CalendarDate): Infeasibility[] {
  const out: Infeasibility[] = [];
  const bySlotReq = new Map<number, Slot[]>();
  for (const slot of slots) {
    for (const req of new Set(slot.effects.map((e) => e.req))) {
      const list = bySlotReq.get(req) ?? [];
      list.push(slot);
      bySlotReq.set(req, list);
    }
  }
  for (const r of requirements) {
    const reason = firstFailure(r, bySlotReq.get(r.index) ?? [], offerings, asOf);
    if (reason !== null) out.push({ credential: r.credential, programName: r.programName, ordinal: r.ordinal, cycleStart: r.cycleStart, end: r.end, unit: r.unit, reason });
  }
  return out;
}

function firstFailure(r: Requirement, slots: readonly Slot[], offerings: readonly Offering[], asOf: CalendarDate): InfeasibleReason | null {
  const state = new RequirementState(r);
  const best = new Map<number, Slot>();
  const score = (slot: Slot): number => slot.effects.filter((e) => e.req === r.index).reduce((sum, e) => sum + (e.kind === 'cover' ? 1e9 : e.milli), 0);
  for (const slot of slots) {
    if (offerings[slot.offering]!.repeatable) { for (const e of slot.effects) state.apply(e); continue; }
    const current = best.get(slot.offering);
    if (current === undefined || score(slot) > score(current)) best.set(slot.offering, slot);
  }
  // A non-repeatable offering's slots differ only by year (per-year caps) or coverage; its best one stands for it.
  for (const slot of best.values()) for (const e of slot.effects) state.apply(e);
  const unmet = state.unmet();
  const coverage = unmet.coverage[0];
  if (coverage !== undefined) {
    const c = r.coverage[coverage]!;
    // A card earned before this cycle (from the coverage date on) serves too: the interval is not the window.
    return { kind: 'component', label: c.label, program: c.programName, from: c.from > asOf ? c.from : asOf, to: r.end };
  }
  const minimum = unmet.minimums[0];
  if (minimum !== undefined) {
    const m = r.minimums.find((x) => x.category === minimum)!;
    return { kind: 'category-minimum', label: m.label, category: minimum, demand: fromMilli(m.milli), available: fromMilli(state.cappedCount(minimum)) };
  }
  if (unmet.spread > 0 && r.spread !== null) return { kind: 'spread', label: r.spread.label, need: r.spread.need, available: state.newCategories() };
  if (unmet.units > 0) return { kind: 'units', demand: fromMilli(r.demandMilli), available: fromMilli(state.counted()) };
  return null;
}
