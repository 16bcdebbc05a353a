/**
 * The caps, minimums and spread a cycle's new CE meets, after the CE already counted by the engine.
 * The cap rules mirror src/engine/count-activities.ts (per-cycle cap, lowered by the proration row;
 * per-year cap) and the proration row mirrors src/engine/evaluate.ts; the acceptance tests run the engine
 * on every plan, so a drift between the two shows up there.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ProrationRow, RuleVersion } from '../catalog/schema.js';
import { monthsBetween, yearOf, type CalendarDate } from '../shared/calendar-date.js';
import { toMilli } from '../shared/units.js';
import type { Credential, Profile } from '../profile/profile-schema.js';
import type { Cycle } from '../engine/cycles.js';
import type { CredentialReport } from '../engine/report.js';
import type { CategoryLimit, Requirement } from './requirement.js';

export function prorationRowOf(rule: RuleVersion, cycle: Cycle, credential: Credential): ProrationRow | undefined {
  const rows = rule.requirements?.proration?.value;
  if (rows == null || cycle.periodStart === undefined) return undefined;
  if (cycle.index > 0 || credential.earned < cycle.periodStart) return rows.find((row) => row.earned === 'before-cycle');
  const offset = monthsBetween(cycle.periodStart, credential.earned);
  return rows.find((row) => row.earned !== 'before-cycle' && offset >= row.earned.fromMonth && offset < row.earned.toMonth);
}

type Limits = Pick<Requirement, 'limits' | 'minimums' | 'spread'>;

export function categoryLimits(
  catalog: Catalog, profile: Profile, rule: RuleVersion, cycle: Cycle, credential: Credential, report: CredentialReport, windowEnd: CalendarDate,
): Limits {
  const proration = prorationRowOf(rule, cycle, credential);
  const completed = new Map(profile.activities.map((a) => [a.id, a.completed]));
  const usedInCycle = new Map<string, number>();
  const usedInYear = new Map<string, Map<number, number>>();
  for (const c of report.contributions) {
    if (c.source !== 'activity' || c.category === null) continue;
    const milli = toMilli(c.units);
    usedInCycle.set(c.category, (usedInCycle.get(c.category) ?? 0) + milli);
    const date = completed.get(c.id);
    if (date === undefined) continue;
    const years = usedInYear.get(c.category) ?? new Map<number, number>();
    years.set(yearOf(date), (years.get(yearOf(date)) ?? 0) + milli);
    usedInYear.set(c.category, years);
  }

  const limits = new Map<string, CategoryLimit>();
  const ids = new Set([...(rule.requirements?.categories ?? []).map((c) => c.id), ...Object.keys(proration?.categoryMax ?? {})]);
  for (const id of ids) {
    const categoryRule = rule.requirements?.categories.find((c) => c.id === id);
    // Not exact: a cap that starts inside the window is applied to the whole window (conservative).
    const applies = categoryRule?.appliesFrom === undefined || categoryRule.appliesFrom <= windowEnd;
    const cycleCaps = [applies ? categoryRule?.maxPerCycle?.value : undefined, proration?.categoryMax?.[id]].filter((v): v is number => typeof v === 'number');
    const perYear = applies ? categoryRule?.maxPerYear?.value : undefined;
    if (cycleCaps.length === 0 && typeof perYear !== 'number') continue;
    const cycleRoom = cycleCaps.length === 0 ? null : Math.max(0, toMilli(Math.min(...cycleCaps)) - (usedInCycle.get(id) ?? 0));
    limits.set(id, { category: id, cycleRoom, perYear: typeof perYear === 'number' ? toMilli(perYear) : null, yearUsed: usedInYear.get(id) ?? new Map() });
  }

  const minimums: { category: string; milli: number; label: string }[] = [];
  let spread: Limits['spread'] = null;
  const usedCategories = [...new Set(report.contributions.filter((c) => c.category !== null && c.units > 0).map((c) => c.category as string))].sort();
  const requiredMilli = report.required === null ? null : toMilli(report.required);
  for (const component of rule.requirements?.components ?? []) {
    if (component.kind === 'category-minimum' && component.units.value !== null) {
      const missing = toMilli(component.units.value) - (usedInCycle.get(component.category) ?? 0);
      if (missing > 0) minimums.push({ category: component.category, milli: missing, label: component.label });
    }
    if (component.kind === 'min-categories' && component.count.value !== null && requiredMilli !== 0) {
      const need = component.count.value - usedCategories.length;
      if (need > 0) spread = { need, used: usedCategories, label: component.label };
    }
  }
  void catalog;
  return { limits, minimums, spread };
}
