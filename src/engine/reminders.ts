/**
 * Which reminder is due for each credential on a date: 90, 60, 30 and 7 days before a deadline whose
 * requirements are not met, on entering the grace period, one week before the grace period ends, and
 * 90, 60, 30 and 7 days before a CPR/AED card expires. Pure. Each reminder carries an idempotency key
 * (person × credential × cycle × threshold): a sender records the keys it has sent and never sends one
 * twice. When several thresholds have passed (the sender was down), only the latest is due, so a user
 * never gets a burst of stale reminders.
 */
import { addDays, type CalendarDate } from '../shared/calendar-date.js';
import { formatUnits } from '../shared/units.js';
import type { ComplianceReport, CredentialReport } from './report.js';

export const DEADLINE_THRESHOLDS = [90, 60, 30, 7] as const;

export type ReminderThreshold = `deadline-${number}` | 'grace-entry' | 'grace-ends-7' | `card-${number}`;

export interface Reminder {
  /** `person/credential/cycle-N/threshold`: unique per reminder ever due. */
  readonly key: string;
  readonly personId: string;
  readonly credentialId: string;
  readonly cycle: number;
  readonly threshold: ReminderThreshold;
  /** The first day this reminder is due. */
  readonly dueOn: CalendarDate;
  readonly subject: string;
  /** Plain text: what is missing, the next step. */
  readonly body: string;
  /** What is still missing, one sentence ('' when nothing is, e.g. a card to renew). */
  readonly missing: string;
  /** The credential's one next step (the report's `nextStep.text`). */
  readonly nextStep: string;
}

export function dueReminders(personId: string, report: ComplianceReport, thresholds: readonly number[] = DEADLINE_THRESHOLDS): Reminder[] {
  const out: Reminder[] = [];
  for (const credential of report.credentials) {
    const reminder = dueFor(personId, credential, report.asOf, thresholds);
    if (reminder !== null) out.push(reminder);
  }
  return out;
}

function dueFor(personId: string, c: CredentialReport, asOf: CalendarDate, thresholds: readonly number[]): Reminder | null {
  if (c.cycle === null || c.history.length === 0) return null;
  const cycle = c.history.length;
  const make = (threshold: ReminderThreshold, dueOn: CalendarDate, subject: string, body: string): Reminder => ({
    key: `${personId}/${c.id}/cycle-${cycle}/${threshold}`, personId, credentialId: c.id, cycle, threshold, dueOn, subject, body, missing: needs, nextStep: c.nextStep.text,
  });
  const name = `${c.programName} (${c.id})`;
  const outcomeAt = c.findings.findIndex((f) => f.kind === 'outcome');
  const next = outcomeAt < 0 ? '' : `\n\n${c.explanation[outcomeAt]}`;
  const missing = c.missing !== null && c.missing > 0 && c.unit !== null ? `${formatUnits(c.missing)} ${c.unit} still missing. ` : '';
  const unmet = c.components.filter((x) => !x.met && !x.unconfirmed).map((x) => x.label);
  const needs = `${missing}${unmet.length > 0 ? `Still needed: ${unmet.join('; ')}. ` : ''}`.trim();
  const end = c.cycle.end;

  if (c.kind === 'prerequisite') {
    const passed = latestPassed(asOf, end, thresholds);
    if (passed === null || asOf > end) return null;
    return make(`card-${passed}`, addDays(end, -passed), `${c.programName} card expires on ${end}`, `Your ${c.programName} card "${c.id}" expires on ${end}. Book a course before then.${next}`);
  }
  if (c.status === 'grace' && c.graceEnds !== null) {
    // Where CE must be done within a window after expiry (NASM: 90 days), an unmet requirement lapses at
    // the window's end, before the late-renewal window closes: that is the day the reminder is about.
    const byCe = needs !== '' && c.ceWindowEnds !== null && c.ceWindowEnds < c.graceEnds;
    const last = byCe ? c.ceWindowEnds! : c.graceEnds;
    const until = byCe ? `complete the CE by ${last} (then renew late, until ${c.graceEnds})` : `renew until ${last}`;
    if (asOf >= addDays(last, -7)) {
      return make('grace-ends-7', addDays(last, -7), `Last week to renew ${name}: ${byCe ? 'CE window' : 'grace'} ends ${last}`, `${byCe ? 'The window for completing CE' : 'The grace period'} of ${name} ends on ${last}; after that it lapses. ${needs}${next}`.trim());
    }
    return make('grace-entry', addDays(end, 1), `${name} expired on ${end}: ${until}`, `${name} expired on ${end}. You can still ${until}. ${needs}${next}`.trim());
  }
  if (c.status !== 'in-progress' && c.status !== 'due-soon') return null;
  const passed = latestPassed(asOf, end, thresholds);
  if (passed === null) return null;
  return make(`deadline-${passed}`, addDays(end, -passed), `${name}: deadline ${end}`, `${name} must be renewed by ${end}. ${needs}${next}`.trim());
}

/** The smallest threshold whose day has come (asOf on or after end - threshold days), or null. */
function latestPassed(asOf: CalendarDate, end: CalendarDate, thresholds: readonly number[]): number | null {
  const passed = thresholds.filter((days) => asOf >= addDays(end, -days));
  return passed.length === 0 ? null : Math.min(...passed);
}
