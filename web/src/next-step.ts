/**
 * One next step per card. When the server's report carries a `nextStep` (text, fee and link from the
 * rule catalog) it is shown as given; otherwise a sentence is built from the status, deadline, grace
 * end and what is missing. Fees and links are never written here: only the catalog knows them.
 */
import type { CredentialReport, NextStep } from './api-types.js';
import { formatDate, formatUnits } from './format.js';

export interface Step {
  readonly text: string;
  readonly fee?: NextStep['fee'];
  readonly url?: string;
}

export function nextStepOf(report: CredentialReport, bodyName: string): Step | null {
  if (report.nextStep !== undefined && report.nextStep.text !== '') {
    const { text, fee, url } = report.nextStep;
    return { text, ...(fee === undefined ? {} : { fee }), ...(url === undefined ? {} : { url }) };
  }
  const text = fallback(report, bodyName);
  return text === null ? null : { text };
}

function fallback(report: CredentialReport, bodyName: string): string | null {
  const by = report.deadline === null ? '' : formatDate(report.deadline);
  const todo = missingParts(report);
  switch (report.status) {
    case 'due-soon':
    case 'in-progress':
      return todo.length === 0 ? `Renew by ${by}.` : `Complete ${todo.join(' and ')} by ${by}, then renew.`;
    case 'grace':
      return todo.length === 0
        ? `Renew late by ${by}, the end of the grace period: the requirements are met.`
        : `Renew late by ${by}. Still missing: ${todo.join(' and ')}. CE completed since it expired counts toward the next cycle, so ask ${bodyName} whether this cycle can still be completed.`;
    case 'lapsed':
      return `Ask ${bodyName} how to reinstate it: its reinstatement rules apply, and CE from the lapse does not count.`;
    case 'current': {
      if (report.deadline === null) return null;
      if (report.kind === 'prerequisite' || report.required === null) return `Take a renewal course by ${by} to keep it current.`;
      // Renewed, with the next cycle not yet started: its needs are the next thing to do.
      const startsOn = report.findings.find((f) => f.kind === 'outcome')?.startsOn;
      if (typeof startsOn === 'string') return `Next cycle from ${formatDate(startsOn)}: complete ${todo.join(' and ') || 'its requirements'} by ${by}.`;
      return `Renew by ${by}.`;
    }
    case 'unconfirmed':
      return `Check the required units with ${bodyName}: recert does not know them for sure.`;
    default:
      return null;
  }
}

function missingParts(report: CredentialReport): string[] {
  const parts: string[] = [];
  if (report.missing !== null && report.missing > 0 && report.unit !== null) parts.push(`${formatUnits(report.missing)} ${report.unit} more`);
  parts.push(...report.components.filter((c) => !c.met && !c.unconfirmed).map((c) => c.label));
  return parts;
}
