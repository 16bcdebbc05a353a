/**
 * The acceptance check for any plan: add its completions to the profile as activities (with each body's
 * credits) and as newly earned credentials (nasm-ces, cpr-aed), file each renewal on time, then run the
 * compliance engine on every planned deadline. Every kept credential must be `current` there.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CourseCatalog } from '../catalog/course-catalog.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { fromMilli } from '../shared/units.js';
import type { Profile } from '../profile/profile-schema.js';
import { evaluate } from '../engine/evaluate.js';
import type { Status } from '../engine/report.js';
import type { CyclePlan, PlanStep } from './plan-result.js';

export interface PlanCheck {
  readonly credential: string;
  readonly ordinal: number;
  readonly end: CalendarDate;
  readonly status: Status | 'missing';
  readonly ok: boolean;
}

/** The profile as it would be once every step is completed on its planned date. */
export function profileWithSteps(profile: Profile, steps: readonly PlanStep[], courses: CourseCatalog): Profile {
  const byId = new Map(courses.offerings.map((o) => [o.id, o]));
  const activities = [...profile.activities];
  const credentials = [...profile.credentials];
  for (const step of steps) {
    const offering = byId.get(step.offering.id);
    if (offering === undefined) throw new Error(`planner: step ${step.id} names unknown offering "${step.offering.id}"`);
    if (offering.credits.length > 0) {
      activities.push({
        id: `plan-${step.id}`, title: offering.title, completed: step.completed, hours: offering.hours, provider: offering.providerName,
        credits: offering.credits.map((c) => ({ body: c.body, units: fromMilli(c.milli), category: c.category })),
      });
    }
    if (offering.earns !== undefined) credentials.push({ id: `plan-${step.id}-${offering.earns}`, program: offering.earns, earned: step.completed });
  }
  return { ...profile, activities, credentials };
}

/** Runs the engine on each planned deadline with the steps done and earlier renewals filed on time. */
export function verifyPlan(
  catalog: Catalog, profile: Profile, asOf: CalendarDate, cycles: readonly CyclePlan[], steps: readonly PlanStep[], courses: CourseCatalog,
): { ok: boolean; checks: PlanCheck[] } {
  const done = profileWithSteps(profile, steps, courses);
  const checks = cycles.map((cycle): PlanCheck => {
    const renewals = [
      ...done.renewals.filter((r) => r.date <= asOf),
      ...cycle.renewalsBefore.map((date) => ({ credential: cycle.credential, date })),
    ];
    const report = evaluate(catalog, { ...done, renewals }, cycle.end).credentials.find((c) => c.id === cycle.credential);
    const status = report?.status ?? 'missing';
    // An expired cycle planned inside its CE window: on the window's last day, before the late renewal, the
    // engine must find it in grace with every requirement met.
    const ok = cycle.expiredOn !== undefined
      ? status === 'grace' && report?.cycle?.end === cycle.expiredOn && report.missing === 0 && report.components.every((c) => c.met || c.unconfirmed)
      : status === 'current' && report?.cycle?.end === cycle.end;
    return { credential: cycle.credential, ordinal: cycle.ordinal, end: cycle.end, status, ok };
  });
  return { ok: checks.every((c) => c.ok), checks };
}
