/**
 * The compliance engine: `evaluate(catalog, profile, asOf)` says, for each credential, where its current
 * cycle stands, what counts, what is missing, by when, and why. Pure and deterministic: `asOf` is always
 * passed in, and nothing here reads files, the network or the clock.
 */
import type { Catalog } from '../catalog/catalog.js';
import { ruleAt } from '../catalog/rule-at.js';
import type { Program, RuleVersion, Sourced } from '../catalog/schema.js';
import { daysBetween, type CalendarDate } from '../shared/calendar-date.js';
import { DEFAULT_POLICY, type Policy } from '../shared/policy.js';
import { fromMilli, toMilli } from '../shared/units.js';
import type { Activity, Credential, Profile } from '../profile/profile-schema.js';
import { checkComponent } from './check-components.js';
import { activityFindings, countActivities, inCountingOrder } from './count-activities.js';
import { countGrants } from './count-grants.js';
import { prorationRow } from './category-caps.js';
import { ceWindowEndOf, graceEndOf, type Cycle } from './cycles.js';
import { explain } from './explain.js';
import { cyclesOnce, heldValiditiesOnce, type CyclesOf, type Validity } from './held-credentials.js';
import { finding, type Finding } from './findings.js';
import { nextStepOf, NO_NEXT_STEP } from './next-step.js';
import type { ComplianceReport, CredentialReport, Status } from './report.js';

export function evaluate(catalog: Catalog, profile: Profile, asOf: CalendarDate, policy: Policy = DEFAULT_POLICY): ComplianceReport {
  // The activities in counting order, sorted once for all credentials (and only if one counts CE).
  let ordered: readonly Activity[] | undefined;
  const inOrder = (): readonly Activity[] => (ordered ??= inCountingOrder(profile.activities));
  // Held credentials' validity (CPR/AED, specializations), worked out once per program for all credentials.
  // Each credential's cycles, built once for its own report and for credentials that depend on holding it.
  const cyclesOf = cyclesOnce(profile, asOf);
  const held = heldValiditiesOnce(catalog, profile, asOf, cyclesOf);
  const credentials = new Array<CredentialReport>(profile.credentials.length);
  for (let i = 0; i < credentials.length; i++) credentials[i] = evaluateCredential(catalog, profile, profile.credentials[i]!, asOf, policy, inOrder, held, cyclesOf);
  return Object.freeze({ asOf, credentials: Object.freeze(credentials) });
}

type ReportFields = Omit<CredentialReport, 'findings' | 'explanation' | 'nextStep'>;

/** The findings of a report not read yet, or read (then kept). */
interface LazyFindings { readonly make: () => Finding[]; findings: readonly Finding[] | undefined; explanation: readonly string[] | undefined }
/**
 * Where a report keeps its LazyFindings: a non-enumerable symbol key, invisible to JSON, spreads,
 * Object.keys and equality (a WeakMap entry per report cost more, mostly in the garbage collector).
 */
const LAZY = Symbol('lazy findings');
type WithLazy = { readonly [LAZY]: LazyFindings };

function findingsOf(this: WithLazy): readonly Finding[] {
  const lazy = this[LAZY];
  return (lazy.findings ??= Object.freeze(lazy.make()));
}

function explanationOf(this: WithLazy): readonly string[] {
  const lazy = this[LAZY];
  return (lazy.explanation ??= Object.freeze(findingsOf.call(this).map(explain)));
}

// One pair of getters shared by every report (a getter closure per report would cost more than the sentences).
const FINDINGS: PropertyDescriptor = { get: findingsOf, enumerable: true };
const EXPLANATION: PropertyDescriptor = { get: explanationOf, enumerable: true };

/**
 * A credential report whose `findings` and `explanation` are built on first read (then kept): an
 * evaluation makes one finding and one sentence per activity and credential, and most callers (the
 * planner, the calendar, status counts) never read them. Enumerable getters in the same key order as
 * plain fields, so JSON, spreads and equality see the same report.
 */
