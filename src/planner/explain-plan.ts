/**
 * Plan explanations: facts first (`planFacts`, tagged frozen data), then the one formatter
 * (`explainPlanFact`) that turns each into an English sentence for the CLI, the API and the web app.
 */
import { addDays } from '../shared/calendar-date.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { formatUnits } from '../shared/units.js';
import type { CyclePlan, PlanResult, PlanStep, StepCount } from './plan-result.js';
import type { Infeasibility, LateRenewal } from './requirement.js';

export type PlanFact =
  | { readonly kind: 'late-renewal'; readonly late: LateRenewal }
  | { readonly kind: 'cycle'; readonly cycle: CyclePlan }
  | { readonly kind: 'step'; readonly cycle: CyclePlan; readonly step: PlanStep; readonly counts: readonly StepCount[] }
  | { readonly kind: 'infeasible'; readonly infeasibility: Infeasibility }
  | { readonly kind: 'letting-lapse'; readonly credential: string }
  | { readonly kind: 'beyond-horizon'; readonly credential: string }
  | {
    readonly kind: 'totals'; readonly price: number; readonly hours: number; readonly status: PlanResult['status']; readonly gap: number | null;
    readonly minimize: 'price' | 'hours';
    /** The objective value (cents, or tenths of an hour) the gap is relative to. */
    readonly cost: number;
  }
  | {
    readonly kind: 'comparison'; readonly price: number; readonly hours: number; readonly greedyPrice: number; readonly greedyHours: number;
    /** Renewals the greedy rule cannot meet, named ("ACE Certified Personal Trainer (ACE-CPT), cycle 2"), and whether the plan meets each. */
    readonly greedyFailed: readonly { readonly name: string; readonly metByPlan: boolean }[];
    readonly minimize: 'price' | 'hours';
  }
  | { readonly kind: 'sample-data' };

export function planFacts(result: PlanResult): PlanFact[] {
  const facts: PlanFact[] = [];
  for (const late of result.lateRenewals) facts.push({ kind: 'late-renewal', late });
  for (const cycle of result.cycles) {
    facts.push({ kind: 'cycle', cycle });
    for (const step of result.steps) {
      const counts = step.counts.filter((c) => c.credential === cycle.credential && c.ordinal === cycle.ordinal);
      if (counts.length > 0) facts.push({ kind: 'step', cycle, step, counts });
    }
  }
  for (const infeasibility of result.infeasible) facts.push({ kind: 'infeasible', infeasibility });
  for (const credential of result.lettingLapse) facts.push({ kind: 'letting-lapse', credential });
  for (const credential of result.beyondHorizon) facts.push({ kind: 'beyond-horizon', credential });
  facts.push({ kind: 'totals', price: result.totals.price, hours: result.totals.hours, status: result.status, gap: result.gap, minimize: result.minimize, cost: result.totals.cost });
  facts.push({
    kind: 'comparison', price: result.totals.price, hours: result.totals.hours, greedyPrice: result.greedy.totals.price,
    greedyHours: result.greedy.totals.hours, greedyFailed: result.greedy.failed.map((id) => renewalOf(result, id)), minimize: result.minimize,
  });
  if (result.sampleData) facts.push({ kind: 'sample-data' });
  return facts.map((f) => Object.freeze(f));
}

/** A greedy-failed renewal ("credential#ordinal") by its program name and cycle, and whether the plan meets it. */
function renewalOf(result: PlanResult, id: string): { name: string; metByPlan: boolean } {
  const at = id.lastIndexOf('#');
  const credential = id.slice(0, at);
  const ordinal = Number(id.slice(at + 1));
  const planned = result.cycles.find((c) => c.credential === credential && c.ordinal === ordinal);
  const dropped = result.infeasible.find((i) => i.credential === credential && i.ordinal === ordinal);
  const programName = planned?.programName ?? dropped?.programName ?? result.cycles.find((c) => c.credential === credential)?.programName ?? result.infeasible.find((i) => i.credential === credential)?.programName ?? `"${credential}"`;
  return { name: ordinal === 0 ? `${programName}, the expired cycle` : `${programName}, cycle ${ordinal}`, metByPlan: planned !== undefined };
}

export const money = (usd: number): string => `$${Number.isInteger(usd) ? usd.toFixed(0) : usd.toFixed(2)}`;
const u = (units: number, unit: string): string => `${formatUnits(units)} ${unit}`;

