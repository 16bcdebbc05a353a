/**
 * Explanation facts. The engine records what it found as tagged, frozen data; explain.ts turns each
 * into an English sentence. Nothing here is prose.
 */
import type { Confidence, Source } from '../catalog/schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';

export type CycleBasis = 'earned' | 'renewed' | 'reinstated' | 'rolled-over';

export type NotCountedReason =
  | 'not-approved'
  | 'before-earned'
  | 'earlier-cycle'
  | 'later-cycle'
  | 'after-as-of'
  | 'in-lapse'
  | 'after-expiry'
  | 'before-period'
  | 'over-cap';

export type Finding =
  | {
    kind: 'cycle'; index: number; start: CalendarDate; end: CalendarDate; basis: CycleBasis;
    /** The validity rule that produced the dates. */
    months: number | null; expiresOn: 'anniversary' | 'end-of-month' | 'end-of-year' | null; periodYears: number | null;
    fixedPeriod: boolean; periodStart?: CalendarDate | undefined;
    /** For a renewal that extends from the old expiry: that expiry. */
    previousExpiry?: CalendarDate | undefined;
    /** A first fixed period that required nothing. */
    rolledOver: boolean;
  }
  | { kind: 'rolled-over'; earned: CalendarDate; periodEnd: CalendarDate; nextStart: CalendarDate }
  | { kind: 'next-cycle-not-started'; renewedOn: CalendarDate; start: CalendarDate }
  | { kind: 'never-expires'; grantsTo: { program: string; programName: string; units: number | null; unit: string }[] }
  | { kind: 'not-yet-earned'; earned: CalendarDate }
  | { kind: 'not-covered'; date: CalendarDate; firstFrom: CalendarDate }
  | { kind: 'cycles-before-catalog'; earned: CalendarDate; firstFrom: CalendarDate }
  | { kind: 'renewal-ignored'; date: CalendarDate; why: 'after-as-of' | 'before-cycle' | 'duplicate' }
  | { kind: 'late-renewal'; date: CalendarDate; expired: CalendarDate }
  | { kind: 'reinstated'; date: CalendarDate; lapsedFrom: CalendarDate }
  | { kind: 'first-cycle-requirement'; required: number; unit: string }
  | { kind: 'required-prorated'; earned: CalendarDate; periodStart: CalendarDate; required: number; unit: string }
  | { kind: 'activity-counted'; activity: string; title: string; completed: CalendarDate; units: number; granted: number; unit: string; category?: string | undefined }
  | { kind: 'activity-not-counted'; activity: string; title: string; completed: CalendarDate; reason: NotCountedReason; body: string; category?: string | undefined; cap?: number | undefined; perYear?: boolean | undefined }
  | { kind: 'grant-counted'; credential: string; program: string; programName: string; units: number; unit: string; counts: 'earned-in-cycle' | 'current-at-check'; earned: CalendarDate }
  | { kind: 'grant-not-counted'; credential: string; program: string; programName: string; reason: 'unconfirmed' | 'earned-outside-cycle' | 'not-current' | 'already-held'; candidates?: number[] | undefined }
  | { kind: 'component'; id: string; label: string; met: boolean; detail: ComponentDetail }
  | { kind: 'prerequisite-expires-early'; label: string; credential: string; expires: CalendarDate; deadline: CalendarDate; beyondDays: number }
  | { kind: 'value-confidence'; what: string; confidence: Confidence; source?: Source | undefined; note?: string | undefined }
  | { kind: 'unconfirmed-value'; what: string; note?: string | undefined; candidates?: unknown[] | undefined }
  | { kind: 'progress'; earned: number; required: number; unit: string }
  | {
    kind: 'outcome'; status: string; renewBy: 'continuing-education' | 'new-course'; startsOn?: CalendarDate | undefined; deadline: CalendarDate | null;
    missingUnits: number | null; unit: string; unmet: string[]; graceEnds: CalendarDate | null;
    /** Last day CE counts toward the expired cycle, when the body has a CE window after expiry. */
    ceWindowEnds: CalendarDate | null;
    /** Lapsed before the end of grace because the CE window ended with the requirements unmet. */
    lapsedBy?: 'ce-window' | undefined;
    /** The next cycle follows a first period that required nothing (not a renewal). */
    rolledOver?: boolean | undefined;
  };

export type ComponentDetail =
  | { kind: 'program-current'; program: string; programName: string; checkDate: CalendarDate; validBeyondDays: number; holder?: { credential: string; validUntil: CalendarDate } | undefined; expiredOn?: CalendarDate | undefined }
  | { kind: 'category-minimum'; category: string; categoryName: string; required: number | null; earned: number; unit: string }
  | { kind: 'min-categories'; required: number | null; categories: string[]; waived: boolean };

export function finding<F extends Finding>(value: F): Readonly<F> {
  return Object.freeze(value);
}
