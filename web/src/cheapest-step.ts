/**
 * On a due-soon or in-progress card with something missing: the cheapest way to close the gap before
 * the deadline, from the planner (this credential's next renewal only; the others are left out of
 * this plan). Loaded when asked, so a dashboard of several cards does not start several solves. The
 * courses, prices and links come from the plan (the course catalog), never from this code.
 */
import { ApiError, type Api } from './api-client.js';
import type { CredentialReport, PlanStep } from './api-types.js';
import { h } from './dom.js';
import { formatDate } from './format.js';
import { dueDate, money } from './plan-words.js';

export interface CheapestContext {
  api: Api;
  asOf(): string;
  /** Ids of every credential held, to leave the others out of this one-credential plan. */
  heldIds(): readonly string[];
  /** Stores the steps as planned items (added to the open ones). */
  addToPlan(steps: readonly PlanStep[]): Promise<boolean>;
}

const OPEN: ReadonlySet<string> = new Set(['due-soon', 'in-progress']);

export function needsCheapest(report: CredentialReport): boolean {
  const gap = (report.missing !== null && report.missing > 0) || report.components.some((c) => !c.met && !c.unconfirmed);
  return OPEN.has(report.status) && report.deadline !== null && gap;
}

export function cheapestStep(report: CredentialReport, context: CheapestContext): HTMLElement | null {
  if (!needsCheapest(report)) return null;
  const box = h('div', { class: 'cheapest', 'aria-live': 'polite' });
  const ask = h('button', { type: 'button', class: 'button ghost small' }, 'Find the cheapest way to close the gap');
  ask.addEventListener('click', () => {
    box.replaceChildren(h('span', { class: 'plan-solving', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Looking for the cheapest courses…'));
    const letLapse = context.heldIds().filter((id) => id !== report.id);
    context.api.plan({ asOf: context.asOf(), horizonCycles: 1, ...(letLapse.length === 0 ? {} : { letLapse }) })
      .then((plan) => {
        const impossible = plan.infeasible.find((i) => i.credential === report.id);
        if (impossible !== undefined) {
          box.replaceChildren(h('p', { class: 'cheapest-line' }, impossible.text, ' ', impossible.remedy));
          return;
        }
        const cycle = plan.cycles.find((c) => c.credential === report.id);
        const steps = plan.steps.filter((s) => cycle?.steps.includes(s.id) === true);
        if (steps.length === 0) {
          box.replaceChildren(h('p', { class: 'cheapest-line muted' }, 'No course in the catalog closes this gap: take what is missing above from an approved provider.'));
          return;
        }
        const add = h('button', { type: 'button', class: 'button secondary small' }, 'Add to my plan');
        add.addEventListener('click', () => {
          add.disabled = true;
          context.addToPlan(steps).catch(() => undefined).finally(() => {
            add.disabled = false;
          });
        });
        box.replaceChildren(h('p', { class: 'cheapest-line' },
          h('strong', {}, plan.status === 'optimal' ? 'Cheapest: ' : 'Best found (not proven cheapest): '),
          ...steps.flatMap((s, i) => [i === 0 ? '' : ' + ', s.offering.url === undefined ? s.offering.title : h('a', { href: s.offering.url, target: '_blank', rel: 'noopener' }, s.offering.title),
            ` (${money(s.offering.price)}, ${s.offering.hours} h) by ${formatDate(dueDate(s))}`]),
          plan.sampleData ? h('span', { class: 'muted' }, ' (sample prices: check with the provider)') : null),
        add);
      }, (error: unknown) => {
        const busy = error instanceof ApiError && error.status === 429;
        box.replaceChildren(h('p', { class: 'cheapest-line error', role: 'alert' }, busy ? 'recert is busy solving other plans for you; try again in a moment. ' : `No plan: ${error instanceof Error ? error.message : String(error)} `), ask);
      });
  });
  box.append(ask);
  return box;
}
