/**
 * What each CE activity did, per credential: counted how much toward which cycle, or why not. Read
 * from the compliance report's findings (the same facts "Why this status" explains), so the CE log,
 * the API and the CLI say the same thing as the cards.
 */
import type { Profile } from '../profile/profile-schema.js';
import { explainActivityLine } from './explain.js';
import type { NotCountedReason } from './findings.js';
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
  return profile.activities.map((activity) => ({
    activity: activity.id,
    lines: report.credentials.flatMap((credential) => {
      const line = lineFor(credential, activity.id, activity.completed, activity.credits.find((c) => c.body === credential.body)?.units ?? null);
      return line === null ? [] : [line];
    }),
  }));
}

function lineFor(report: CredentialReport, activityId: string, completed: string, granted: number | null): ActivityLine | null {
  if (granted === null) return null;
  const base = { credential: report.id, program: report.program, programName: report.programName, unit: report.unit, granted };
  for (const f of report.findings) {
    if (f.kind === 'activity-counted' && f.activity === activityId) {
      return withText({ ...base, outcome: 'counted', units: f.units, cycle: report.cycle, reason: null });
    }
    if (f.kind === 'activity-not-counted' && f.activity === activityId) {
      if (f.reason === 'not-approved') return null;
      const other = f.reason === 'earlier-cycle' || f.reason === 'later-cycle'
        ? report.history.find((c) => completed >= c.start && completed <= c.end) ?? null
        : null;
      return withText({ ...base, outcome: 'not-counted', units: null, cycle: other === null ? null : { start: other.start, end: other.end }, reason: f.reason });
    }
  }
  return null;
}

function withText(line: Omit<ActivityLine, 'text'>): ActivityLine {
  return { ...line, text: explainActivityLine(line) };
}