export function explainPlanFact(f: PlanFact): string {
  switch (f.kind) {
    case 'late-renewal':
      return lateWords(f.late);
    case 'cycle': {
      const c = f.cycle;
      const already = c.existing > 0 ? `, ${u(c.existing, c.unit)} already earned` : '';
      const fills = c.fills.length > 0 ? ` Also required: ${c.fills.join('; ')}.` : '';
      const nothing = c.steps.length === 0 ? ' Nothing more to take: it is already met.' : ` The plan adds ${u(c.planned, c.unit)}.`;
      if (c.expiredOn !== undefined) {
        return `${c.programName}, the expired cycle (${c.cycleStart} → ${c.expiredOn}; CE completed by ${c.end} still counts toward it, then renew late): ${u(c.required, c.unit)} required${already}.${nothing}${fills}`;
      }
      return `${c.programName}, cycle ${c.ordinal} (${c.cycleStart} → ${c.end}; renew by ${c.end}): ${u(c.required, c.unit)} required${already}.${nothing}${fills}`;
    }
    case 'step':
      return `Take "${f.step.offering.title}" (${money(f.step.offering.price)}, ${f.step.offering.hours} h, ${f.step.offering.format}) ${when(f.step)}: ${f.counts.map((c) => countWords(c, f.step)).join('; ')}.`;
    case 'infeasible':
      return infeasibleWords(f.infeasibility);
    case 'letting-lapse':
      return `"${f.credential}" is let lapse as asked: nothing is planned for it.`;
    case 'beyond-horizon':
      return `"${f.credential}" has no renewal deadline inside the horizon: nothing to plan for it yet.`;
    case 'totals': {
      const proof = f.status === 'optimal'
        ? `the lowest total ${f.minimize} possible with this catalog (proven optimal)`
        : f.status === 'feasible'
          ? `the best plan found within the time limit, not proven optimal${f.gap === null ? ' (no bound on how far from the optimum it is)' : ` (${gapWords(f)})`}`
          : 'no plan was found';
      return `Total: ${money(f.price)} and ${formatHours(f.hours)}: ${proof}.`;
    }
    case 'comparison': {
      const greedy = 'Taking the cheapest course per unit, deadline by deadline,';
      if (f.greedyFailed.length > 0) {
        const met = f.greedyFailed.filter((r) => r.metByPlan).map((r) => r.name);
        const unmet = f.greedyFailed.filter((r) => !r.metByPlan).map((r) => r.name);
        const parts = [
          ...(met.length > 0 ? [`the optimized plan meets ${met.length === 1 ? 'it' : 'them'}${unmet.length > 0 ? ` (${listWords(met)})` : ''}`] : []),
          ...(unmet.length > 0 ? [`the optimized plan does not meet ${listWords(unmet)} either (see above)`] : []),
        ];
        return `${greedy} cannot meet ${listWords(f.greedyFailed.map((r) => r.name))}; ${parts.join('; ')}.`;
      }
      const savedPrice = f.greedyPrice - f.price;
      const savedHours = f.greedyHours - f.hours;
      const saved = f.minimize === 'price' ? savedPrice : savedHours;
      const what = f.minimize === 'price' ? money(savedPrice) : formatHours(savedHours);
      return saved > 0
        ? `${greedy} would cost ${money(f.greedyPrice)} and ${formatHours(f.greedyHours)}: the optimized plan saves ${what}.`
        : `${greedy} gives the same ${f.minimize} (${f.minimize === 'price' ? money(f.greedyPrice) : formatHours(f.greedyHours)}).`;
    }
    case 'sample-data':
      return 'Prices and dates come from sample course data: check each provider before buying.';
  }
}

/**
 * How far the plan can be above the optimum. The solver's relative gap is g = (U − L) / U for the plan's
 * cost U and a proven lower bound L on every plan, so the optimum is at least L = U·(1 − g): the plan is
 * at most U − L = g·U above it, which is g / (1 − g) of the optimum (not g). The cost is in cents (price,
 * or price plus the hour value) or tenths of an hour.
 */
function gapWords(f: Extract<PlanFact, { kind: 'totals' }>): string {
  const g = f.gap ?? 0;
  const above = g * f.cost;
  const amount = f.minimize === 'hours'
    ? formatHours(Math.ceil(above) / 10)
    : money(Math.ceil(above) / 100);
  const share = g >= 1 ? '' : `, at most ${(Math.ceil(1000 * g / (1 - g)) / 10).toFixed(1)}%`;
  const weighted = f.minimize === 'price' && f.cost !== Math.round(f.price * 100) ? ' in price plus the value of study time' : '';
  return `at most ${amount}${weighted} above the optimum${share}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('; ')} and ${items[items.length - 1]}`;
}

function when(step: PlanStep): string {
  if (step.session !== null) return `on ${step.session}`;
  return step.from === step.by ? `on ${step.by}` : `between ${step.from} and ${step.by}`;
}