function credentialReport(f: ReportFields, makeFindings: () => Finding[], nextStep: CredentialReport['nextStep']): CredentialReport {
  // The fields in the API schema's order (src/api/schemas/report-schema.ts), so the HTTP API can send JSON.stringify of the report as it is.
  const report = {
    id: f.id, program: f.program, programName: f.programName, body: f.body, kind: f.kind, status: f.status, cycle: f.cycle, deadline: f.deadline,
    graceEnds: f.graceEnds, ceWindowEnds: f.ceWindowEnds, unit: f.unit, required: f.required, earned: f.earned, missing: f.missing, components: f.components,
    counted: f.counted, notCounted: f.notCounted, contributions: f.contributions, ruleFrom: f.ruleFrom, history: f.history,
  } as Record<string, unknown>;
  Object.defineProperty(report, 'findings', FINDINGS);
  Object.defineProperty(report, 'explanation', EXPLANATION);
  report.nextStep = freezeNextStep(nextStep);
  Object.defineProperty(report, LAZY, { value: { make: makeFindings, findings: undefined, explanation: undefined } satisfies LazyFindings });
  return Object.freeze(report) as unknown as CredentialReport;
}

function evaluateCredential(
  catalog: Catalog, profile: Profile, credential: Credential, asOf: CalendarDate, policy: Policy, inOrder: () => readonly Activity[], held: (program: string) => readonly Validity[],
  cyclesOf: CyclesOf,
): CredentialReport {
  const program = catalog.programs.get(credential.program);
  if (program === undefined) throw new Error(`unknown program "${credential.program}" (profiles are checked against the catalog before evaluation)`);
  const base = {
    id: credential.id, program: program.id, programName: program.name, body: program.body, kind: program.kind,
    cycle: null, deadline: null, graceEnds: null, unit: null, required: null, earned: 0, missing: null,
    components: NONE, counted: NONE, notCounted: NONE, contributions: NONE, ruleFrom: null, history: NONE, ceWindowEnds: null,
  } as const;
  const simple = (status: Status, findings: Finding[]): CredentialReport => credentialReport({ ...base, status }, () => findings, NO_NEXT_STEP(status));

  if (credential.earned > asOf) return simple('not-yet-earned', [finding({ kind: 'not-yet-earned', earned: credential.earned })]);
  const track = cyclesOf(program, credential);
  if (track.kind === 'not-covered') return simple('not-covered', [finding({ kind: 'not-covered', date: track.date, firstFrom: track.firstFrom })]);
  if (track.kind === 'never-expires') return simple('never-expires', [finding({ kind: 'never-expires', grantsTo: grantsFrom(catalog, program.id, asOf) })]);

  const cycle = track.cycles[track.cycles.length - 1]!;
  // Requirements are those in force on the cycle's deadline.
  const rule = ruleAt(program, cycle.end);
  if (rule === undefined) return simple('not-covered', [...track.findings, finding({ kind: 'not-covered', date: cycle.end, firstFrom: program.rules[0]!.from })]);
  const unit = rule.unit.name;
  const graceEnd = graceEndOf(rule, cycle.end);
  const ceEnd = ceWindowEndOf(rule, cycle.end);
  const cycleRule = ruleAt(program, cycle.start) ?? rule;
  const findings: Finding[] = [...track.findings];
  const rolledFrom = track.cycles.find((c) => c.rolledOver === true);
  if (rolledFrom !== undefined) findings.push(cycleFinding(cycleRule, rolledFrom, program, track.cycles));
  findings.push(cycleFinding(cycleRule, cycle, program, track.cycles));
  if (rolledFrom !== undefined && cycle.basis === 'rolled-over') {
    findings.push(finding({ kind: 'rolled-over', earned: credential.earned, periodEnd: rolledFrom.end, nextStart: cycle.start }));
  }
  const notStarted = asOf < cycle.start;
  if (notStarted && cycle.renewedOn === undefined && cycle.index > 0 && cycle.basis !== 'rolled-over') {
    findings.push(finding({ kind: 'next-cycle-not-started', renewedOn: track.cycles[cycle.index - 1]?.renewedOn ?? cycle.start, start: cycle.start }));
  }
  const history = Object.freeze(track.cycles.map((c) => Object.freeze({ index: c.index, start: c.start, end: c.end, renewedOn: c.renewedOn ?? null })));
  const timing = { cycle: Object.freeze({ start: cycle.start, end: cycle.end }), unit, ruleFrom: rule.from, history, ceWindowEnds: ceEnd ?? null };

  const requirements = rule.requirements;
  if (rule.renewal?.method === 'new-course' || requirements === undefined) {
    // Renewed by taking the course again: nothing to earn, so it is current until the due-soon window.
    const status = notStarted ? 'current' : statusByDate(asOf, cycle.end, graceEnd, daysBetween(asOf, cycle.end) > policy.dueSoonDays, policy, undefined);
    const deadline = deadlineOf(status, cycle.end, graceEnd, true, undefined);
    findings.push(finding({ kind: 'outcome', status, renewBy: 'new-course', deadline, missingUnits: null, unit, unmet: [], graceEnds: graceEnd > cycle.end ? graceEnd : null, ceWindowEnds: null }));
    const nextStep = nextStepOf({ status, rule, asOf, cycle, graceEnd, ceEnd: undefined, deadline, missing: null, unit, unmet: [], newCourse: true, notStarted });
    return credentialReport({
      id: credential.id, program: program.id, programName: program.name, body: program.body, kind: program.kind,
      cycle: timing.cycle, unit, ruleFrom: rule.from, history, ceWindowEnds: null, status, deadline, graceEnds: graceEnd > cycle.end ? graceEnd : null,
      required: null, earned: 0, missing: null, components: NONE, counted: NONE, notCounted: NONE, contributions: NONE,
    }, () => [...findings, ...confidenceFindings(program, rule, NO_PROGRAMS)], nextStep);
  }

  const proration = prorationRow(rule, cycle, credential);
  const firstCycle = cycle.index === 0 && cycle.basis === 'earned' && requirements.firstCycleUnits !== undefined;
  const required = proration?.totalUnits ?? (firstCycle ? requirements.firstCycleUnits!.value : requirements.totalUnits.value);
  if (firstCycle && required !== null) findings.push(finding({ kind: 'first-cycle-requirement', required, unit }));
  if (proration !== undefined && proration.earned !== 'before-cycle' && cycle.periodStart !== undefined) {
    findings.push(finding({ kind: 'required-prorated', earned: credential.earned, periodStart: cycle.periodStart, required: proration.totalUnits, unit }));
  }
  const grants = countGrants(catalog, profile, rule, cycle, asOf, unit, held);
  const countContext = { catalog, body: program.body, unit, rule, cycle, cycles: track.cycles, earned: credential.earned, asOf, proration };
  const activities = countActivities(inOrder(), countContext, { ordered: true, withFindings: false });
  const contributions = [...grants.contributions, ...activities.contributions];
  const components = requirements.components.map((component) => checkComponent(component, {
    catalog, profile, body: program.body, unit, cycle, asOf, contributions, requiredMilli: required === null ? null : toMilli(required), held,
  }));
  const earnedMilli = contributions.reduce((sum, c) => sum + c.milli, 0);
  const unitsMet = required !== null && earnedMilli >= toMilli(required);
  const unmet = components.filter((c) => !c.met && !c.unconfirmed);
  const met = unitsMet && unmet.length === 0;
  const status: Status = required === null ? 'unconfirmed' : notStarted ? 'current' : statusByDate(asOf, cycle.end, graceEnd, met, policy, ceEnd);
  const missing = required === null ? null : fromMilli(Math.max(0, toMilli(required) - earnedMilli));
  const deadline = deadlineOf(status, cycle.end, graceEnd, met, ceEnd);

  // The per-activity findings go here, between the grants and the components: built from the count when read.
  const head = findings.length + grants.findings.length;
  findings.push(...grants.findings);
  for (const component of components) findings.push(component.finding, ...component.advisories);
  if (required !== null) findings.push(finding({ kind: 'progress', earned: fromMilli(earnedMilli), required, unit }));
  findings.push(finding({
    kind: 'outcome', status, renewBy: 'continuing-education', startsOn: notStarted ? cycle.start : undefined, deadline, missingUnits: missing, unit,
    unmet: unmet.map((c) => c.label), graceEnds: graceEnd > cycle.end ? graceEnd : null, ceWindowEnds: ceEnd ?? null,
    lapsedBy: status === 'lapsed' && ceEnd !== undefined && asOf <= graceEnd ? 'ce-window' : undefined,
    rolledOver: notStarted && cycle.basis === 'rolled-over' ? true : undefined,
  }));

  // The per-activity findings and the confidence notes (sentences built from the catalog) are made when first read.
  const allFindings = (): Finding[] => {
    const perActivity = activityFindings(inOrder(), activities, countContext);
    const grantedPrograms = new Set(grants.findings.flatMap((f) => (f.kind === 'grant-counted' ? [f.program] : [])));
    return [...findings.slice(0, head), ...perActivity, ...findings.slice(head), ...confidenceFindings(program, rule, grantedPrograms)];
  };
  // Every field written out (no spread of base and timing: this runs once per credential of every wallet).
  return credentialReport({
    id: credential.id, program: program.id, programName: program.name, body: program.body, kind: program.kind,
    cycle: timing.cycle, unit, ruleFrom: rule.from, history, ceWindowEnds: timing.ceWindowEnds,
    status,
    deadline,
    graceEnds: graceEnd > cycle.end ? graceEnd : null,
    required,
    earned: fromMilli(earnedMilli),
    missing,
    components: Object.freeze(components.map((c) => Object.freeze({ id: c.id, label: c.label, met: c.met, unconfirmed: c.unconfirmed, detail: explain(c.finding) }))),
    counted: Object.freeze(activities.contributions.map((c) => c.id)),
    notCounted: Object.freeze(activities.notCounted),
    contributions: Object.freeze(contributions.map((c) => Object.freeze({ source: c.source, id: c.id, units: fromMilli(c.milli), category: c.category ?? null }))),
  }, allFindings, nextStepOf({
    status, rule, asOf, cycle, graceEnd, ceEnd, deadline, missing, unit, unmet: unmet.map((c) => c.label), newCourse: false, notStarted,
  }));
}

