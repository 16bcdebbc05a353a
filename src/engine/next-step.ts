/**
 * The one next thing a credential holder should do, as data for the web app and the CLI: renew by a date
 * (with the fee and the renewal page), earn what is missing by when, renew late (with the late fee and what
 * still counts), or follow the body's reinstatement rule. The sentence comes from explain.ts.
 */
import type { Confidence, Fee, RuleVersion } from '../catalog/schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { addPeriod, type Cycle } from './cycles.js';
import { explainNextStep } from './explain.js';
import type { NextStep, Status } from './report.js';

export interface FeeFacts {
  readonly usd: number | null;
  readonly confidence: Confidence;
  /** For a late fee: the last day before the late renewals it applies to (null: from the day after expiry). */
  readonly after?: CalendarDate | null | undefined;
  /** For a late fee: the last late-renewal day it applies to (null: to the end of grace). */
  readonly until?: CalendarDate | null | undefined;
}

export type NextStepFacts =
  | { kind: 'renew-by'; date: CalendarDate; newCourse: boolean; fee?: FeeFacts | undefined; url?: string | undefined }
  | { kind: 'earn-units'; date: CalendarDate; missing: number | null; unit: string; unmet: readonly string[]; startsOn?: CalendarDate | undefined; fee?: FeeFacts | undefined; url?: string | undefined }
  | {
    kind: 'renew-late-by'; date: CalendarDate; graceEnds: CalendarDate; ceWindowEnds: CalendarDate | null; missing: number | null; unit: string;
    unmet: readonly string[]; newCourse: boolean; lateFees: readonly FeeFacts[]; fee?: FeeFacts | undefined; url?: string | undefined;
  }
  | { kind: 'reinstate'; rule: string | null; ruleConfidence: Confidence | null; newCourse: boolean; fee?: FeeFacts | undefined; url?: string | undefined }
  | { kind: 'none'; status: Status };

export interface NextStepInput {
  readonly status: Status;
  readonly rule: RuleVersion;
  readonly asOf: CalendarDate;
  readonly cycle: Cycle;
  readonly graceEnd: CalendarDate;
  readonly ceEnd: CalendarDate | undefined;
  readonly deadline: CalendarDate | null;
  readonly missing: number | null;
  readonly unit: string;
  readonly unmet: readonly string[];
  readonly newCourse: boolean;
  readonly notStarted: boolean;
}

/** The next step for a credential with nothing to do (never expires, not yet earned, not covered, unconfirmed). */
export function NO_NEXT_STEP(status: Status): NextStep {
  return toNextStep({ kind: 'none', status });
}

export function nextStepOf(input: NextStepInput): NextStep {
  return toNextStep(nextStepFacts(input));
}

export function nextStepFacts(input: NextStepInput): NextStepFacts {
  const { status, rule, cycle, deadline, missing, unit, unmet, newCourse } = input;
  const url = rule.renewal?.page?.value ?? undefined;
  const renewalFee = feeFacts(rule.fees.find((fee) => fee.kind === 'renewal'), cycle.end);
  const hasTodo = (missing !== null && missing > 0) || unmet.length > 0;
  switch (status) {
    case 'current':
      if (input.notStarted && !newCourse) return { kind: 'earn-units', date: cycle.end, missing, unit, unmet, startsOn: cycle.start, fee: renewalFee, url };
      return { kind: 'renew-by', date: cycle.end, newCourse, fee: renewalFee, url };
    case 'in-progress':
    case 'due-soon':
      if (newCourse || !hasTodo) return { kind: 'renew-by', date: cycle.end, newCourse, fee: renewalFee, url };
      return { kind: 'earn-units', date: cycle.end, missing, unit, unmet, fee: renewalFee, url };
    case 'grace': {
      const lateFees = rule.fees.filter((fee) => fee.kind === 'late').map((fee) => feeFacts(fee, cycle.end)!);
      const due = lateFees.find((fee) => (fee.after == null || fee.after < input.asOf) && (fee.until == null || fee.until >= input.asOf));
      return {
        kind: 'renew-late-by', date: deadline ?? input.graceEnd, graceEnds: input.graceEnd, ceWindowEnds: input.ceEnd ?? null,
        missing, unit, unmet, newCourse, lateFees, fee: due, url,
      };
    }
    case 'lapsed': {
      const reinstatement = rule.renewal?.reinstatement;
      const text = reinstatement?.value ?? rule.renewal?.afterGrace ?? null;
      return {
        kind: 'reinstate', rule: text, ruleConfidence: reinstatement?.value == null ? null : reinstatement.confidence, newCourse,
        fee: feeFacts(rule.fees.find((fee) => fee.kind === 'reinstatement'), cycle.end), url,
      };
    }
    default:
      return { kind: 'none', status };
  }
}

function feeFacts(fee: Fee | undefined, expiry: CalendarDate): FeeFacts | undefined {
  if (fee === undefined) return undefined;
  return {
    usd: fee.usd.value, confidence: fee.usd.confidence,
    after: fee.after === undefined ? null : addPeriod(expiry, fee.after),
    until: fee.until === undefined ? null : addPeriod(expiry, fee.until),
  };
}

function toNextStep(facts: NextStepFacts): NextStep {
  const text = explainNextStep(facts);
  if (facts.kind === 'none') return { kind: 'none', date: null, text };
  const fee = facts.fee === undefined ? undefined : { usd: facts.fee.usd, confidence: facts.fee.confidence };
  const date = facts.kind === 'reinstate' ? null : facts.date;
  return {
    kind: facts.kind, date, text,
    ...(fee === undefined ? {} : { fee }),
    ...(facts.url === undefined ? {} : { url: facts.url }),
  };
}
