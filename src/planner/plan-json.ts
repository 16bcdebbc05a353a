/**
 * The machine-readable plan: what `recert plan --json` prints and `POST /api/people/{id}/plan`
 * answers. The plan result, its explanation (one English sentence per fact) and the compliance
 * engine's check of every planned deadline. Pure: one function both the CLI and the API call.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CourseCatalog } from '../catalog/course-catalog.js';
import type { Profile } from '../profile/profile-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { explainPlanFact, planFacts } from './explain-plan.js';
import type { PlanResult } from './plan-result.js';
import { verifyPlan, type PlanCheck } from './verify-plan.js';

export interface PlanJson extends PlanResult {
  readonly explanation: readonly string[];
  readonly verification: { readonly ok: boolean; readonly checks: readonly PlanCheck[] };
}

export function planJson(catalog: Catalog, courses: CourseCatalog, profile: Profile, asOf: CalendarDate, result: PlanResult): PlanJson {
  const verification = verifyPlan(catalog, profile, asOf, result.cycles, result.steps, courses);
  return { ...result, explanation: planFacts(result).map(explainPlanFact), verification };
}
