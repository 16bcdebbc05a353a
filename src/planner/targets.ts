/**
 * Which renewals to plan for: every credential kept (renewed by continuing education, not let lapse),
 * each of its cycles that ends within the horizon, assuming every renewal is filed on time on the
 * expiry day. Cycles come from the engine's buildCycles with those renewals added, and what is still
 * missing from the engine's own evaluation on each deadline, so the plan starts where `recert check` is.
 *
 * A credential whose cycle has already expired on the as-of date is taken as the engine sees it that
 * day (`evaluate` on the as-of date, exactly `recert check`): in grace, a late renewal is assumed on the
 * as-of date (the engine keeps the original schedule for it); if the expired cycle's requirements are
 * not met it is reported, with the engine's reason, and the later cycles are planned assuming the late
 * renewal is arranged anyway. Lapsed (grace over): a reinstatement is assumed on the as-of date, which
 * the engine treats as a renewal starting a new cycle that day. No planned cycle ends before the as-of date.
 */
import type { Catalog } from '../catalog/catalog.js';
import { ruleAt } from '../catalog/rule-at.js';
import type { Program } from '../catalog/schema.js';
import { addDays, addMonths, type CalendarDate } from '../shared/calendar-date.js';
import { toMilli } from '../shared/units.js';
import type { Credential, Profile } from '../profile/profile-schema.js';
import { buildCycles, cycleFrom, type Cycle } from '../engine/cycles.js';
import { evaluate } from '../engine/evaluate.js';
import { categoryLimits } from './category-limits.js';
import type { ResolvedOptions } from './plan-options.js';
import type { Coverage, Infeasibility, LateRenewal, Requirement } from './requirement.js';

export interface Targets {
  readonly requirements: readonly Requirement[];
  readonly infeasible: readonly Infeasibility[];
  /** Credentials kept but with no renewal inside the horizon, and credentials let lapse on request. */
  readonly beyondHorizon: readonly string[];
  readonly lettingLapse: readonly string[];
  /** Credentials expired on the as-of date (in grace or lapsed): the late renewal or reinstatement assumed. */
  readonly lateRenewals: readonly LateRenewal[];
}