function countWords(c: StepCount, step: PlanStep): string {
  const category = c.category === null ? '' : ` (category ${c.category})`;
  switch (c.via) {
    case 'credit':
      return c.units > 0 ? `${u(c.units, c.unit)}${category}` : `nothing more${category}: the category cap is reached`;
    case 'grant':
      return `it earns ${step.earns?.programName ?? 'a program'}, which counts ${u(c.units, c.unit)}`;
    case 'current':
      return `${step.earns?.programName ?? 'the card'} will be current on ${c.end} (${c.label ?? 'required'})`;
    case 'current-grant':
      return `holding a current ${step.earns?.programName ?? 'card'} on ${c.end} counts ${u(c.units, c.unit)}`;
  }
}

function lateWords(l: LateRenewal): string {
  if (l.kind === 'reinstatement') {
    return `${l.programName} ("${l.credential}") lapsed; reinstatement needed: it expired on ${l.expired} and the grace period ended on ${l.graceEnd}. `
      + `The body's reinstatement rules apply (check them with the body). The plan assumes a reinstatement on ${l.assumedOn}, which starts a new cycle that day, and plans from there.`;
  }
  const head = `${l.programName} ("${l.credential}") expired on ${l.expired} and is in the grace period until ${l.graceEnd}`;
  return l.met
    ? `${head}, with the expired cycle's requirements met: only a late renewal is left; file it by ${l.graceEnd}. The plan assumes it is filed on ${l.assumedOn}; the next cycle keeps the original schedule.`
    : l.ceWindowEnd !== undefined
      ? `${head}, with the expired cycle's requirements not met yet. CE completed by ${l.ceWindowEnd} still counts toward the expired cycle, so the plan takes the missing CE before then and assumes the late renewal is filed on ${l.ceWindowEnd}; without it the credential lapses on ${addDays(l.ceWindowEnd, 1)}. The next cycle keeps the original schedule.`
      : `${head}, with the expired cycle's requirements not met (below). The later cycles are planned assuming a late renewal is still arranged with the body on ${l.assumedOn}; without it the credential lapses on ${l.graceEnd}.`;
}

function infeasibleWords(i: Infeasibility): string {
  const head = `${i.programName}, ${i.ordinal === 0 ? 'the expired cycle' : `cycle ${i.ordinal}`} (${i.cycleStart} → ${i.end}) cannot be met`;
  const tail = ' Later renewals of it are not planned; the other credentials are.';
  const r = i.reason;
  switch (r.kind) {
    case 'units':
      return `${head}: ${u(r.demand, i.unit)} are still needed, but the offerings that can be completed in the cycle give at most ${u(r.available, i.unit)}.${tail}`;
    case 'component':
      return `${head}: ${r.label}. No offering in the catalog earns ${r.program} between ${r.from} and ${r.to}, so none would be current on ${r.to}.${tail}`;
    case 'category-minimum':
      return `${head}: ${r.label}. The offerings in the cycle give at most ${u(r.available, i.unit)} in ${r.category}, of ${u(r.demand, i.unit)} needed.${tail}`;
    case 'spread':
      return `${head}: ${r.label}. Only ${r.available.length} more categor${r.available.length === 1 ? 'y is' : 'ies are'} available (${r.available.join(', ') || 'none'}), ${r.need} needed.${tail}`;
    case 'unconfirmed-total':
      return `${head}: the catalog's required total for it is unconfirmed, so recert cannot plan for it.${tail}`;
    case 'not-covered':
      return `${head}: the rule catalog has no rules in force on ${r.date}.${tail}`;
    case 'ended-unmet':
      return `${head}: the cycle ended on ${r.end} without its requirements met, and CE completed now does not count toward it.`;
    case 'grace-unmet': {
      const what = [...(r.missing > 0 ? [`${u(r.missing, i.unit)} still missing`] : []), ...r.unmet.map((label) => `not met: ${label}`)].join('; ');
      const ce = r.missing > 0 ? ` CE completed after ${r.end} does not count toward the expired cycle.` : '';
      const card = r.unmet.length > 0 ? ` Holding a current card is checked on the day of the check, so earning one before filing the late renewal (by ${r.graceEnd}) would meet that part.` : '';
      return `${head} as it stands on ${r.renewOn} (the engine's verdict, as in \`recert check\`): ${what}.${ce}${card} The later cycles are planned assuming a late renewal is arranged anyway.`;
    }
    case 'combination':
      return `${head} together with the others: every offering that could serve it is needed elsewhere, or the budget or study-load limit leaves no room.${tail}`;
    case 'time-limit':
      return `${head} within the time limit: the solver found no plan in time (try a longer --time-limit).`;
  }
}

function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours.toFixed(0) : hours.toFixed(1)} h`;
}

/** Every sentence of a plan, in order. */
export function explainPlan(result: PlanResult): string[] {
  return planFacts(result).map(explainPlanFact);
}

export type { CalendarDate };
