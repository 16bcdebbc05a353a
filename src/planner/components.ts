/**
 * Decomposition: cycles that no offering links (no shared course, no course earning a shared once-only
 * program, no budget or study load across them) are independent problems; their optima add up.
 * Typical case: an NASM and an ISSA credential with no course approved by both.
 */
import type { Offering } from '../catalog/course-schema.js';
import type { ResolvedOptions } from './plan-options.js';
import type { Requirement } from './requirement.js';
import type { Slot } from './slots.js';

export interface Part {
  readonly requirements: readonly Requirement[];
  readonly slots: readonly Slot[];
}

export function splitIndependent(
  requirements: readonly Requirement[], slots: readonly Slot[], offerings: readonly Offering[], options: ResolvedOptions, earnOnce: ReadonlySet<string>,
): Part[] {
  const parent = new Map(requirements.map((r) => [r.index, r.index]));
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: number, b: number): void => { parent.set(find(a), find(b)); };
  const joined = options.yearlyBudgetCents !== null || options.maxHoursPerMonth !== null;
  if (joined) for (const r of requirements) union(r.index, requirements[0]!.index);
  // One requirement per offering and per once-only program stands for all it touches.
  const offeringReq = new Map<number, number>();
  const programReq = new Map<string, number>();
  for (const slot of slots) {
    const first = slot.effects[0]!.req;
    for (const e of slot.effects) if (e.req !== first) union(first, e.req);
    const offering = offerings[slot.offering]!;
    if (!offering.repeatable) {
      const seen = offeringReq.get(slot.offering);
      if (seen === undefined) offeringReq.set(slot.offering, first);
      else union(seen, first);
    }
    if (offering.earns !== undefined && earnOnce.has(offering.earns)) {
      const seen = programReq.get(offering.earns);
      if (seen === undefined) programReq.set(offering.earns, first);
      else union(seen, first);
    }
  }

  const parts = new Map<number, { requirements: Requirement[]; slots: Slot[] }>();
  for (const r of requirements) {
    const root = find(r.index);
    const part = parts.get(root) ?? { requirements: [], slots: [] };
    part.requirements.push(r);
    parts.set(root, part);
  }
  for (const slot of slots) parts.get(find(slot.effects[0]!.req))!.slots.push(slot);
  return [...parts.values()];
}