export function planTargets(catalog: Catalog, profile: Profile, asOf: CalendarDate, options: ResolvedOptions): Targets {
  const requirements: Requirement[] = [];
  const infeasible: Infeasibility[] = [];
  const beyondHorizon: string[] = [];
  const lettingLapse: string[] = [];
  const lateRenewals: LateRenewal[] = [];
  const baseRenewals = profile.renewals.filter((r) => r.date <= asOf);
  const horizonEnd = 'years' in options.horizon ? addMonths(asOf, 12 * options.horizon.years) : undefined;
  const maxCycles = 'cycles' in options.horizon ? options.horizon.cycles : Infinity;

  for (const credential of profile.credentials) {
    const program = catalog.programs.get(credential.program);
    if (program === undefined || !renewsByCe(program)) continue;
    if (options.letLapse.has(credential.id) || options.letLapse.has(program.id)) { lettingLapse.push(credential.id); continue; }
    const own = baseRenewals.filter((r) => r.credential === credential.id);
    const others = profile.renewals.filter((r) => r.credential !== credential.id && r.date <= asOf);
    const planned: CalendarDate[] = [];
    const track = (extra: readonly CalendarDate[]): readonly Cycle[] | undefined => {
      const dates = [...planned, ...extra];
      const t = buildCycles(program, credential, [...own, ...dates.map((date) => ({ credential: credential.id, date }))], dates.at(-1) ?? asOf);
      return t.kind === 'cycles' ? t.cycles : undefined;
    };
    const profileWith = (renewalDates: readonly CalendarDate[]): Profile => ({
      ...profile,
      renewals: [...others, ...own, ...renewalDates.map((date) => ({ credential: credential.id, date }))],
    });
    const first = track([])?.at(-1);
    if (first === undefined) continue;
    if (first.end < asOf) {
      // Expired: judged as `recert check` judges it on the as-of date, not on the old expiry.
      const report = evaluate(catalog, profileWith([]), asOf).credentials.find((c) => c.id === credential.id);
      if (report === undefined || report.status === 'not-covered') {
        infeasible.push(infeasibility(credential, program, first, 0, { kind: 'not-covered', date: first.end }));
        continue;
      }
      if (report.status === 'unconfirmed') {
        infeasible.push(infeasibility(credential, program, first, 0, { kind: 'unconfirmed-total' }));
        continue;
      }
      if (report.status !== 'grace' && report.status !== 'lapsed') throw new Error(`planner: "${credential.id}" expired on ${first.end} but the engine says ${report.status} on ${asOf}`);
      const unmet = report.components.filter((c) => !c.met && !c.unconfirmed).map((c) => c.label);
      const missing = report.missing ?? 0;
      const met = missing === 0 && unmet.length === 0;
      const graceEnd = report.graceEnds ?? first.end;
      // CE still counts toward the expired cycle until its CE window closes (NASM: 90 days): plan the
      // missing CE before then and assume the late renewal on the window's last day.
      const ceWindowEnd = report.status === 'grace' && !met && report.ceWindowEnds !== null && report.ceWindowEnds >= asOf && report.ceWindowEnds <= graceEnd
        ? report.ceWindowEnds : undefined;
      if (ceWindowEnd !== undefined) {
        const late = requirementFor(catalog, profileWith([]), credential, program, { ...first, end: ceWindowEnd, windowEnd: ceWindowEnd }, asOf, 0, [], requirements.length, first.end);
        if ('reason' in late) infeasible.push(late);
        else requirements.push(late);
      } else if (report.status === 'grace' && !met) {
        infeasible.push(infeasibility(credential, program, first, 0, { kind: 'grace-unmet', end: first.end, graceEnd, missing, unmet, renewOn: asOf }));
      }
      const assumedOn = ceWindowEnd ?? asOf;
      lateRenewals.push({
        credential: credential.id, programName: program.name, kind: report.status === 'grace' ? 'late-renewal' : 'reinstatement',
        expired: first.end, graceEnd, met, assumedOn, ...(ceWindowEnd === undefined ? {} : { ceWindowEnd }), unit: report.unit ?? '',
      });
      planned.push(assumedOn);
    }
    let ordinal = 0;
    for (;;) {
      const cycle = track([])!.at(-1)!;
      if (cycle.end < asOf) throw new Error(`planner: a planned cycle of "${credential.id}" would end on ${cycle.end}, before ${asOf}`);
      if (ordinal >= maxCycles || (horizonEnd !== undefined && cycle.end > horizonEnd)) break;
      ordinal += 1;
      // The window ends the day before the next cycle starts (a renewal-date program restarts on the renewal day).
      const windowEnd = track([cycle.end])?.find((c) => c.index === cycle.index)?.windowEnd ?? cycle.end;
      const next = requirementFor(catalog, profileWith(planned), credential, program, { ...cycle, windowEnd }, asOf, ordinal, [...planned], requirements.length);
      planned.push(cycle.end);
      if ('reason' in next) { infeasible.push(next); break; }
      requirements.push(next);
    }
    if (ordinal === 0) beyondHorizon.push(credential.id);
  }
  return { requirements, infeasible, beyondHorizon, lettingLapse, lateRenewals };
}

function renewsByCe(program: Program): boolean {
  return program.rules.some((rule) => rule.validity.kind !== 'never' && rule.renewal?.method !== 'new-course' && rule.requirements !== undefined);
}

