/**
 * The Plan view: asks the server for a plan (`POST .../plan`, solved in worker threads) and shows it
 * per renewal as a to-do list, with the totals, the saving against the greedy plan and the planner's
 * own verdict ("proven optimal" or the gap), word for word. What-if controls re-plan in place;
 * "Add to my plan" stores the chosen courses as planned items.
 */
import { ApiError, type Api } from './api-client.js';
import type { CredentialReport, Plan, PlanRequest, PlanStep, StepCount } from './api-types.js';
import { byId, h } from './dom.js';
import { clearErrors, showErrors } from './form-errors.js';
import { formatDate } from './format.js';
import { byStart, countWords, money, offeringLine, sampleDataBanner, whenWords } from './plan-words.js';

export interface PlanViewContext {
  api: Api;
  /** The dashboard's as-of date: the plan starts there. */
  asOf(): string;
  /** The credentials held (for "let it lapse"). */
  credentials(): readonly CredentialReport[];
  /** Stores the steps as planned items, asking keep or replace when some are already planned. */
  addToPlan(steps: readonly PlanStep[]): Promise<boolean>;
}

const FORMATS = ['online', 'in-person', 'blended'] as const;

export function setupPlanView(context: PlanViewContext): { show(): void } {
  const form = byId<HTMLFormElement>('plan-form');
  const result = byId('plan-result');
  const providers = byId('plan-providers');
  const lapse = byId('plan-lapse');
  /** Every provider seen in a plan so far, so one left out can be brought back. */
  const providerNames = new Map<string, string>();
  let request = 0;
  let solved = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const options = (): PlanRequest => {
    const data = new FormData(form);
    const horizon = String(data.get('horizon') ?? 'c2');
    const number = (name: string): number | undefined => {
      const text = String(data.get(name) ?? '').trim();
      return text === '' ? undefined : Number(text);
    };
    const budget = number('yearlyBudget');
    const hours = number('maxHoursPerMonth');
    const excludeFormats = FORMATS.filter((f) => !data.getAll('format').includes(f));
    const excludeProviders = data.getAll('excludeProvider').map(String);
    const letLapse = data.getAll('letLapse').map(String);
    return {
      asOf: context.asOf(),
      ...(horizon.startsWith('y') ? { horizonYears: Number(horizon.slice(1)) } : { horizonCycles: Number(horizon.slice(1)) }),
      minimize: data.get('minimize') === 'hours' ? 'hours' : 'price',
      ...(budget === undefined ? {} : { yearlyBudget: budget }),
      ...(hours === undefined ? {} : { maxHoursPerMonth: hours }),
      ...(excludeFormats.length === 0 ? {} : { excludeFormats }),
      ...(excludeProviders.length === 0 ? {} : { excludeProviders }),
      ...(letLapse.length === 0 ? {} : { letLapse }),
    };
  };

  const solve = async (): Promise<void> => {
    const mine = ++request;
    clearErrors(form);
    result.setAttribute('aria-busy', 'true');
    result.replaceChildren(h('div', { class: 'plan-solving', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Solving your plan…'));
    try {
      const plan = await context.api.plan(options());
      if (mine !== request) return;
      for (const step of [...plan.steps, ...plan.greedy.steps]) providerNames.set(step.offering.provider, step.offering.providerName);
      renderProviders();
      result.replaceChildren(renderPlan(plan, context));
    } catch (error) {
      if (mine !== request) return;
      result.replaceChildren(failure(error, () => void solve()));
      if (error instanceof ApiError && error.issues.length > 0 && error.status === 400) showErrors(form, error);
    } finally {
      if (mine === request) {
        result.removeAttribute('aria-busy');
        // How many answers were shown: lets a test (or a screen reader script) wait for the next one.
        result.dataset.solved = String(++solved);
      }
    }
  };

  const replan = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void solve(), 250);
  };

  function renderProviders(): void {
    const excluded = new Set(new FormData(form).getAll('excludeProvider').map(String));
    const sorted = [...providerNames].sort((a, b) => a[1].localeCompare(b[1]));
    providers.replaceChildren(...sorted.map(([id, name]) => checkbox('excludeProvider', id, name, excluded.has(id))));
    providers.closest('fieldset')!.hidden = sorted.length === 0;
  }

  function renderLapse(): void {
    const chosen = new Set(new FormData(form).getAll('letLapse').map(String));
    const held = context.credentials().filter((c) => c.status !== 'never-expires');
    lapse.replaceChildren(...held.map((c) => checkbox('letLapse', c.id, c.programName, chosen.has(c.id))));
    lapse.closest('fieldset')!.hidden = held.length === 0;
  }

  form.addEventListener('change', replan);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void solve();
  });

  return {
    show(): void {
      renderLapse();
      void solve();
    },
  };
}

function checkbox(name: string, value: string, label: string, checked: boolean): HTMLElement {
  return h('label', { class: 'check' }, h('input', { type: 'checkbox', name, value, checked }), ' ', label);
}

function failure(error: unknown, retry: () => void): HTMLElement {
  const busy = error instanceof ApiError && error.status === 429;
  const message = busy
    ? 'recert is still solving your earlier plans. Try again in a moment.'
    : error instanceof ApiError && error.status === 400
      ? `The plan could not be made with these options: ${error.message}`
      : `The plan could not be made: ${error instanceof Error ? error.message : String(error)}`;
  return h('div', { class: `notice ${busy ? 'warning' : 'error'} plan-error`, role: 'alert', 'data-busy': busy ? 'true' : undefined },
    h('p', { class: 'notice-title' }, busy ? 'Busy' : 'No plan'),
    h('p', {}, message),
    h('button', { type: 'button', class: 'button ghost small', onclick: retry }, 'Try again'));
}

