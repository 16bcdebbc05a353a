/** What the HTTP app is built from; tests pass their own store, folder and clock. */
import type { Catalog } from '../catalog/catalog.js';
import type { CourseCatalog } from '../catalog/course-catalog.js';
import type { PlanService } from '../plan-service/plan-service.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { EvidenceBlobs } from '../store/evidence/evidence-blobs.js';
import type { Store } from '../store/store.js';
import { callerOfHeaders } from './auth/caller.js';

export interface AppDeps {
  readonly store: Store;
  /** Evidence bytes: files in the data folder, or PostgreSQL's evidence_blobs table. */
  readonly files: EvidenceBlobs;
  readonly catalog: Catalog;
  /** The default as-of date, computed here at the edge (the engine never reads the clock). */
  readonly today: () => CalendarDate;
  /** Largest evidence upload in bytes. */
  readonly maxEvidenceBytes: number;
  /** The shipped course catalog (read once at start); each person's own offerings are added per plan. */
  readonly courses: CourseCatalog;
  /** Runs plans in worker threads, one queue per person; closed with the app. */
  readonly planner: PlanService;
  /** Whether the server can send reminder emails (SMTP_URL and MAIL_FROM set); shown in the web app. */
  readonly emailConfigured?: boolean;
}

/** What buildApp needs: without `courses` it reads the shipped catalog/courses; without `planner` it starts a pool it closes with the app. */
export type AppInput = Omit<AppDeps, 'courses' | 'planner'> & { readonly courses?: CourseCatalog; readonly planner?: PlanService };

/**
 * Who is acting, for the change log: the caller the access layer resolved (src/api/auth): "local"
 * on a local server without accounts, else `account:<id>` (plus ` token:<id>` for an API token).
 * Never a request header: the X-Recert-Actor header a client sends is ignored.
 */
export function actorOf(headers: object): string {
  const caller = callerOfHeaders(headers);
  if (caller === undefined) throw new Error('no caller resolved for this request (the access layer did not run)');
  return caller.actor;
}
