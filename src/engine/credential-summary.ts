/**
 * A credential's report without the per-activity detail: where it stands, by when, what to do next,
 * and the engine's own outcome sentence as the one-line "why". What an API client polling statuses
 * needs; the findings, their sentences and what each activity counted stay in the full report.
 */
import type { CalendarDate } from '../shared/calendar-date.js';
import type { ComplianceReport, CredentialReport } from './report.js';

export type CredentialSummary = Omit<CredentialReport, 'counted' | 'notCounted' | 'contributions' | 'findings' | 'explanation'> & {
  /** The outcome in one plain sentence: what is missing, by when (the report's outcome finding, in words). */
  readonly why: string;
};

export interface StatusSummary {
  readonly asOf: CalendarDate;
  readonly credentials: readonly CredentialSummary[];
}

/** The outcome finding's sentence; a report without one (none is built that way) falls back to its last sentence. */
export function outcomeSentence(report: CredentialReport): string {
  const index = report.findings.findIndex((f) => f.kind === 'outcome');
  return (index >= 0 ? report.explanation[index] : undefined) ?? report.explanation[report.explanation.length - 1] ?? '';
}

/** Field for field in the order of the API's CredentialSummary schema (it is sent as JSON.stringify makes it). */
export function summarizeCredential(report: CredentialReport): CredentialSummary {
  return {
    id: report.id, program: report.program, programName: report.programName, body: report.body, kind: report.kind, status: report.status,
    cycle: report.cycle, deadline: report.deadline, graceEnds: report.graceEnds, ceWindowEnds: report.ceWindowEnds, unit: report.unit,
    required: report.required, earned: report.earned, missing: report.missing, components: report.components, ruleFrom: report.ruleFrom,
    history: report.history, nextStep: report.nextStep, why: outcomeSentence(report),
  };
}

export function summarizeStatus(report: ComplianceReport): StatusSummary {
  return { asOf: report.asOf, credentials: report.credentials.map(summarizeCredential) };
}
