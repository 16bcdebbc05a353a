/** What the compliance engine returns: one frozen report per credential. */
import type { Confidence } from '../catalog/schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Finding, NotCountedReason } from './findings.js';

export type Status =
  | 'current'
  | 'in-progress'
  | 'due-soon'
  | 'grace'
  | 'lapsed'
  | 'never-expires'
  /** Earned after the as-of date. */
  | 'not-yet-earned'
  /** The catalog has no rule version for this date. */
  | 'not-covered'
  /** The catalog's required total for this program is unconfirmed: recert will not guess it. */
  | 'unconfirmed';

export interface ComponentReport {
  readonly id: string;
  readonly label: string;
  readonly met: boolean;
  readonly unconfirmed: boolean;
  readonly detail: string;
}

export interface CycleReport {
  readonly index: number;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly renewedOn: CalendarDate | null;
}

/** The one next thing to do, for the web app and the CLI. */
export interface NextStep {
  readonly kind: 'renew-by' | 'renew-late-by' | 'reinstate' | 'earn-units' | 'none';
  /** The last day to do it, or null (reinstate, none). */
  readonly date: CalendarDate | null;
  readonly text: string;
  /** The fee that applies now (renewal, the current late tier, or reinstatement), when the catalog lists one. */
  readonly fee?: { readonly usd: number | null; readonly confidence: Confidence } | undefined;
  /** The body's renewal page. */
  readonly url?: string | undefined;
}

export interface CredentialReport {
  readonly id: string;
  readonly program: string;
  readonly programName: string;
  readonly body: string;
  readonly kind: 'certification' | 'specialization' | 'prerequisite';
  readonly status: Status;
  readonly cycle: { readonly start: CalendarDate; readonly end: CalendarDate } | null;
  /** The last day to act: the cycle end, or the end of the grace period while in grace. */
  readonly deadline: CalendarDate | null;
  readonly graceEnds: CalendarDate | null;
  /** Last day CE still counts toward an expired cycle (the body's CE window after expiry), or null. */
  readonly ceWindowEnds: CalendarDate | null;
  readonly unit: string | null;
  readonly required: number | null;
  readonly earned: number;
  readonly missing: number | null;
  readonly components: readonly ComponentReport[];
  readonly counted: readonly string[];
  readonly notCounted: readonly { readonly id: string; readonly reason: NotCountedReason }[];
  /** Each counted source (activity or held program) and the units it gave after caps. */
  readonly contributions: readonly { readonly source: 'activity' | 'grant'; readonly id: string; readonly units: number; readonly category: string | null }[];
  /** The rule version used (its `from`), for audit. */
  readonly ruleFrom: CalendarDate | null;
  readonly history: readonly CycleReport[];
  readonly findings: readonly Finding[];
  readonly explanation: readonly string[];
  readonly nextStep: NextStep;
}

export interface ComplianceReport {
  readonly asOf: CalendarDate;
  readonly credentials: readonly CredentialReport[];
}
