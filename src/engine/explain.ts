/**
 * The one formatter from findings to plain English, used by the CLI, the API and the web app.
 */
import { addDays } from '../shared/calendar-date.js';
import { formatUnits } from '../shared/units.js';
import type { ComponentDetail, Finding, NotCountedReason } from './findings.js';
import type { FeeFacts, NextStepFacts } from './next-step.js';

const u = (units: number, unit: string): string => `${formatUnits(units)} ${unit}`;

const NOT_COUNTED: Record<NotCountedReason, string> = {
  'not-approved': 'the course carries no units from this body',
  'before-earned': 'it was completed before this credential was earned',
  'earlier-cycle': 'it counts in an earlier cycle of this credential',
  'later-cycle': 'it falls in a later cycle of this credential',
  'after-as-of': 'it is dated after the as-of date',
  'in-lapse': 'it was completed while the credential was lapsed',
  'after-expiry': 'it was completed after this cycle expired; CE counts only when completed within the cycle (or within the CE window after expiry, for bodies that allow one)',
  'before-period': 'it was completed before the reporting period began; CE counts from the first day of the period',
  'over-cap': 'the category cap is already reached',
};

export function explain(f: Finding): string {
  switch (f.kind) {
    case 'cycle':
      return `Cycle ${f.index + 1} runs from ${f.start} to ${f.end} (${cycleRule(f)}).`;
    case 'rolled-over':
      return `First earned ${f.earned}, so late in the reporting period ending ${f.periodEnd} that its prorated requirement is zero: nothing is owed and no renewal is due for that period. The first deadline is the end of the next period, which starts ${f.nextStart}; CE counts from that day.`;
    case 'next-cycle-not-started':
      return `Renewed on ${f.renewedOn}; the next cycle starts on ${f.start}, and CE completed before then counts in the previous cycle.`;
    case 'never-expires': {
      const grants = f.grantsTo.map((g) => `${g.units === null ? 'an unconfirmed number of' : u(g.units, g.unit)} toward ${g.programName}`);
      return `Never expires.${grants.length > 0 ? ` Holding it counts ${grants.join(' and ')} in the cycle in which it was earned.` : ''}`;
    }
    case 'not-yet-earned':
      return `Earned on ${f.earned}, after the as-of date: nothing to check yet.`;
    case 'not-covered':
      return `The catalog's rules for this program start on ${f.firstFrom}; ${f.date} is before that, so recert cannot say what was required.`;
    case 'cycles-before-catalog':
      return `Earned ${f.earned}, before the catalog's first rule version (${f.firstFrom}): earlier cycles are laid out with the lengths of that first version.`;
    case 'renewal-ignored':
      return f.why === 'after-as-of'
        ? `The renewal dated ${f.date} is after the as-of date and is not taken into account.`
        : f.why === 'duplicate'
          ? `The renewal dated ${f.date} repeats an earlier renewal and is ignored.`
          : `The renewal dated ${f.date} is before the cycle it would renew started, and is ignored.`;
    case 'late-renewal':
      return `Renewed late on ${f.date}, in the grace period after the ${f.expired} expiry; the original schedule is kept.`;
    case 'reinstated':
      return `Lapsed from ${f.lapsedFrom}; reinstated on ${f.date}, which starts a new cycle. CE from the lapse does not count in it.`;
    case 'first-cycle-requirement':
      return `This is the first cycle after the credential was earned: the body requires ${u(f.required, f.unit)} for it.`;
    case 'required-prorated':
      return `First earned on ${f.earned}, inside the reporting period that began ${f.periodStart}: the requirement is prorated to ${u(f.required, f.unit)}.`;
    case 'activity-counted': {
      const part = f.units < f.granted ? ` (${formatUnits(f.units)} of its ${u(f.granted, f.unit)}: the category cap is reached)` : '';
      return `Counts "${f.title}" (${f.completed}): ${u(f.units, f.unit)}${f.category === undefined ? '' : ` in category ${f.category}`}${part}.`;
    }
    case 'activity-not-counted': {
      const cap = f.reason === 'over-cap' && f.cap !== undefined ? ` (cap ${formatUnits(f.cap)}${f.perYear ? ' a year' : ' a cycle'}${f.category === undefined ? '' : ` for ${f.category}`})` : '';
      return `Does not count "${f.title}" (${f.completed}): ${NOT_COUNTED[f.reason]}${cap}.`;
    }
    case 'grant-counted':
      return f.counts === 'earned-in-cycle'
        ? `Counts ${u(f.units, f.unit)} for ${f.programName}, earned ${f.earned} within this cycle.`
        : `Counts ${u(f.units, f.unit)} for holding a current ${f.programName} (credential "${f.credential}").`;
    case 'grant-not-counted':
      if (f.reason === 'unconfirmed') {
        const options = f.candidates === undefined ? '' : ` (sources disagree: ${f.candidates.map((c) => formatUnits(c)).join(' or ')})`;
        return `${f.programName} may earn units here, but the value is unconfirmed${options}, so recert does not count it.`;
      }
      if (f.reason === 'already-held') return `${f.programName} ("${f.credential}") is recorded again; holding it counts once, for the first time it was earned.`;
      return f.reason === 'not-current'
        ? `${f.programName} ("${f.credential}") is not current, so its units do not count.`
        : `${f.programName} ("${f.credential}") was earned outside this cycle, so its units counted elsewhere or not at all.`;
    case 'component':
      return `${f.label}: ${f.met ? 'met' : 'NOT met'}. ${componentDetail(f.detail)}`;
    case 'prerequisite-expires-early':
      if (f.beyondDays > 0 && f.expires >= f.deadline) {
        return `${f.label} ("${f.credential}") expires ${f.expires}, less than ${f.beyondDays} days after this cycle ends on ${f.deadline}: renew it before submitting, or submit by ${addDays(f.expires, -f.beyondDays)}.`;
      }
      return `${f.label} ("${f.credential}") expires ${f.expires}, before this cycle ends on ${f.deadline}: renew it first, or renew this credential before ${f.expires}.`;
    case 'value-confidence':
      return `Note: ${f.what} comes from ${confidenceWords(f.confidence)}${f.source === undefined ? '' : ` (${f.source.title})`}; check it with the body.`;
    case 'unconfirmed-value':
      return `Unconfirmed: ${f.what}${f.candidates === undefined ? '' : ` (sources give ${f.candidates.map(candidate).join(' or ')})`}.${f.note === undefined ? '' : ` ${f.note}`}`;
    case 'progress':
      return `Earned ${u(f.earned, f.unit)} of the ${u(f.required, f.unit)} required.`;
    case 'outcome':
      return outcome(f);
  }
}

