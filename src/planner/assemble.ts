/**
 * Turns chosen slots into a schedule: one step per completion (what, when, what it counts for where),
 * and one summary per planned cycle. Units per step follow the engine's order: by completion date,
 * each capped category filling up until its room is gone.
 *
 * With a study-load limit the model checks the hours completed only at bucket ends, so a step's range
 * starts not at its bucket's start but at the earliest day on which the hours of the steps before it (in
 * completion order) plus its own fit under the limit. Then any choice of days inside the printed ranges
 * keeps the load within the limit on every day: the steps done by a day d are among the first k in that
 * order for the last of them, k, whose range starts on or before d, and those fit by that start.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Offering } from '../catalog/course-schema.js';
import { addDays, daysBetween, type CalendarDate } from '../shared/calendar-date.js';
import { loadLimit } from './build-model.js';
import { fromMilli } from '../shared/units.js';
import { costOf, type ResolvedOptions } from './plan-options.js';
import type { CyclePlan, PlanStep, PlanTotals, StepCount } from './plan-result.js';
import type { Requirement } from './requirement.js';
import type { Slot } from './slots.js';

export function assembleSteps(
  chosen: readonly number[], slots: readonly Slot[], offerings: readonly Offering[], requirements: readonly Requirement[], catalog: Catalog, prefix = 'step',
  load: { readonly asOf: CalendarDate; readonly perMonth: number } | null = null,
): PlanStep[] {
  const dated = chosen.map((j) => ({ slot: slots[j]!, ...datesOf(slots[j]!) }));
  dated.sort((a, b) => (a.completed === b.completed ? a.slot.index - b.slot.index : a.completed < b.completed ? -1 : 1));
  if (load !== null) {
    let hours = 0;
    for (const step of dated) {
      hours += offerings[step.slot.offering]!.hours;
      if (step.session === null) step.from = earliestWithin(load.asOf, load.perMonth, hours, step.from, step.by);
    }
  }
  const counts = dated.map(() => [] as StepCount[]);
  for (const r of requirements) {
    const cycleRoom = new Map<string, number>();
    const yearRoom = new Map<string, number>();
    const coveredAlready = new Set<number>();
    dated.forEach(({ slot }, s) => {
      const base = { credential: r.credential, programName: r.programName, ordinal: r.ordinal, end: r.end, unit: r.unit };
      for (const e of slot.effects) {
        if (e.req !== r.index) continue;
        if (e.kind === 'grant') counts[s]!.push({ ...base, via: 'grant', units: fromMilli(e.milli), category: null });
        if (e.kind === 'cover') {
          const c = r.coverage[e.coverage]!;
          if (c.kind === 'component') counts[s]!.push({ ...base, via: 'current', units: 0, category: null, label: c.label });
          else if (!coveredAlready.has(e.coverage)) counts[s]!.push({ ...base, via: 'current-grant', units: fromMilli(c.milli), category: null, label: c.label });
          coveredAlready.add(e.coverage);
        }
        if (e.kind !== 'credit') continue;
        let milli = e.milli;
        const limit = e.category === null ? undefined : r.limits.get(e.category);
        if (limit !== undefined && e.category !== null) {
          const room = cycleRoom.get(e.category) ?? limit.cycleRoom ?? Infinity;
          const yKey = `${e.category}:${e.year}`;
          const yRoom = yearRoom.get(yKey) ?? (limit.perYear === null ? Infinity : Math.max(0, limit.perYear - (limit.yearUsed.get(e.year) ?? 0)));
          milli = Math.min(milli, room, yRoom);
          cycleRoom.set(e.category, room - milli);
          yearRoom.set(yKey, yRoom - milli);
        }
        counts[s]!.push({ ...base, via: 'credit', units: fromMilli(milli), category: e.category });
      }
    });
  }
  return dated.map(({ slot, from, by, session, completed }, s) => {
    const offering = offerings[slot.offering]!;
    return {
      id: `${prefix}-${s + 1}`,
      offering: {
        id: offering.id, title: offering.title, provider: offering.provider, providerName: offering.providerName,
        price: offering.priceCents / 100, hours: offering.hours, format: offering.format, url: offering.url,
      },
      from, by, session, completed,
      earns: offering.earns === undefined ? null : { program: offering.earns, programName: catalog.programs.get(offering.earns)?.name ?? offering.earns },
      counts: counts[s]!,
    };
  });
}

/** The first day in [from, by] by which `hours` of study fit under the limit (`by` if none does, as the model guarantees one). */
function earliestWithin(asOf: CalendarDate, perMonth: number, hours: number, from: CalendarDate, by: CalendarDate): CalendarDate {
  if (perMonth <= 0) return by;
  let day = addDays(asOf, Math.max(0, Math.ceil((hours * 30.4375) / perMonth - 1 - 1e-9)));
  while (loadLimit(asOf, day, perMonth) + 1e-9 < hours) day = addDays(day, 1);
  while (daysBetween(asOf, day) > 0 && loadLimit(asOf, addDays(day, -1), perMonth) + 1e-9 >= hours) day = addDays(day, -1);
  return day < from ? from : day > by ? by : day;
}

/** The first run of consecutive buckets of a slot: complete any day in it (self-paced) or on its first session. */
function datesOf(slot: Slot): { from: CalendarDate; by: CalendarDate; session: CalendarDate | null; completed: CalendarDate } {
  const first = slot.dates[0]!;
  if (first.sessions !== null) {
    const session = first.sessions[0]!;
    return { from: session, by: session, session, completed: session };
  }
  let by = first.by;
  for (const next of slot.dates.slice(1)) {
    if (next.sessions !== null || next.from !== addDays(by, 1)) break;
    by = next.by;
  }
  return { from: first.from, by, session: null, completed: by };
}

export function cyclePlans(requirements: readonly Requirement[], steps: readonly PlanStep[]): CyclePlan[] {
  return requirements.map((r) => {
    const mine = steps.filter((s) => s.counts.some((c) => c.credential === r.credential && c.ordinal === r.ordinal));
    const counts = mine.flatMap((s) => s.counts.filter((c) => c.credential === r.credential && c.ordinal === r.ordinal));
    const fills = [...new Set([
      ...counts.filter((c) => c.via === 'current' && c.label !== undefined).map((c) => c.label!),
      ...r.minimums.map((m) => m.label),
      ...(r.spread === null ? [] : [r.spread.label]),
    ])];
    return {
      credential: r.credential, program: r.program, programName: r.programName, ordinal: r.ordinal, cycleStart: r.cycleStart, end: r.end,
      ...(r.expiredOn === undefined ? {} : { expiredOn: r.expiredOn }), unit: r.unit,
      required: fromMilli(r.requiredMilli), existing: fromMilli(r.existingMilli),
      planned: fromMilli(counts.reduce((sum, c) => sum + Math.round(c.units * 1000), 0)),
      fills, steps: mine.map((s) => s.id), renewalsBefore: r.renewalsBefore,
    };
  });
}

export function totalsOf(chosen: readonly number[], slots: readonly Slot[], offerings: readonly Offering[], options: ResolvedOptions): PlanTotals {
  let cents = 0;
  let tenths = 0;
  let cost = 0;
  for (const j of chosen) {
    const o = offerings[slots[j]!.offering]!;
    cents += o.priceCents;
    tenths += Math.round(o.hours * 10);
    cost += costOf(o, options);
  }
  return { price: cents / 100, hours: tenths / 10, cost };
}
