/** What travels between the server and a plan worker (structured clone: plain data, Maps, no functions). */
import type { Catalog } from '../catalog/catalog.js';
import type { CourseCatalog } from '../catalog/course-catalog.js';
import type { OwnOffering } from '../catalog/own-offering.js';
import type { Profile } from '../profile/profile-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Issue } from '../shared/recert-error.js';
import type { PlanOptions } from '../planner/plan-options.js';
import type { PlanJson } from '../planner/plan-json.js';

/** The nice value plan worker threads give themselves (0 = normal, 19 = lowest). */
export const PLAN_WORKER_NICE = 10;

/** Sent once, when the worker starts: the rule catalog and the shipped course catalog. */
export interface PlanWorkerData {
  readonly catalog: Catalog;
  readonly courses: CourseCatalog;
  /** A plan each worker solves when it starts, before any request: compiles HiGHS and the planner's hot code. */
  readonly warmUp?: PlanTask | undefined;
}

export interface PlanTask {
  readonly profile: Profile;
  readonly asOf: CalendarDate;
  readonly options: Omit<PlanOptions, 'solver'>;
  readonly ownOfferings: readonly OwnOffering[];
}

export type PlanReply =
  | { readonly id: number; readonly ok: true; readonly plan: PlanJson }
  | { readonly id: number; readonly ok: false; readonly issues?: readonly Issue[]; readonly message: string };
