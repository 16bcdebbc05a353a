/**
 * The transcript of one cycle of one credential, for an auditor: what counted (with the figures the
 * body asks for), the totals against the requirement, the components, the rule version with its
 * source, and what did not count and why. Pure: built from `evaluate`; the edges render it (PDF, ZIP).
 *
 * Cycles are numbered from 1, as the explanations number them ("Cycle 1 runs from ..."). A past cycle
 * is evaluated as it stood on its last counting day, with the renewal that closed it (and later ones)
 * left out, so its figures are those of that cycle and not of the one after.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Source } from '../catalog/schema.js';
import { addDays, minDate, type CalendarDate } from '../shared/calendar-date.js';
import { RecertError } from '../shared/recert-error.js';
import type { Profile } from '../profile/profile-schema.js';
import { evaluate } from './evaluate.js';
import { explain } from './explain.js';
import type { NotCountedReason } from './findings.js';
import type { ComponentReport, CredentialReport, Status } from './report.js';

export interface TranscriptActivity {
  /** 1-based position in the transcript; certificate files in the packet start with it. */
  readonly number: number;
  readonly id: string;
  readonly completed: CalendarDate;
  readonly title: string;
  readonly provider: string | null;
  readonly hours: number | null;
  /** Units counted after caps, in the program's unit. */
  readonly units: number;
  /** Units the body granted on the certificate (more than `units` when a cap cut it). */
  readonly granted: number;
  readonly category: string | null;
}

export interface TranscriptGrant {
  readonly credential: string;
  readonly programName: string;
  readonly units: number;
  readonly sentence: string;
}

export interface TranscriptNotCounted {
  readonly id: string;
  readonly completed: CalendarDate;
  readonly title: string;
  readonly reason: NotCountedReason;
  /** The engine's own sentence, reason included. */
  readonly sentence: string;
}

export interface TranscriptSource {
  readonly what: string;
  readonly confidence: string;
  readonly source: Source | null;
}

export interface Transcript {
  readonly asOf: CalendarDate;
  readonly credential: { readonly id: string; readonly program: string; readonly programName: string; readonly body: string; readonly number: string | null };
  /** Null for a credential without cycles (never expires, not yet earned, not covered). */
  readonly cycle: { readonly number: number; readonly start: CalendarDate; readonly end: CalendarDate; readonly renewedOn: CalendarDate | null; readonly current: boolean } | null;
  /** The date the figures are taken on: as-of for the current cycle, the last counting day for a past one. */
  readonly evaluatedOn: CalendarDate;
  readonly status: Status;
  readonly deadline: CalendarDate | null;
  readonly graceEnds: CalendarDate | null;
  readonly unit: string | null;
  readonly required: number | null;
  readonly earned: number;
  readonly missing: number | null;
  readonly activities: readonly TranscriptActivity[];
  readonly grants: readonly TranscriptGrant[];
  readonly components: readonly ComponentReport[];
  readonly notCounted: readonly TranscriptNotCounted[];
  readonly rule: { readonly from: CalendarDate; readonly fromBasis: string; readonly sources: readonly TranscriptSource[] } | null;
  readonly explanation: readonly string[];
}

export interface TranscriptRequest {
  readonly credentialId: string;
  /** 1-based cycle number; default: the current (latest) cycle. */
  readonly cycle?: number | undefined;
  readonly asOf: CalendarDate;
  /** How the caller names the cycle field in errors (`querystring.cycle`, `--cycle`). */
  readonly cyclePath?: string;
  /** The code of that error: REQUEST_INVALID over HTTP, USAGE on the command line. */
  readonly cycleErrorCode?: 'REQUEST_INVALID' | 'USAGE';
}