/**
 * Where a cycle stands on `asOf`. After expiry: in grace while a late renewal is accepted; lapsed after it,
 * or earlier when the body's CE window after expiry has ended with the requirements unmet.
 */
function statusByDate(asOf: CalendarDate, end: CalendarDate, graceEnd: CalendarDate, met: boolean, policy: Policy, ceEnd: CalendarDate | undefined): Status {
  if (asOf <= end) {
    if (met) return 'current';
    return daysBetween(asOf, end) <= policy.dueSoonDays ? 'due-soon' : 'in-progress';
  }
  if (asOf > graceEnd) return 'lapsed';
  if (!met && ceEnd !== undefined && asOf > ceEnd) return 'lapsed';
  return 'grace';
}

/** The last day to act: the expiry; in grace, the end of the CE window while units are missing, else the end of grace. */
function deadlineOf(status: Status, end: CalendarDate, graceEnd: CalendarDate, met: boolean, ceEnd: CalendarDate | undefined): CalendarDate | null {
  if (status === 'lapsed') return null;
  if (status !== 'grace') return end;
  return !met && ceEnd !== undefined && ceEnd < graceEnd ? ceEnd : graceEnd;
}

/** The cycle's dates with the rule that produced them (validity and where the cycle started). */
function cycleFinding(rule: RuleVersion, cycle: Cycle, program: Program, cycles: readonly Cycle[]): Finding {
  const validityRule = ruleAt(program, cycle.start) ?? rule;
  const validity = validityRule.validity;
  const previous = cycles.find((c) => c.index === cycle.index - 1);
  const rolesFrom = cycle.basis === 'renewed' && previous !== undefined && cycle.start > previous.end ? previous.end : undefined;
  return finding({
    kind: 'cycle', index: cycle.index, start: cycle.start, end: cycle.end, basis: cycle.basis,
    months: validity.kind === 'months' ? validity.months.value : null,
    expiresOn: validity.kind === 'months' ? validity.expiresOn.value : null,
    periodYears: validity.kind === 'fixed-periods' ? validity.years.value : null,
    fixedPeriod: cycle.periodStart !== undefined,
    periodStart: cycle.periodStart,
    previousExpiry: rolesFrom,
    rolledOver: cycle.rolledOver === true,
  });
}

