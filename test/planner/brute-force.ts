/**
 * The exact oracle: try every set of offerings in order of total price, and every way to date them among
 * the days where something changes (each window's first and last day, each CPR/AED coverage start, each
 * deadline; session dates as listed); the first set the compliance engine accepts on every deadline is
 * optimal. It shares nothing with the model but the list of deadlines to check.
 */
import type { Catalog } from '../../src/catalog/catalog.js';
import { offeringWindow } from '../../src/catalog/course-catalog.js';
import type { CourseCatalog } from '../../src/catalog/course-catalog.js';
import type { Offering } from '../../src/catalog/course-schema.js';
import type { CyclePlan, PlanStep } from '../../src/planner/plan-result.js';
import type { Requirement } from '../../src/planner/requirement.js';
import { verifyPlan } from '../../src/planner/verify-plan.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import type { CalendarDate } from '../../src/shared/calendar-date.js';

interface Item { readonly offering: Offering; readonly dates: readonly CalendarDate[]; readonly copy: number }

export function bruteForce(
  catalog: Catalog, courses: CourseCatalog, profile: Profile, asOf: CalendarDate,
  cycles: readonly Pick<CyclePlan, 'credential' | 'ordinal' | 'end' | 'renewalsBefore'>[], requirements: readonly Requirement[],
): { price: number; checks: number } | null {
  const last = cycles.map((c) => c.end).reduce((a, b) => (a > b ? a : b), asOf);
  const interesting = new Set<CalendarDate>([asOf]);
  for (const r of requirements) {
    for (const date of [r.windowStart, r.windowEnd, r.end, ...r.coverage.map((c) => c.from)]) if (date >= asOf && date <= last) interesting.add(date);
  }
  const items: Item[] = [];
  for (const offering of courses.offerings) {
    const window = offeringWindow(offering);
    const dates = window.kind === 'dates'
      ? window.dates.filter((x) => x >= asOf && x <= last)
      : [...interesting].filter((x) => (window.from === undefined || x >= window.from) && (window.until === undefined || x <= window.until)).sort();
    if (dates.length === 0) continue;
    items.push({ offering, dates, copy: 0 });
    if (offering.repeatable) items.push({ offering, dates, copy: 1 });
  }
  const subsets: number[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) {
    const members = items.flatMap((_, k) => ((mask >> k) & 1 ? [k] : []));
    // A second copy of a repeatable class only together with the first.
    if (members.some((k) => items[k]!.copy === 1 && !members.includes(k - 1))) continue;
    subsets.push(members);
  }
  const price = (members: number[]): number => members.reduce((sum, k) => sum + items[k]!.offering.priceCents, 0);
  subsets.sort((a, b) => price(a) - price(b));
  let checks = 0;
  for (const members of subsets) {
    const choice = new Array<number>(members.length).fill(0);
    for (;;) {
      const dates = members.map((k, m) => items[k]!.dates[choice[m]!]!);
      const ordered = members.every((k, m) => items[k]!.copy === 0 || dates[m]! > dates[m - 1]!);
      if (ordered) {
        checks += 1;
        const steps = members.map((k, m) => step(items[k]!.offering, dates[m]!, m));
        if (verifyPlan(catalog, profile, asOf, cycles as CyclePlan[], steps, courses).ok) return { price: price(members) / 100, checks };
      }
      let m = 0;
      while (m < members.length && ++choice[m]! >= items[members[m]!]!.dates.length) choice[m++] = 0;
      if (m === members.length) break;
    }
  }
  return null;
}

function step(offering: Offering, completed: CalendarDate, n: number): PlanStep {
  return {
    id: `bf-${n}`,
    offering: { id: offering.id, title: offering.title, provider: offering.provider, providerName: offering.providerName, price: offering.priceCents / 100, hours: offering.hours, format: offering.format },
    from: completed, by: completed, session: null, completed, earns: null, counts: [],
  };
}