const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** How the validity rule turns a start date into an expiry, in words: "to 31 December of the third year after the date earned". */
export function expiryRule(months: number | null, expiresOn: string | null, from: string): string {
  if (months === null) return `an unconfirmed number of months after ${from}`;
  switch (expiresOn) {
    case 'end-of-month':
      return `to the last day of the month ${months} months after ${from}`;
    case 'end-of-year':
      return months % 12 === 0 && ORDINALS[months / 12] !== undefined
        ? `to 31 December of the ${ORDINALS[months / 12]} year after ${from}`
        : `to 31 December of the year in which ${months} months after ${from} falls`;
    case 'anniversary':
      return `${months} months after ${from}, on the same day of the month`;
    default:
      return `${months} months after ${from}`;
  }
}

/** The rule that produced a cycle's dates. */
function cycleRule(f: Extract<Finding, { kind: 'cycle' }>): string {
  if (f.fixedPeriod) {
    const years = f.periodYears === null ? 'fixed' : `fixed ${f.periodYears}-year`;
    const period = f.periodStart === undefined ? '' : ` that began ${f.periodStart}`;
    if (f.rolledOver) return `the rest of the ${years} reporting period${period}, from the date earned; nothing is owed for it`;
    switch (f.basis) {
      case 'earned': return `the rest of the ${years} reporting period${period}, from the date earned, to its last day`;
      case 'rolled-over': return `the next ${years} reporting period, which follows by itself after a period that required nothing`;
      case 'renewed': return `renewed: the next ${years} reporting period, to its last day`;
      case 'reinstated': return `reinstated after a lapse: the rest of the ${years} reporting period${period}, from the reinstatement date`;
    }
  }
  switch (f.basis) {
    case 'earned': return expiryRule(f.months, f.expiresOn, 'the date earned');
    case 'renewed':
      return f.previousExpiry !== undefined
        ? `renewed: ${expiryRule(f.months, f.expiresOn, `the previous expiry (${f.previousExpiry})`)}`
        : `renewed: ${expiryRule(f.months, f.expiresOn, 'the renewal date')}`;
    case 'reinstated': return `reinstated after a lapse: ${expiryRule(f.months, f.expiresOn, 'the reinstatement date')}`;
    case 'rolled-over': return expiryRule(f.months, f.expiresOn, 'the start');
  }
}

