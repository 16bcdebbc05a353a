/**
 * Which requirement row and which category caps apply to a cycle: shared by the engine (counting what was
 * done) and the planner (choosing what to do), so the two can never disagree.
 */
import type { ProrationRow, RuleVersion } from '../catalog/schema.js';
import { monthsBetween, type CalendarDate } from '../shared/calendar-date.js';
import { toMilli } from '../shared/units.js';
import type { Credential } from '../profile/profile-schema.js';
import type { Cycle } from './cycles.js';

/** The proration row for a first cycle of a calendar-aligned program (NSCA), by the date first earned. */
export function prorationRow(rule: RuleVersion, cycle: Cycle, credential: Credential): ProrationRow | undefined {
  const rows = rule.requirements?.proration?.value;
  if (rows == null || cycle.periodStart === undefined) return undefined;
  if (cycle.index > 0 || credential.earned < cycle.periodStart) return rows.find((row) => row.earned === 'before-cycle');
  const offset = monthsBetween(cycle.periodStart, credential.earned);
  return rows.find((row) => row.earned !== 'before-cycle' && offset >= row.earned.fromMonth && offset < row.earned.toMonth);
}

/** Caps of one category, in thousandths; undefined fields are uncapped. */
export interface CategoryCaps {
  readonly maxPerCycle?: number | undefined;
  readonly maxPerYear?: number | undefined;
}

/**
 * The caps in force for `categoryId` for an activity completed on `date`: the rule's caps once their
 * `appliesFrom` is reached, with the per-cycle cap lowered by the proration row. Undefined when the
 * category has no cap at all.
 */
export function categoryCaps(rule: RuleVersion, proration: ProrationRow | undefined, categoryId: string, date: CalendarDate): CategoryCaps | undefined {
  const category = rule.requirements?.categories.find((c) => c.id === categoryId);
  const prorated = proration?.categoryMax?.[categoryId];
  if (category === undefined && prorated === undefined) return undefined;
  const applies = category?.appliesFrom === undefined || date >= category.appliesFrom;
  const cycleCaps = [applies ? category?.maxPerCycle?.value : undefined, prorated].filter((v): v is number => typeof v === 'number');
  const perYear = applies ? category?.maxPerYear?.value : undefined;
  return {
    maxPerCycle: cycleCaps.length === 0 ? undefined : toMilli(Math.min(...cycleCaps)),
    maxPerYear: typeof perYear === 'number' ? toMilli(perYear) : undefined,
  };
}