function requirementFor(
  catalog: Catalog, profile: Profile, credential: Credential, program: Program, cycle: Cycle, asOf: CalendarDate,
  ordinal: number, renewalsBefore: CalendarDate[], index: number,
  /** For an expired cycle planned inside its CE window (`cycle.end` is then the window's last day): the day it expired. */
  expiredOn?: CalendarDate,
): Requirement | Infeasibility {
  const report = evaluate(catalog, profile, cycle.end).credentials.find((c) => c.id === credential.id);
  const rule = ruleAt(program, cycle.end);
  if (report === undefined || rule === undefined || report.status === 'not-covered') return infeasibility(credential, program, cycle, ordinal, { kind: 'not-covered', date: cycle.end });
  if (report.required === null) return infeasibility(credential, program, cycle, ordinal, { kind: 'unconfirmed-total' });
  if (report.cycle?.end !== (expiredOn ?? cycle.end)) throw new Error(`planner: the engine's cycle for "${credential.id}" ends ${report.cycle?.end}, expected ${expiredOn ?? cycle.end}`);
  // CE counts from the day after the previous cycle's window (a late renewal's CE window can run into this cycle).
  const windowStart = cycle.countFrom > asOf ? cycle.countFrom : asOf;
  const coverage: Coverage[] = [];
  for (const component of rule.requirements?.components ?? []) {
    if (component.kind !== 'program-current') continue;
    const check = report.components.find((c) => c.id === component.id);
    if (check === undefined || check.met || check.unconfirmed) continue;
    const beyond = component.validBeyondDays?.value ?? 0;
    coverage.push({ kind: 'component', program: component.program, programName: nameOf(catalog, component.program), label: component.label, from: earliestCovering(catalog, component.program, addDays(cycle.end, beyond)), milli: 0 });
  }
  const grantHolders = new Set(report.contributions.filter((c) => c.source === 'grant').map((c) => profile.credentials.find((k) => k.id === c.id)?.program));
  for (const grant of rule.grants) {
    if (grant.counts !== 'current-at-check' || grant.units.value === null || grantHolders.has(grant.program)) continue;
    coverage.push({ kind: 'grant', program: grant.program, programName: nameOf(catalog, grant.program), label: `${nameOf(catalog, grant.program)} current on ${cycle.end}`, from: earliestCovering(catalog, grant.program, cycle.end), milli: toMilli(grant.units.value) });
  }
  const requiredMilli = toMilli(report.required);
  const existingMilli = toMilli(report.earned);
  return {
    index, credential: credential.id, program: program.id, programName: program.name, body: program.body, unit: rule.unit.name,
    cycleIndex: cycle.index, ordinal, cycleStart: cycle.start, end: cycle.end, ...(expiredOn === undefined ? {} : { expiredOn }), windowStart, windowEnd: cycle.windowEnd, renewalsBefore,
    requiredMilli, existingMilli, demandMilli: Math.max(0, requiredMilli - existingMilli),
    ...categoryLimits(catalog, profile, rule, cycle, credential, report, cycle.windowEnd),
    coverage,
    earnedGrants: rule.grants.flatMap((g) => (g.counts === 'earned-in-cycle' && g.units.value !== null ? [{ program: g.program, programName: nameOf(catalog, g.program), milli: toMilli(g.units.value) }] : [])),
  };
}

const coveringCache = new WeakMap<Catalog, Map<string, CalendarDate>>();

/** The earliest completion date from which a newly earned `program` is still valid on `target`. */
export function earliestCovering(catalog: Catalog, programId: string, target: CalendarDate): CalendarDate {
  const cache = coveringCache.get(catalog) ?? new Map<string, CalendarDate>();
  coveringCache.set(catalog, cache);
  const key = `${programId}@${target}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const found = searchCovering(catalog, programId, target);
  cache.set(key, found);
  return found;
}

function searchCovering(catalog: Catalog, programId: string, target: CalendarDate): CalendarDate {
  const program = catalog.programs.get(programId);
  const validity = (program === undefined ? undefined : ruleAt(program, target) ?? program.rules[0])?.validity;
  const far = addDays(target, -36525);
  if (validity === undefined || validity.kind === 'never') return far;
  const validUntil = (d: CalendarDate): CalendarDate => cycleFrom(validity, d, 0, 'earned').end;
  let lo = -36525;
  let hi = 0;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (validUntil(addDays(target, mid)) >= target) hi = mid;
    else lo = mid + 1;
  }
  return addDays(target, lo);
}

function nameOf(catalog: Catalog, program: string): string {
  return catalog.programs.get(program)?.name ?? program;
}

function infeasibility(credential: Credential, program: Program, cycle: Cycle, ordinal: number, reason: Infeasibility['reason']): Infeasibility {
  const unit = (ruleAt(program, cycle.end) ?? program.rules[0])?.unit.name ?? '';
  return { credential: credential.id, programName: program.name, ordinal, cycleStart: cycle.start, end: cycle.end, unit, reason };
}