/** A candidate value as words: 0.2, "1 months" for a period. */
function candidate(value: unknown): string {
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${String(v)} ${k}`).join(' ');
  return String(value);
}

function componentDetail(d: ComponentDetail): string {
  switch (d.kind) {
    case 'program-current': {
      const beyond = d.validBeyondDays > 0 ? ` and for ${d.validBeyondDays} days after` : '';
      if (d.holder !== undefined) return `"${d.holder.credential}" is valid until ${d.holder.validUntil}.`;
      return d.expiredOn !== undefined
        ? `The last ${d.programName} is valid only until ${d.expiredOn}; a current one is needed on ${d.checkDate}${beyond}.`
        : `No ${d.programName} is recorded; a current one is needed on ${d.checkDate}${beyond}.`;
    }
    case 'category-minimum':
      return d.required === null
        ? `The minimum for ${d.categoryName} is unconfirmed; ${formatUnits(d.earned)} ${d.unit} recorded.`
        : `${formatUnits(d.earned)} of ${formatUnits(d.required)} ${d.unit} in ${d.categoryName}.`;
    case 'min-categories':
      if (d.waived) return 'Waived: no units are required this period.';
      return `${d.categories.length} categor${d.categories.length === 1 ? 'y' : 'ies'} used (${d.categories.join(', ') || 'none'}) of ${d.required ?? 'an unconfirmed number'} required.`;
  }
}

function outcome(f: Extract<Finding, { kind: 'outcome' }>): string {
  const todo: string[] = [];
  if (f.missingUnits !== null && f.missingUnits > 0) todo.push(`${u(f.missingUnits, f.unit)} more`);
  todo.push(...f.unmet);
  const still = todo.length === 0 ? '' : ` Still needed: ${todo.join('; ')}.`;
  if (f.renewBy === 'new-course') {
    switch (f.status) {
      case 'current': return `Current until ${f.deadline}; take a new course before then to keep it current.`;
      case 'due-soon': return `Due soon: expires ${f.deadline}. Take a new course before then.`;
      case 'grace': return `Expired; a renewal course is accepted until ${f.deadline}.`;
      case 'lapsed': return 'Expired: take a new course to hold a current card again.';
    }
  }
  switch (f.status) {
    case 'current':
      if (f.startsOn !== undefined) {
        const due = f.missingUnits !== null && f.missingUnits > 0 ? `${u(f.missingUnits, f.unit)} ` : '';
        if (f.rolledOver === true) return `Current: nothing is owed for this period; the next period starts ${f.startsOn} and needs ${due}${due === '' ? 'its requirements met ' : ''}by ${f.deadline}.${f.unmet.length > 0 ? ` Also: ${f.unmet.join('; ')}.` : ''}`;
        return `Current: renewed; the next cycle starts ${f.startsOn} and needs ${due}${due === '' ? 'its requirements met ' : ''}by ${f.deadline}.${f.unmet.length > 0 ? ` Also: ${f.unmet.join('; ')}.` : ''}`;
      }
      return `Current: the requirements for this cycle are met${f.deadline === null ? '' : `; renew by ${f.deadline}`}.`;
    case 'in-progress':
      return `In progress: due by ${f.deadline}.${still}`;
    case 'due-soon':
      return `Due soon: the deadline is ${f.deadline}.${still}`;
    case 'grace':
      if (todo.length === 0) return `Expired; the requirements are met, so renew (late) by ${f.deadline}, the end of the grace period.`;
      if (f.ceWindowEnds !== null) {
        return `Expired; CE completed by ${f.ceWindowEnds} (the body's CE window after expiry) still counts toward this cycle.${still} Once they are met, a late renewal is accepted until ${f.graceEnds ?? f.ceWindowEnds}; if they are not met by ${f.ceWindowEnds}, the credential lapses.`;
      }
      return `Expired; in the grace period until ${f.deadline}, when a late renewal is still accepted.${still} CE completed after expiry counts toward the next cycle, not this one: check with the body whether this cycle can still be completed.`;
    case 'lapsed':
      if (f.lapsedBy === 'ce-window') {
        return `Lapsed: the requirements were not met by ${f.ceWindowEnds ?? '?'}, the end of the CE window after expiry, so a late renewal is no longer accepted. The body's reinstatement rules apply.${still}`;
      }
      return `Lapsed: the expiry and any grace period have passed${f.graceEnds === null ? '' : ` (grace ended ${f.graceEnds})`}. The body's reinstatement rules apply.${still}`;
    case 'unconfirmed':
      return `The required total for this program is unconfirmed, so recert cannot say whether it is met.`;
    default:
      return `Status: ${f.status}.`;
  }
}

