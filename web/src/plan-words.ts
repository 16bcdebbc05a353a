/** Plan steps and planned items in words: price, hours, format, when to take it, what it brings. */
import type { PlanOffering, StepCount } from './api-types.js';
import { h } from './dom.js';
import { formatDate, formatUnits } from './format.js';

export const money = (usd: number): string => `$${Number.isInteger(usd) ? usd.toFixed(0) : usd.toFixed(2)}`;

/** "NASM · $449 · 30 h · online" */
export function offeringLine(offering: Pick<PlanOffering, 'providerName' | 'price' | 'hours' | 'format'>): string {
  return `${offering.providerName} · ${money(offering.price)} · ${offering.hours} h · ${offering.format}`;
}

/** When to complete it: the session day, or the window of a self-paced course. */
export function whenWords(step: { from: string; by: string; session: string | null }): string {
  if (step.session !== null) return `On ${formatDate(step.session)} (scheduled session)`;
  return step.from === step.by ? `On ${formatDate(step.by)}` : `Any day from ${formatDate(step.from)} to ${formatDate(step.by)}`;
}

/** The last day to complete it: the session, or the end of its window. */
export const dueDate = (step: { by: string; session: string | null }): string => step.session ?? step.by;

/** What one count brings to one renewal, e.g. "1.9 CEU toward NASM-CPT (renew by 25 Nov 2028)". */
export function countWords(c: StepCount, earns: string | undefined): string {
  const renewal = `${c.programName} (renew by ${formatDate(c.end)})`;
  switch (c.via) {
    case 'credit':
      return `${formatUnits(c.units)} ${c.unit}${c.category === null ? '' : ` in ${c.category}`} toward ${renewal}`;
    case 'grant':
      return `Earns ${earns ?? 'a credential'}: ${formatUnits(c.units)} ${c.unit} toward ${renewal}`;
    case 'current':
      return `Keeps “${c.label ?? 'a required card'}” met for ${renewal}`;
    case 'current-grant':
      return `A current ${earns ?? 'card'} counts ${formatUnits(c.units)} ${c.unit} toward ${renewal}`;
  }
}

/** Shown wherever sample prices are: the shipped course catalog's prices and dates are sample data. */
export function sampleDataBanner(): HTMLElement {
  return h('p', { class: 'notice warning sample-data', role: 'note' },
    h('strong', {}, 'Sample prices. '), 'Prices and dates come from sample course data: check each provider before buying.');
}

/** Soonest start first, then soonest last day. */
export const byStart = (a: { from: string; by: string; session: string | null }, b: { from: string; by: string; session: string | null }): number =>
  (a.session ?? a.from).localeCompare(b.session ?? b.from) || (a.session ?? a.by).localeCompare(b.session ?? b.by);
