/**
 * The machine-readable plan: what `recert plan --json` prints and `POST /api/people/{id}/plan`
 * answers. The plan result, its explanation (one English sentence per fact) and the compliance
 * engine's check of every planned deadline. Pure: one function both the CLI and the API call.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CourseCatalog } from '../catalog/course-catalog.js';
import type { Profile } from '../profile/profile-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { explainPlanFact, planFacts, type PlanFact } from './explain-plan.js';
import { feasibilityRemedy } from './feasibility-remedy.js';
import type { PlanOptions } from './plan-options.js';
import type { PlanResult } from './plan-result.js';
import type { Infeasibility } from './requirement.js';
import { verifyPlan, type PlanCheck } from './verify-plan.js';

/** An impossible renewal with its sentence (as in `explanation`) and what would make it possible. */
export interface ExplainedInfeasibility extends Infeasibility {
  readonly text: string;
  readonly remedy: string;
}

export interface PlanJson extends Omit<PlanResult, 'infeasible'> {
  readonly infeasible: readonly ExplainedInfeasibility[];
  /** The totals sentence ("… (proven optimal)." or the honest gap) and the comparison with the greedy plan, as in `explanation`. */
  readonly verdict: string;
  readonly comparison: string;
  readonly explanation: readonly string[];
  readonly verification: { readonly ok: boolean; readonly checks: readonly PlanCheck[] };
}

/** Whether the plan keeps a credential other than this one (it competes for the same budget and hours). */
export function othersPlanned(result: PlanResult, credential: string): boolean {
  return [...result.cycles, ...result.infeasible].some((c) => c.credential !== credential);
}

export function planJson(catalog: Catalog, courses: CourseCatalog, profile: Profile, asOf: CalendarDate, result: PlanResult, options: PlanOptions = {}): PlanJson {
  const verification = verifyPlan(catalog, profile, asOf, result.cycles, result.steps, courses);
  const infeasible = result.infeasible.map((infeasibility) => ({
    ...infeasibility,
    text: explainPlanFact({ kind: 'infeasible', infeasibility }),
    remedy: feasibilityRemedy(infeasibility, options, { othersPlanned: othersPlanned(result, infeasibility.credential) }),
  }));
  const facts = planFacts(result);
  const sentenceOf = (kind: PlanFact['kind']): string => facts.filter((f) => f.kind === kind).map(explainPlanFact).join(' ');
  return { ...result, infeasible, verdict: sentenceOf('totals'), comparison: sentenceOf('comparison'), explanation: facts.map(explainPlanFact), verification };
}
