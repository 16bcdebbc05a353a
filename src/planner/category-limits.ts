/**
 * The caps, minimums and spread a cycle's new CE meets, after the CE already counted by the engine.
 * The proration row and the caps come from src/engine/category-caps.ts, the functions the engine counts
 * with; the acceptance tests also run the engine on every plan.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RuleVersion } from '../catalog/schema.js';
import { yearOf, type CalendarDate } from '../shared/calendar-date.js';
import { toMilli } from '../shared/units.js';
import type { Credential, Profile } from '../profile/profile-schema.js';
import { categoryCaps, prorationRow } from '../engine/category-caps.js';
import type { Cycle } from '../engine/cycles.js';
import type { CredentialReport } from '../engine/report.js';
import type { CategoryLimit, Requirement } from './requirement.js';

type Limits = Pick<Requirement, 'limits' | 'minimums' | 'spread'>;

export function categoryLimits(
  catalog: Catalog, profile: Profile, rule: RuleVersion, cycle: Cycle, credential: Credential, report: CredentialReport, windowEnd: CalendarDate,
): Limits {
  const proration = prorationRow(rule, cycle, credential);
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
    // Not exact: a cap that starts inside the window is applied to the whole window (conservative).
    const caps = categoryCaps(rule, proration, id, windowEnd);
    if (caps?.maxPerCycle === undefined && caps?.maxPerYear === undefined) continue;
    const cycleRoom = caps.maxPerCycle === undefined ? null : Math.max(0, caps.maxPerCycle - (usedInCycle.get(id) ?? 0));
    limits.set(id, { category: id, cycleRoom, perYear: caps.maxPerYear ?? null, yearUsed: usedInYear.get(id) ?? new Map() });
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