export function buildTranscript(catalog: Catalog, profile: Profile, request: TranscriptRequest): Transcript {
  const { credentialId, asOf } = request;
  const cyclePath = request.cyclePath ?? 'cycle';
  const credential = profile.credentials.find((c) => c.id === credentialId);
  if (credential === undefined) throw new RecertError([{ code: 'NOT_FOUND', path: 'credentialId', message: `no credential with id "${credentialId}"` }]);
  const full = reportOf(catalog, profile, credentialId, asOf);
  const history = full.history;
  const latest = history.length;
  const wanted = request.cycle ?? (latest === 0 ? undefined : latest);
  if (wanted !== undefined && (!Number.isInteger(wanted) || wanted < 1 || wanted > latest)) {
    const range = latest === 0 ? `"${credentialId}" has no renewal cycles (it is ${full.status})` : `expected a cycle from 1 to ${latest} (the current one)`;
    throw new RecertError([{ code: request.cycleErrorCode ?? 'REQUEST_INVALID', path: cyclePath, message: `${range}, got ${String(wanted)}` }]);
  }

  let report = full;
  let evaluatedOn = asOf;
  if (wanted !== undefined && wanted < latest) {
    const past = history[wanted - 1]!;
    const next = history[wanted]!;
    evaluatedOn = minDate(asOf, minDate(past.end, addDays(next.start, -1)));
    const renewals = profile.renewals.filter((r) => r.credential !== credentialId || (past.renewedOn !== null && r.date < past.renewedOn));
    report = reportOf(catalog, { ...profile, renewals }, credentialId, evaluatedOn);
    if (report.cycle?.start !== past.start) throw new Error(`cycle ${wanted} of "${credentialId}" could not be re-evaluated (expected it to start ${past.start})`);
  }
  const cycleRow = wanted === undefined ? undefined : history[wanted - 1];

  const byId = new Map(profile.activities.map((a) => [a.id, a]));
  const activities: TranscriptActivity[] = [];
  const grants: TranscriptGrant[] = [];
  const notCounted: TranscriptNotCounted[] = [];
  const windowEnd = report.cycle === null ? evaluatedOn : minDate(report.cycle.end, evaluatedOn);
  for (const f of report.findings) {
    if (f.kind === 'activity-counted') {
      const activity = byId.get(f.activity);
      activities.push({
        number: activities.length + 1, id: f.activity, completed: f.completed, title: f.title,
        provider: activity?.provider ?? null, hours: activity?.hours ?? null, units: f.units, granted: f.granted, category: f.category ?? null,
      });
    } else if (f.kind === 'grant-counted') {
      grants.push({ credential: f.credential, programName: f.programName, units: f.units, sentence: explain(f) });
    } else if (f.kind === 'activity-not-counted') {
      const inWindow = report.cycle !== null && f.completed >= report.cycle.start && f.completed <= windowEnd;
      const aboutThisCycle = f.reason === 'over-cap' || f.reason === 'in-lapse' || f.reason === 'after-expiry';
      if (inWindow || aboutThisCycle) notCounted.push({ id: f.activity, completed: f.completed, title: f.title, reason: f.reason, sentence: explain(f) });
    }
  }

  return {
    asOf,
    credential: { id: credential.id, program: report.program, programName: report.programName, body: report.body, number: credential.number ?? null },
    cycle: report.cycle === null || cycleRow === undefined || wanted === undefined
      ? null
      : { number: wanted, start: report.cycle.start, end: report.cycle.end, renewedOn: cycleRow.renewedOn, current: wanted === latest },
    evaluatedOn,
    status: report.status,
    deadline: report.deadline,
    graceEnds: report.graceEnds,
    unit: report.unit,
    required: report.required,
    earned: report.earned,
    missing: report.missing,
    activities,
    grants,
    components: report.components,
    notCounted,
    rule: ruleOf(catalog, report),
    explanation: report.explanation,
  };
}

function reportOf(catalog: Catalog, profile: Profile, credentialId: string, asOf: CalendarDate): CredentialReport {
  const report = evaluate(catalog, profile, asOf).credentials.find((c) => c.id === credentialId);
  if (report === undefined) throw new Error(`credential "${credentialId}" vanished from its own evaluation`);
  return report;
}

/** The rule version used, why it starts when it does, and the source of each value it leaned on. */
function ruleOf(catalog: Catalog, report: CredentialReport): Transcript['rule'] {
  if (report.ruleFrom === null) return null;
  const rule = catalog.programs.get(report.program)?.rules.find((r) => r.from === report.ruleFrom);
  if (rule === undefined) return null;
  const sources: TranscriptSource[] = [];
  const add = (what: string, value: { confidence: string; source?: Source | undefined } | undefined): void => {
    if (value !== undefined) sources.push({ what, confidence: value.confidence, source: value.source ?? null });
  };
  if (rule.requirements !== undefined) add(`Required: ${rule.requirements.totalUnits.value ?? 'unconfirmed'} ${rule.unit.name}`, rule.requirements.totalUnits);
  if (rule.validity.kind === 'months') add(`Validity: ${rule.validity.months.value ?? '?'} months`, rule.validity.months);
  if (rule.validity.kind === 'fixed-periods') add(`Reporting period: ${rule.validity.years.value ?? '?'} years`, rule.validity.years);
  if (rule.renewal?.grace !== undefined) add('Grace period after expiry', rule.renewal.grace);
  return { from: rule.from, fromBasis: rule.fromBasis, sources };
}
