/**
 * A set of chosen slots with everything the model checks kept up to date: what each cycle counts,
 * each offering used once (unless repeatable), programs that never expire earned once, the yearly budget
 * and the study load. Shared by the greedy baseline and the LP-rounding heuristic; mutable, local to them.
 */
import type { Offering } from '../catalog/course-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Bucket } from './buckets.js';
import { loadLimit } from './build-model.js';
import { costOf, type ResolvedOptions } from './plan-options.js';
import type { Requirement } from './requirement.js';
import { RequirementState } from './requirement-state.js';
import type { Effect, Slot } from './slots.js';

export interface SelectionContext {
  readonly requirements: readonly Requirement[];
  readonly slots: readonly Slot[];
  readonly offerings: readonly Offering[];
  readonly buckets: readonly Bucket[];
  readonly asOf: CalendarDate;
  readonly options: ResolvedOptions;
  /** Programs that never expire: earned at most once. */
  readonly earnOnce: ReadonlySet<string>;
}

export class Selection {
  readonly states: Map<number, RequirementState>;
  readonly chosen = new Set<number>();
  private readonly usedOfferings = new Map<number, number>();
  private readonly earned = new Map<string, number>();
  private readonly spent = new Map<number, number>();
  private readonly hoursByBucket = new Map<number, number>();
  cost = 0;

  constructor(readonly ctx: SelectionContext) {
    this.states = new Map(ctx.requirements.map((r) => [r.index, new RequirementState(r)]));
  }

  costOf(j: number): number {
    return costOf(this.ctx.offerings[this.ctx.slots[j]!.offering]!, this.ctx.options);
  }

  allowed(j: number): boolean {
    const { slots, offerings, options } = this.ctx;
    const slot = slots[j]!;
    const offering = offerings[slot.offering]!;
    if (this.chosen.has(j) || (!offering.repeatable && (this.usedOfferings.get(slot.offering) ?? 0) > 0)) return false;
    if (offering.earns !== undefined && this.ctx.earnOnce.has(offering.earns) && (this.earned.get(offering.earns) ?? 0) > 0) return false;
    if (options.yearlyBudgetCents !== null && (this.spent.get(slot.year) ?? 0) + offering.priceCents > options.yearlyBudgetCents) return false;
    if (options.maxHoursPerMonth !== null) {
      const first = slot.buckets[0]!;
      let cumulative = 0;
      for (const bucket of this.ctx.buckets) {
        cumulative += this.hoursByBucket.get(bucket.index) ?? 0;
        if (bucket.index >= first && cumulative + offering.hours > loadLimit(this.ctx.asOf, bucket.end, options.maxHoursPerMonth) + 1e-9) return false;
      }
    }
    return true;
  }

  take(j: number): void {
    this.change(j, 1);
  }

  drop(j: number): void {
    this.change(j, -1);
  }

  private change(j: number, sign: 1 | -1): void {
    const slot = this.ctx.slots[j]!;
    const offering = this.ctx.offerings[slot.offering]!;
    if (sign === 1) this.chosen.add(j);
    else this.chosen.delete(j);
    const bump = <K>(map: Map<K, number>, key: K, by: number): void => { map.set(key, (map.get(key) ?? 0) + by); };
    bump(this.usedOfferings, slot.offering, sign);
    if (offering.earns !== undefined) bump(this.earned, offering.earns, sign);
    bump(this.spent, slot.year, sign * offering.priceCents);
    bump(this.hoursByBucket, slot.buckets[0]!, sign * offering.hours);
    this.cost += sign * this.costOf(j);
    for (const effect of slot.effects) this.states.get(effect.req)?.apply(effect, sign);
  }

  satisfied(): boolean {
    for (const state of this.states.values()) if (!state.satisfied()) return false;
    return true;
  }

  /** The change in `measure` of requirement `req` if slot j's effects were added (then undone). */
  gain(req: number, effects: readonly Effect[], measure: () => number): number {
    const state = this.states.get(req)!;
    const before = measure();
    for (const e of effects) state.apply(e);
    const after = measure();
    for (const e of effects) state.apply(e, -1);
    return after - before;
  }

  /** Drops chosen slots, dearest first, while everything stays met. */
  trim(): void {
    const order = [...this.chosen].sort((a, b) => this.costOf(b) - this.costOf(a));
    for (const j of order) {
      this.drop(j);
      if (!this.satisfied()) this.take(j);
    }
  }
}

/** Per requirement, the slots that affect it and their effects on it. */
export function effectsByRequirement(slots: readonly Slot[]): Map<number, { j: number; effects: Effect[] }[]> {
  const out = new Map<number, { j: number; effects: Effect[] }[]>();
  // A slot's effects grouped by requirement, in the order each requirement first appears (few effects
  // per slot: a linear scan, no map per slot).
  const reqs: number[] = [];
  const groups: Effect[][] = [];
  slots.forEach((slot, j) => {
    reqs.length = 0;
    groups.length = 0;
    for (const e of slot.effects) {
      const k = reqs.indexOf(e.req);
      if (k < 0) { reqs.push(e.req); groups.push([e]); }
      else groups[k]!.push(e);
    }
    for (let k = 0; k < reqs.length; k++) {
      const req = reqs[k]!;
      const effects = groups[k]!;
      const list = out.get(req);
      if (list === undefined) out.set(req, [{ j, effects }]);
      else list.push({ j, effects });
    }
  });
  return out;
}
