/**
 * Planned items (courses chosen from a plan, not yet taken): their lines on the credential cards
 * ("2.0 CEU planned: Course X, by 25 Nov 2028"), the list under the timeline, the "Mark done" dialog
 * (completion date and certificate: one request turns the item into a CE activity), and the
 * keep-or-replace question when a plan is added on top of planned items.
 */
import type { Api } from './api-client.js';
import type { CredentialReport, PlannedItem, StepCount } from './api-types.js';
import { byId, h } from './dom.js';
import { clearErrors, showErrors } from './form-errors.js';
import { formatDate, formatUnits } from './format.js';
import { byStart, dueDate, offeringLine, sampleDataBanner, whenWords } from './plan-words.js';

export interface PlannedHandlers {
  done(item: PlannedItem): void;
  remove(item: PlannedItem): void;
}

/** The counts of an item toward the credential's nearest planned renewal. */
function nearestCounts(item: PlannedItem, credential: string): StepCount[] {
  const mine = item.counts.filter((c) => c.credential === credential);
  const first = Math.min(...mine.map((c) => c.ordinal));
  return mine.filter((c) => c.ordinal === first);
}

/** "2.0 CEU planned: Course X, by 25 Nov 2028" or "Planned: Course X (keeps “CPR/AED current” met), by …" */
export function plannedLine(item: PlannedItem, credential: string): string {
  const counts = nearestCounts(item, credential);
  const units = counts.filter((c) => c.via !== 'current').reduce((sum, c) => sum + c.units, 0);
  const unit = counts[0]?.unit ?? '';
  const keeps = counts.filter((c) => c.via === 'current').map((c) => `keeps “${c.label ?? 'a required card'}” met`);
  const head = units > 0 ? `${formatUnits(units)} ${unit} planned: ` : 'Planned: ';
  return `${head}${item.title}${keeps.length === 0 ? '' : ` (${keeps.join('; ')})`}, by ${formatDate(dueDate(item))}`;
}

const itemActions = (item: PlannedItem, handlers: PlannedHandlers): HTMLElement =>
  h('span', { class: 'row-actions' },
    h('button', { type: 'button', class: 'button secondary small', 'aria-label': `Mark “${item.title}” done`, onclick: () => handlers.done(item) }, 'Mark done'),
    h('button', { type: 'button', class: 'button ghost small', 'aria-label': `Remove “${item.title}” from the plan`, onclick: () => handlers.remove(item) }, 'Remove'));

/** The planned items that count toward this credential, on its card; null when there are none. */
export function plannedOnCard(report: CredentialReport, items: readonly PlannedItem[], handlers: PlannedHandlers): HTMLElement | null {
  const mine = items.filter((i) => i.counts.some((c) => c.credential === report.id)).sort(byStart);
  if (mine.length === 0) return null;
  return h('div', { class: 'planned' },
    h('h4', {}, 'Planned'),
    h('ul', {}, ...mine.map((item) => h('li', { 'data-planned': item.id }, h('span', {}, plannedLine(item, report.id)), itemActions(item, handlers)))));
}

/** Every open planned item, soonest first, under the timeline. */
export function renderPlannedList(items: readonly PlannedItem[], handlers: PlannedHandlers): HTMLElement | null {
  if (items.length === 0) return null;
  const sorted = [...items].sort(byStart);
  return h('div', { class: 'planned planned-list' },
    h('h3', {}, 'Planned courses'),
    items.some((i) => i.sampleData === true) ? sampleDataBanner() : null,
    h('ul', {}, ...sorted.map((item) => h('li', { 'data-planned': item.id },
      h('span', {}, h('strong', {}, item.url === undefined ? item.title : h('a', { href: item.url, target: '_blank', rel: 'noopener' }, item.title)),
        h('span', { class: 'muted' }, ` · ${offeringLine(item)} · ${whenWords(item)}`)),
      itemActions(item, handlers)))));
}

export interface DoneContext {
  api: Api;
  today(): string;
  changed(message: string): Promise<void>;
}

/** The "Mark done" dialog: completion date (default today) and an optional certificate. */
export function setupDoneForm(context: DoneContext): (item: PlannedItem) => void {
  const dialog = byId<HTMLDialogElement>('done-dialog');
  const form = byId<HTMLFormElement>('done-form');
  const date = byId<HTMLInputElement>('done-date');
  const file = byId<HTMLInputElement>('done-evidence');
  const what = byId('done-what');
  let current: PlannedItem | undefined;
  for (const button of dialog.querySelectorAll<HTMLButtonElement>('[data-close]')) button.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (current === undefined) return;
    const item = current;
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.disabled = true;
    const certificate = file.files?.[0];
    context.api.completePlannedItem(item.id, date.value, certificate)
      .then(() => context.changed(`Marked “${item.title}” done: it is in your CE log${certificate === undefined ? '' : ' with its certificate'}.`))
      .then(() => dialog.close(), (error: unknown) => showErrors(form, error))
      .finally(() => {
        button.disabled = false;
      });
  });
  return (item) => {
    current = item;
    form.reset();
    clearErrors(form);
    what.textContent = `${item.title} (${offeringLine(item)}). It becomes a CE activity with the units the course grants.`;
    date.value = context.today();
    dialog.showModal();
  };
}

/** Asks whether a new plan is added to the open planned items or replaces them; null = cancelled. */
export function askKeepOrReplace(open: number): Promise<'keep' | 'replace' | null> {
  const dialog = byId<HTMLDialogElement>('keep-dialog');
  byId('keep-what').textContent = `You already have ${open} planned course${open === 1 ? '' : 's'}. Keep ${open === 1 ? 'it' : 'them'} and add this plan's courses, or replace ${open === 1 ? 'it' : 'them'} with this plan?`;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const answer = dialog.returnValue;
      resolve(answer === 'keep' || answer === 'replace' ? answer : null);
    }, { once: true });
  });
}
