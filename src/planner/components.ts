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
  const linkAll = (reqs: Iterable<number>): void => {
    let first: number | undefined;
    for (const r of reqs) { if (first === undefined) first = r; else union(first, r); }
  };
  const joined = options.yearlyBudgetCents !== null || options.maxHoursPerMonth !== null;
  if (joined) linkAll(requirements.map((r) => r.index));
  const byOffering = new Map<number, Set<number>>();
  const byProgram = new Map<string, Set<number>>();
  for (const slot of slots) {
    const reqs = slot.effects.map((e) => e.req);
    linkAll(reqs);
    const offering = offerings[slot.offering]!;
    const set = byOffering.get(slot.offering) ?? new Set<number>();
    reqs.forEach((r) => set.add(r));
    byOffering.set(slot.offering, set);
    if (offering.earns !== undefined && earnOnce.has(offering.earns)) {
      const p = byProgram.get(offering.earns) ?? new Set<number>();
      reqs.forEach((r) => p.add(r));
      byProgram.set(offering.earns, p);
    }
  }
  for (const [o, reqs] of byOffering) if (!offerings[o]!.repeatable) linkAll(reqs);
  for (const reqs of byProgram.values()) linkAll(reqs);

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
