/**
 * The dates a person's calendar should hold, from a compliance report: each credential's renewal
 * deadline, the end of its grace period, and each CPR/AED (prerequisite) card's expiry; plus planned
 * course dates or windows, which the caller passes in (see `PlannedWindow`). Pure: the edge renders
 * these as iCalendar (src/calendar/). Each event's `key` is stable for the same credential, kind and
 * cycle, so a calendar that re-fetches the feed updates an event instead of adding a second one.
 */
import type { CalendarDate } from '../shared/calendar-date.js';
import { formatUnits } from '../shared/units.js';
import type { ComplianceReport, CredentialReport } from './report.js';

export type CalendarEventKind = 'renewal-deadline' | 'grace-ends' | 'card-expires' | 'planned-course';

export interface CalendarEvent {
  /** Stable across re-fetches: person, credential (or planned item), kind and cycle. */
  readonly key: string;
  readonly kind: CalendarEventKind;
  /** All-day: the first day of the event. */
  readonly start: CalendarDate;
  /** All-day: the last day of the event (the same as `start` for a deadline). */
  readonly end: CalendarDate;
  readonly summary: string;
  readonly description: string;
  /** Days before `start` at which the calendar should remind. */
  readonly alarmDays: readonly number[];
}

/**
 * A planned course date or window (an offering chosen from a plan and kept as a planned item): the
 * feed's edge (calendar/person-calendar.ts) loads them and passes them here, and they appear as events
 * with the same alarms.
 */
export interface PlannedWindow {
  readonly id: string;
  readonly title: string;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly note?: string | undefined;
}

export const ALARM_DAYS = [90, 30, 7] as const;

export function calendarEvents(personId: string, report: ComplianceReport, planned: readonly PlannedWindow[] = []): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const credential of report.credentials) events.push(...credentialEvents(personId, credential, report.asOf));
  for (const item of planned) {
    events.push({
      key: `${personId}/planned/${item.id}`,
      kind: 'planned-course',
      start: item.start,
      end: item.end < item.start ? item.start : item.end,
      summary: `Planned CE: ${item.title}`,
      description: item.note ?? `Planned course "${item.title}".`,
      alarmDays: ALARM_DAYS,
    });
  }
  return events.sort((a, b) => (a.start === b.start ? (a.key < b.key ? -1 : 1) : a.start < b.start ? -1 : 1));
}

function credentialEvents(personId: string, c: CredentialReport, asOf: CalendarDate): CalendarEvent[] {
  if (c.cycle === null || c.history.length === 0) return [];
  const cycle = c.history.length;
  const key = (kind: CalendarEventKind): string => `${personId}/${c.id}/${kind}/cycle-${cycle}`;
  const name = `${c.programName} (${c.id})`;
  const outcomeAt = c.findings.findIndex((f) => f.kind === 'outcome');
  const outcome = outcomeAt < 0 ? '' : c.explanation[outcomeAt] ?? '';
  const missing = c.missing !== null && c.missing > 0 && c.unit !== null ? ` ${formatUnits(c.missing)} ${c.unit} still missing as of ${asOf}.` : '';
  const unmet = c.components.filter((x) => !x.met && !x.unconfirmed).map((x) => x.label);
  const needs = unmet.length > 0 ? ` Still needed: ${unmet.join('; ')}.` : '';
  const events: CalendarEvent[] = [];
  if (c.kind === 'prerequisite') {
    events.push({
      key: key('card-expires'), kind: 'card-expires', start: c.cycle.end, end: c.cycle.end,
      summary: `${c.programName} card expires (${c.id})`,
      description: `The ${c.programName} card "${c.id}" is valid until ${c.cycle.end}. Take the course again before then.${status(c)}`,
      alarmDays: ALARM_DAYS,
    });
  } else {
    events.push({
      key: key('renewal-deadline'), kind: 'renewal-deadline', start: c.cycle.end, end: c.cycle.end,
      summary: `Renew ${name}`,
      description: `Cycle ${cycle} of ${name} ends on ${c.cycle.end}.${missing}${needs}${status(c)} ${outcome}`.trim(),
      alarmDays: ALARM_DAYS,
    });
  }
  if (c.graceEnds !== null) {
    events.push({
      key: key('grace-ends'), kind: 'grace-ends', start: c.graceEnds, end: c.graceEnds,
      summary: `Grace period ends: ${name}`,
      description: `Last day to renew ${name} late, after the ${c.cycle.end} expiry; after it the credential lapses.${missing}${status(c)}`,
      alarmDays: ALARM_DAYS,
    });
  }
  return events;
}

function status(c: CredentialReport): string {
  return ` Status: ${c.status}.`;
}