export function renderPlan(plan: Plan, context: Pick<PlanViewContext, 'addToPlan' | 'credentials'>): HTMLElement {
  const nameOf = (id: string): string => context.credentials().find((c) => c.id === id)?.programName ?? id;
  const { verdict, comparison } = plan;
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const listed = new Map<string, string>();
  const add = h('button', { type: 'button', class: 'button primary', id: 'add-plan', disabled: plan.steps.length === 0 }, 'Add to my plan');
  add.addEventListener('click', () => {
    add.disabled = true;
    context.addToPlan(plan.steps).finally(() => {
      add.disabled = false;
    }).catch(() => undefined);
  });
  const renewals = plan.cycles.map((cycle) => {
    const already = cycle.existing > 0 ? ` · ${cycle.existing.toFixed(1)} already earned` : '';
    // A to-do list: what can be started first comes first.
    const steps = cycle.steps.map((id) => byId.get(id)).filter((s): s is PlanStep => s !== undefined).sort(byStart);
    return h('section', { class: 'plan-renewal', 'data-cycle': `${cycle.credential}#${cycle.ordinal}` },
      cycle.expiredOn === undefined
        ? h('h3', {}, cycle.programName, h('span', { class: 'plan-due' }, ` renew by ${formatDate(cycle.end)}`))
        : h('h3', {}, cycle.programName, h('span', { class: 'plan-due' }, ` expired ${formatDate(cycle.expiredOn)}: finish its CE by ${formatDate(cycle.end)}, then renew late`)),
      h('p', { class: 'muted' }, `${cycle.expiredOn === undefined ? `Renewal ${cycle.ordinal}` : 'The expired cycle'}: ${cycle.required.toFixed(1)} ${cycle.unit} required${already} · the plan adds ${cycle.planned.toFixed(1)}.`,
        cycle.fills.length === 0 ? null : ` Also required: ${cycle.fills.join('; ')}.`),
      steps.length === 0
        ? h('p', { class: 'plan-nothing' }, 'Nothing more to take: it is already met.')
        : h('ol', { class: 'todo' }, ...steps.map((step) => {
          const earlier = listed.get(step.id);
          const counts = step.counts.filter((c) => c.credential !== cycle.credential || c.ordinal === cycle.ordinal);
          if (earlier !== undefined) {
            return h('li', { class: 'todo-item repeat' }, h('span', {}, step.offering.title), h('span', { class: 'muted' }, ` (listed under the renewal by ${earlier}): `),
              counts.map((c) => countWords(c, step.earns?.programName)).join('; '));
          }
          listed.set(step.id, formatDate(cycle.end));
          return todoItem(step, counts);
        })));
  });
  return h('div', { class: 'plan' },
    plan.sampleData ? sampleDataBanner() : null,
    h('div', { class: 'plan-summary panel' },
      h('p', { class: 'plan-totals' }, h('strong', {}, money(plan.totals.price)), ' · ', h('strong', {}, `${plan.totals.hours} h`),
        ` · ${plan.steps.length} course${plan.steps.length === 1 ? '' : 's'}`,
        h('span', { class: `plan-status ${plan.status}` }, plan.status === 'optimal' ? 'Proven optimal' : plan.status === 'feasible' ? 'Not proven optimal' : 'No plan')),
      h('p', { class: 'plan-verdict' }, verdict),
      h('p', { class: 'plan-saving' }, comparison),
      h('div', { class: 'plan-actions' }, add)),
    ...[...plan.infeasible].sort((a, b) => a.end.localeCompare(b.end)).map((i) => h('section', { class: 'plan-infeasible notice error', 'data-cycle': `${i.credential}#${i.ordinal}` },
      h('p', { class: 'notice-title' }, `${i.programName}: the renewal by ${formatDate(i.end)} cannot be met`),
      h('p', {}, i.text),
      h('p', { class: 'plan-remedy' }, i.remedy))),
    ...renewals,
    plan.lettingLapse.length === 0 ? null : h('p', { class: 'muted' }, `Let lapse as asked: ${plan.lettingLapse.map(nameOf).join(', ')}.`),
    plan.beyondHorizon.length === 0 ? null : h('p', { class: 'muted' }, `No renewal inside the horizon: ${plan.beyondHorizon.map(nameOf).join(', ')}.`),
    plan.cycles.length === 0 && plan.infeasible.length === 0 ? h('p', { class: 'muted' }, 'No renewal to plan for in the horizon.') : null);
}

/** One course to take: title (linked when the catalog has its page), provider, price, hours, format, when, and what it brings to this renewal. */
function todoItem(step: PlanStep, counts: readonly StepCount[]): HTMLElement {
  const { offering } = step;
  return h('li', { class: 'todo-item', 'data-offering': offering.id },
    h('div', { class: 'todo-title' }, offering.url === undefined ? offering.title : h('a', { href: offering.url, target: '_blank', rel: 'noopener' }, offering.title)),
    h('div', { class: 'todo-meta' }, offeringLine(offering)),
    h('div', { class: 'todo-when' }, whenWords(step)),
    h('ul', { class: 'todo-counts' }, ...counts.map((c) => h('li', {}, countWords(c, step.earns?.programName)))));
}