/** Programs whose rules in force on `asOf` grant units for holding `programId`. */
function grantsFrom(catalog: Catalog, programId: string, asOf: CalendarDate) {
  const out: { program: string; programName: string; units: number | null; unit: string }[] = [];
  for (const program of catalog.programs.values()) {
    const rule = ruleAt(program, asOf) ?? program.rules[0];
    for (const grant of rule?.grants ?? []) {
      if (grant.program === programId && rule !== undefined) out.push({ program: program.id, programName: program.name, units: grant.units.value, unit: rule.unit.name });
    }
  }
  return out;
}

/** Every number this evaluation leaned on that is not from the body's own current page. */
function confidenceFindings(program: Program, rule: RuleVersion, grantedPrograms: ReadonlySet<string>): Finding[] {
  const values: [string, Sourced<unknown> | undefined][] = [];
  if (rule.validity.kind === 'months') {
    values.push([`${program.name}: validity of ${rule.validity.months.value ?? '?'} months`, rule.validity.months]);
    values.push([`${program.name}: expiry falls on the ${rule.validity.expiresOn.value ?? '?'}`, rule.validity.expiresOn]);
  }
  if (rule.validity.kind === 'fixed-periods') values.push([`${program.name}: ${rule.validity.years.value ?? '?'}-year reporting period`, rule.validity.years]);
  if (rule.requirements !== undefined) values.push([`${program.name}: ${rule.requirements.totalUnits.value ?? '?'} ${rule.unit.name} required`, rule.requirements.totalUnits]);
  if (rule.requirements?.firstCycleUnits !== undefined) values.push([`${program.name}: ${rule.requirements.firstCycleUnits.value ?? '?'} ${rule.unit.name} required in the first cycle`, rule.requirements.firstCycleUnits]);
  if (rule.renewal !== undefined) {
    values.push([`${program.name}: the next cycle runs from the ${rule.renewal.extendsFrom.value === 'renewal-date' ? 'renewal date' : 'old expiry date'}`, rule.renewal.extendsFrom]);
    if (rule.renewal.grace !== undefined) values.push([`${program.name}: grace period after expiry`, rule.renewal.grace]);
    if (rule.renewal.ceWindow !== undefined) values.push([`${program.name}: CE window after expiry`, rule.renewal.ceWindow]);
  }
  for (const grant of rule.grants.filter((g) => grantedPrograms.has(g.program))) values.push([`${program.name}: ${grant.units.value ?? '?'} ${rule.unit.name} for holding ${grant.program}`, grant.units]);
  const out: Finding[] = [];
  for (const [what, value] of values) {
    if (value === undefined || value.confidence === 'own') continue;
    if (value.confidence === 'unconfirmed') out.push(finding({ kind: 'unconfirmed-value', what, note: value.note, candidates: value.candidates }));
    else out.push(finding({ kind: 'value-confidence', what, confidence: value.confidence, source: value.source, note: value.note }));
  }
  return out;
}

const NO_PROGRAMS: ReadonlySet<string> = new Set();

/** An empty list shared by the reports that have nothing to list. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * The report is frozen as it is built: every list and object in it is frozen where it is made (the
 * per-activity entries in count-activities.ts), which costs less than walking the finished report.
 * test/engine/report-frozen.test.ts walks it to check that nothing was missed.
 */
function freezeNextStep(step: CredentialReport['nextStep']): CredentialReport['nextStep'] {
  if (step.fee !== undefined) Object.freeze(step.fee);
  return Object.freeze(step);
}
