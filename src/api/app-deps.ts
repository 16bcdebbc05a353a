/** What the HTTP app is built from; tests pass their own store, folder and clock. */
import type { Catalog } from '../catalog/catalog.js';
import type { CourseCatalog } from '../catalog/course-catalog.js';
import type { PlanService } from '../plan-service/plan-service.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { EvidenceBlobs } from '../store/evidence/evidence-blobs.js';
import type { Store } from '../store/store.js';

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

/** Who is acting, for the change log: the X-Recert-Actor header (the web app sends "web"), else "api". */
export function actorOf(headers: Record<string, string | string[] | undefined>): string {
  const raw = headers['x-recert-actor'];
  // eslint-disable-next-line no-control-regex
  const value = (Array.isArray(raw) ? raw[0] : raw)?.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 100);
  return value === undefined || value === '' ? 'api' : value;
}
