/** The engine acceptance check shared by the planner tests, and the fixtures. */
import { expect } from 'vitest';
import type { CourseCatalog } from '../../src/catalog/course-catalog.js';
import type { PlanResult } from '../../src/planner/plan-result.js';
import { verifyPlan } from '../../src/planner/verify-plan.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import type { CalendarDate } from '../../src/shared/calendar-date.js';
import { catalog } from './fixtures.js';

export * from './fixtures.js';

/**
 * The acceptance check: the plan's completions added to the profile, renewals filed on time, the engine
 * run on each planned deadline, every kept credential current. The greedy plan must pass too when it
 * claims success.
 */
export function expectAccepted(result: PlanResult, p: Profile, asOf: CalendarDate, courseCatalog: CourseCatalog): void {
  const check = verifyPlan(catalog, p, asOf, result.cycles, result.steps, courseCatalog);
  expect(check.checks.filter((c) => !c.ok), 'every planned deadline is current').toEqual([]);
  if (result.greedy.failed.length === 0) {
    const greedy = verifyPlan(catalog, p, asOf, result.cycles, result.greedy.steps, courseCatalog);
    expect(greedy.checks.filter((c) => !c.ok), 'the greedy plan is valid too').toEqual([]);
  }
}
