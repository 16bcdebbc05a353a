/**
 * One renewal to plan for: a credential's cycle, what is still missing in it after the CE already in the
 * profile (as the compliance engine counts it), and the limits new CE meets there. All units are integer
 * thousandths of the body's own unit.
 */
import type { CalendarDate } from '../shared/calendar-date.js';

export interface CategoryLimit {
  readonly category: string;
  /** Room left under the per-cycle cap, or null when the category has none. */
  readonly cycleRoom: number | null;
  /** The per-year cap, or null; with `yearUsed` giving what existing CE already used in each year. */
  readonly perYear: number | null;
  readonly yearUsed: ReadonlyMap<number, number>;
}

/** A program that must be current on the check date (CPR/AED), or whose holding counts units then (NASM 0.1 CEU). */
export interface Coverage {
  readonly kind: 'component' | 'grant';
  readonly program: string;
  readonly programName: string;
  readonly label: string;
  /** A completion on or after this date (and on or before the check date) keeps the program current on the check date. */
  readonly from: CalendarDate;
  /** Units counted (grant only). */
  readonly milli: number;
}

export interface Requirement {
  readonly index: number;
  readonly credential: string;
  readonly program: string;
  readonly programName: string;
  readonly body: string;
  readonly unit: string;
  /** The engine's cycle index, and the cycle's position in this plan (1 = the first planned). */
  readonly cycleIndex: number;
  readonly ordinal: number;
  readonly cycleStart: CalendarDate;
  /**
   * The expiry: the deadline, and the date the plan is checked on. For an expired cycle still inside its
   * CE window after expiry (`expiredOn` set), the window's last day: CE completed by then still counts.
   */
  readonly end: CalendarDate;
  /** Set only for such an expired cycle: the day it expired. A late renewal is assumed on `end`. */
  readonly expiredOn?: CalendarDate;
  /** The days new CE can be completed in and count here: from max(cycle start, as-of) to the window end. */
  readonly windowStart: CalendarDate;
  readonly windowEnd: CalendarDate;
  /** Planned on-time renewals of this credential before this cycle (their dates), for the acceptance check. */
  readonly renewalsBefore: readonly CalendarDate[];
  readonly requiredMilli: number;
  readonly existingMilli: number;
  /** Units still to earn: required − existing, at least 0. */
  readonly demandMilli: number;
  /** Categories with a cap (per cycle and/or per year). Credits in other categories count in full. */
  readonly limits: ReadonlyMap<string, CategoryLimit>;
  /** Category minimums still to meet (ACE ethics). */
  readonly minimums: readonly { readonly category: string; readonly milli: number; readonly label: string }[];
  /** Categories still needed for a spread (NSCA: 2 of A–D), and the candidates not used yet. */
  readonly spread: { readonly need: number; readonly used: readonly string[]; readonly label: string } | null;
  readonly coverage: readonly Coverage[];
  /** Programs that count units when earned inside this cycle (NASM CES → 1.9 CEU). */
  readonly earnedGrants: readonly { readonly program: string; readonly programName: string; readonly milli: number }[];
}

/** Why a credential's cycle cannot be planned for. */
export type InfeasibleReason =
  | { readonly kind: 'units'; readonly demand: number; readonly available: number }
  | { readonly kind: 'component'; readonly label: string; readonly program: string; readonly from: CalendarDate; readonly to: CalendarDate }
  | { readonly kind: 'category-minimum'; readonly label: string; readonly category: string; readonly demand: number; readonly available: number }
  | { readonly kind: 'spread'; readonly label: string; readonly need: number; readonly available: readonly string[] }
  | { readonly kind: 'unconfirmed-total' }
  | { readonly kind: 'not-covered'; readonly date: CalendarDate }
  | { readonly kind: 'ended-unmet'; readonly end: CalendarDate }
  /**
   * The cycle expired on `end` and, on the as-of date (in grace until `graceEnd`), the engine finds its
   * requirements not met: `missing` units and the `unmet` components. CE completed after `end` does not
   * count toward it. The later cycles are planned assuming a late renewal on `renewOn` is still arranged.
   */
  | { readonly kind: 'grace-unmet'; readonly end: CalendarDate; readonly graceEnd: CalendarDate; readonly missing: number; readonly unmet: readonly string[]; readonly renewOn: CalendarDate }
  | { readonly kind: 'combination' }
  /** The solver's time limit passed before any plan was found. */
  | { readonly kind: 'time-limit' };

export interface Infeasibility {
  readonly credential: string;
  readonly programName: string;
  readonly ordinal: number;
  readonly cycleStart: CalendarDate;
  readonly end: CalendarDate;
  readonly unit: string;
  readonly reason: InfeasibleReason;
}

/**
 * A credential already expired on the as-of date. `late-renewal`: in grace until `graceEnd`; `met` says
 * whether the engine finds the expired cycle's requirements met on the as-of date (`recert check`'s
 * verdict); the plan assumes the late renewal is filed on `assumedOn` (the as-of date, or, when CE still
 * counts toward the expired cycle until `ceWindowEnd`, that day, with the missing CE planned before it)
 * and, as the engine does, keeps the original schedule. `reinstatement`: lapsed (grace ended on `graceEnd`); the plan assumes
 * a reinstatement on `assumedOn`, which starts a new cycle that day.
 */
export interface LateRenewal {
  readonly credential: string;
  readonly programName: string;
  readonly kind: 'late-renewal' | 'reinstatement';
  readonly expired: CalendarDate;
  readonly graceEnd: CalendarDate;
  readonly met: boolean;
  readonly assumedOn: CalendarDate;
  /** The last day CE counts toward the expired cycle, when the body has a CE window after expiry and it is still open. */
  readonly ceWindowEnd?: CalendarDate;
  readonly unit: string;
}
