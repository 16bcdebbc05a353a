/**
 * What each CE activity did, per credential: counted how much toward which cycle, or why not. Read
 * from the compliance report's findings (the same facts "Why this status" explains), so the CE log,
 * the API and the CLI say the same thing as the cards.
 */
import type { Profile } from '../profile/profile-schema.js';
import { explainActivityLine } from './explain.js';
import type { Finding, NotCountedReason } from './findings.js';
import type { ComplianceReport, CredentialReport } from './report.js';

export interface ActivityLine {
  readonly credential: string;
  readonly program: string;
  readonly programName: string;
  readonly outcome: 'counted' | 'not-counted';
  /** Units counted after caps (null when not counted). */
  readonly units: number | null;
  /** Units the activity's line for this body grants. */
  readonly granted: number | null;
  readonly unit: string | null;
  /** The cycle counted toward, or the other cycle the activity falls in (earlier / later cycle). */
  readonly cycle: { readonly start: string; readonly end: string } | null;
  readonly reason: NotCountedReason | null;
  readonly text: string;
}

export interface ActivitySummary {
  readonly activity: string;
  /** One line per credential whose body the activity has units from and whose CE the engine counted. */
  readonly lines: readonly ActivityLine[];
}

export function summarizeActivities(report: ComplianceReport, profile: Profile): ActivitySummary[] {
  // Each credential's findings indexed by activity once (not searched per activity: a wallet can hold tens of thousands).
  const indexes = report.credentials.map(activityFindings);
  return profile.activities.map((activity) => ({
    activity: activity.id,
    lines: report.credentials.flatMap((credential, i) => {
      const line = lineFor(credential, indexes[i]!.get(activity.id), activity.completed, activity.credits.find((c) => c.body === credential.body)?.units ?? null);
      return line === null ? [] : [line];
    }),
  }));
}

type ActivityFinding = Extract<Finding, { kind: 'activity-counted' | 'activity-not-counted' }>;

/** The first finding about each activity, as a search of the findings in order would find it. */
function activityFindings(report: CredentialReport): Map<string, ActivityFinding> {
  const out = new Map<string, ActivityFinding>();
  for (const f of report.findings) {
    if ((f.kind === 'activity-counted' || f.kind === 'activity-not-counted') && !out.has(f.activity)) out.set(f.activity, f);
  }
  return out;
}

function lineFor(report: CredentialReport, f: ActivityFinding | undefined, completed: string, granted: number | null): ActivityLine | null {
  if (granted === null || f === undefined) return null;
  if (f.kind === 'activity-counted') return line(report, 'counted', f.units, granted, report.cycle, null);
  if (f.reason === 'not-approved') return null;
  const other = f.reason === 'earlier-cycle' || f.reason === 'later-cycle'
    ? report.history.find((c) => completed >= c.start && completed <= c.end) ?? null
    : null;
  return line(report, 'not-counted', null, granted, other === null ? null : { start: other.start, end: other.end }, f.reason);
}

/** A line with its fields in the API schema's order (src/api/schemas/report-schema.ts). */
function line(report: CredentialReport, outcome: ActivityLine['outcome'], units: number | null, granted: number, cycle: ActivityLine['cycle'], reason: NotCountedReason | null): ActivityLine {
  const facts = { credential: report.id, program: report.program, programName: report.programName, outcome, units, granted, unit: report.unit, cycle, reason };
  return { ...facts, text: explainActivityLine(facts) };
}