function confidenceWords(confidence: string): string {
  switch (confidence) {
    case 'own-old': return "the body's own page, but an older copy";
    case 'sec': return 'a secondary source, not the body itself';
    case 'sec-low': return 'a low-quality secondary source';
    default: return confidence;
  }
}

function feeWords(fee: FeeFacts | undefined, what: string): string {
  if (fee === undefined) return '';
  if (fee.usd === null) return ` The ${what} is unconfirmed.`;
  return ` ${what[0]!.toUpperCase()}${what.slice(1)}: $${fee.usd}${fee.confidence === 'own' ? '' : ` (${fee.confidence === 'unconfirmed' ? 'unconfirmed' : `from ${confidenceWords(fee.confidence)}`})`}.`;
}

function todoWords(missing: number | null, unit: string, unmet: readonly string[]): string {
  const todo: string[] = [];
  if (missing !== null && missing > 0) todo.push(u(missing, unit));
  todo.push(...unmet);
  return todo.join('; ');
}

/** The next step as one or two plain sentences. */
export function explainNextStep(f: NextStepFacts): string {
  const at = 'url' in f && f.url !== undefined ? ` Renew at ${f.url}.` : '';
  switch (f.kind) {
    case 'renew-by':
      return f.newCourse
        ? `Take a new course by ${f.date} to stay current.${feeWords(f.fee, 'course fee')}`
        : `Renew by ${f.date}: the requirements are met.${feeWords(f.fee, 'renewal fee')}${at}`;
    case 'earn-units': {
      const todo = todoWords(f.missing, f.unit, f.unmet);
      const start = f.startsOn === undefined ? '' : `The next cycle starts ${f.startsOn}. `;
      return `${start}${todo === '' ? 'Meet this cycle\'s requirements' : `Complete ${todo}`} by ${f.date}, then renew.${feeWords(f.fee, 'renewal fee')}${at}`;
    }
    case 'renew-late-by': {
      if (f.newCourse) return `Expired: take a new course by ${f.date}.`;
      const todo = todoWords(f.missing, f.unit, f.unmet);
      const tiers = f.lateFees.filter((fee) => fee.usd !== null).map((fee) => `$${fee.usd}${fee.after == null ? '' : ` after ${fee.after}`}${fee.until == null ? '' : ` up to ${fee.until}`}`);
      const fees = tiers.length > 0 ? ` Late fee: ${tiers.join('; ')}${f.lateFees.some((fee) => fee.confidence !== 'own') ? ' (not all from the body\'s current page)' : ''}.` : feeWords(f.fee, 'late fee');
      if (todo === '') return `Expired: renew late by ${f.graceEnds}.${fees}${at}`;
      if (f.ceWindowEnds !== null) {
        return `Expired: complete ${todo} by ${f.ceWindowEnds} (CE done by then still counts toward the expired cycle), then renew late by ${f.graceEnds}.${fees}${at}`;
      }
      return `Expired: ${todo} still missing; a late renewal is accepted until ${f.graceEnds}, but CE completed after expiry does not count toward the expired cycle, so check with the body.${fees}${at}`;
    }
    case 'reinstate':
      return `Lapsed: ${f.newCourse ? 'take a new course to hold a current card again' : f.rule === null ? 'recert has no sourced reinstatement rule for this credential; ask the body how to restore it' : `to restore it: ${f.rule}`}${f.rule !== null && f.ruleConfidence !== null && f.ruleConfidence !== 'own' ? ` (${f.ruleConfidence === 'unconfirmed' ? 'unconfirmed' : `from ${confidenceWords(f.ruleConfidence)}`})` : ''}.${feeWords(f.fee, 'reinstatement fee')}${at}`.replace(/\.\.(\s|$)/g, '.$1');
    case 'none':
      switch (f.status) {
        case 'never-expires': return 'Nothing to do: it never expires.';
        case 'not-yet-earned': return 'Nothing to do yet.';
        case 'not-covered': return 'recert\'s catalog does not cover these dates: ask the body what is required.';
        case 'unconfirmed': return 'The required total is unconfirmed: ask the body what is required before relying on recert here.';
        default: return 'Nothing to do.';
      }
  }
}

