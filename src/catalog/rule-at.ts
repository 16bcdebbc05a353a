import type { CalendarDate } from '../shared/calendar-date.js';
import type { Program, RuleVersion } from './schema.js';

/**
 * The rule version in force on `date`: the last version whose `from` is on or before it.
 * Undefined when the date is before the first version: the catalog does not cover it, and callers
 * must say so rather than compute with nothing.
 */
export function ruleAt(program: Program, date: CalendarDate): RuleVersion | undefined {
  let found: RuleVersion | undefined;
  for (const rule of program.rules) {
    if (rule.from <= date) found = rule;
    else break;
  }
  return found;
}
