/**
 * What would make an impossible renewal possible: one sentence per infeasibility, from its reason and
 * the options the plan was asked with (a budget, a study-load limit, excluded formats or providers,
 * credentials let lapse). Pure: the CLI's JSON, the API and the web app show it as written.
 */
import { formatUnits } from '../shared/units.js';
import { money } from './explain-plan.js';
import type { PlanOptions } from './plan-options.js';
import type { Infeasibility } from './requirement.js';

/** The options that can make a renewal impossible, in the person's words; empty when none was set. */
function loosenings(options: PlanOptions): string[] {
  const out: string[] = [];
  if (options.excludeFormats !== undefined && options.excludeFormats.length > 0) out.push(`allow ${listOr(options.excludeFormats.map((f) => `${f} courses`))}`);
  if (options.excludeProviders !== undefined && options.excludeProviders.length > 0) out.push(`include ${listOr(options.excludeProviders.map((p) => `"${p}"`))} again`);
  return out;
}

function limits(options: PlanOptions): string[] {
  const out: string[] = [];
  if (options.yearlyBudget !== undefined) out.push(`raise the yearly budget (now ${money(options.yearlyBudget)})`);
  if (options.maxHoursPerMonth !== undefined) out.push(`allow more than ${options.maxHoursPerMonth} hours of study a month`);
  return out;
}

const OWN = 'add a course you know of as your own offering (recert offering add)';

/** `othersPlanned`: the plan also keeps other credentials, which compete for the same budget and hours. */
export function feasibilityRemedy(i: Infeasibility, options: PlanOptions = {}, context: { readonly othersPlanned?: boolean } = {}): string {
  const r = i.reason;
  switch (r.kind) {
    case 'units':
      return sentence([...loosenings(options), `${OWN} that gives ${formatUnits(r.demand - r.available)} ${i.unit} more before ${i.end}`]);
    case 'component':
      return sentence([...loosenings(options), `${OWN} that earns ${r.program} between ${r.from} and ${r.to}`]);
    case 'category-minimum':
      return sentence([...loosenings(options), `${OWN} that gives ${formatUnits(r.demand - r.available)} ${i.unit} more in ${r.category} before ${i.end}`]);
    case 'spread':
      return sentence([...loosenings(options), `${OWN} in ${r.need - r.available.length} more categor${r.need - r.available.length === 1 ? 'y' : 'ies'} before ${i.end}`]);
    case 'unconfirmed-total':
      return `Ask the body for the required total: once the rule catalog confirms it, recert can plan this renewal.`;
    case 'not-covered':
      return `The rule catalog needs the rules in force on ${r.date} for this program (catalog/CONTRIBUTING.md says how to add them).`;
    case 'ended-unmet':
      return `Ask the body how to reinstate it; CE completed now counts toward the cycle a reinstatement starts.`;
    case 'grace-unmet':
      return `Ask the body whether CE completed during the grace period can still count, then file the late renewal by ${r.graceEnd}.`;
    case 'combination': {
      const ways = [...limits(options), ...loosenings(options)];
      const lapse = context.othersPlanned === true ? ['let another credential lapse to free its courses'] : [];
      return sentence([...ways, ...lapse, OWN]);
    }
    case 'time-limit':
      return `Give the solver more time (a time limit above ${options.timeLimitSeconds ?? 20} seconds), or plan fewer renewals at once.`;
  }
}

function sentence(ways: readonly string[]): string {
  const text = listOr(ways);
  return `To make it possible: ${text}.`;
}

function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