/** "NASM Certified Personal Trainer (NASM-CPT)" → "NASM-CPT": the abbreviation when the name has one. */
export function shortProgramName(name: string): string {
  return /\(([^)]+)\)\s*$/.exec(name)?.[1] ?? name;
}

/** A cycle as its years: "2025–2027" (or "2026" when it starts and ends in one year). */
export function cycleYears(cycle: { readonly start: string; readonly end: string }): string {
  const [a, b] = [cycle.start.slice(0, 4), cycle.end.slice(0, 4)];
  return a === b ? a : `${a}–${b}`;
}

/** Why an activity did not count toward one credential, as the rest of a sentence naming the credential. */
const LINE_REASON: Record<Exclude<NotCountedReason, 'not-approved'>, (name: string, cycle: string) => string> = {
  'before-earned': (name) => `completed before ${name} was earned: it does not count toward it`,
  'before-period': (name) => `completed before ${name}'s reporting period began: it does not count toward it`,
  'earlier-cycle': (name, cycle) => `counts in an earlier ${name} cycle${cycle}, not the current one`,
  'later-cycle': (name, cycle) => `falls in a later ${name} cycle${cycle}`,
  'after-as-of': (name) => `dated after the as-of date: not counted toward ${name} yet`,
  'in-lapse': (name) => `completed while ${name} was lapsed: it does not count`,
  'after-expiry': (name) => `completed after ${name} expired: counts toward the next cycle once renewed`,
  'over-cap': (name) => `not counted toward ${name}: the category cap is already reached`,
};

/** One line of the CE log's "what counted": see activity-summary.ts for the facts. */
export function explainActivityLine(line: {
  readonly outcome: 'counted' | 'not-counted';
  readonly programName: string;
  readonly units: number | null;
  readonly granted: number | null;
  readonly unit: string | null;
  readonly cycle: { readonly start: string; readonly end: string } | null;
  readonly reason: NotCountedReason | null;
}): string {
  const name = shortProgramName(line.programName);
  const cycle = line.cycle === null ? '' : ` (${cycleYears(line.cycle)})`;
  if (line.outcome === 'counted') {
    const units = line.units === null || line.unit === null ? '' : `${u(line.units, line.unit)} `;
    const part = line.units !== null && line.granted !== null && line.unit !== null && line.units < line.granted ? ` (of its ${u(line.granted, line.unit)}: the category cap is reached)` : '';
    return `Counted ${units}toward ${name}${line.cycle === null ? '' : ` cycle ${cycleYears(line.cycle)}`}${part}.`;
  }
  const reason = line.reason === null || line.reason === 'not-approved' ? `not counted toward ${name}` : LINE_REASON[line.reason](name, cycle);
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
}
