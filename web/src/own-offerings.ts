/**
 * "Courses you are considering": the person's own offerings (`/api/people/{id}/offerings`), listed
 * and added from the Plan view. The planner uses them with the shipped catalog (ids "own:<id>"), so
 * adding or removing one re-plans.
 */
import type { Api } from './api-client.js';
import type { Body, OwnOffering } from './api-types.js';
import { byId, h } from './dom.js';
import { clearErrors, showErrors } from './form-errors.js';
import { formatDate } from './format.js';
import { money } from './plan-words.js';

export interface OwnOfferingsContext {
  api: Api;
  bodies: readonly Body[];
  /** Called after an offering is added or removed (the Plan view re-plans). */
  changed(message: string): void;
  failed(error: unknown): void;
}

/** "My Gym" → "my-gym": the provider id the API wants, from the name the person types. */
export function providerId(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'my-provider';
}

export function setupOwnOfferings(context: OwnOfferingsContext): { load(): Promise<void> } {
  const list = byId('own-offerings');
  const panel = byId<HTMLDetailsElement>('own-panel');
  let formReady = false;
  panel.addEventListener('toggle', () => {
    if (!panel.open || formReady) return;
    formReady = true;
    panel.append(byId<HTMLTemplateElement>('own-offering-template').content.cloneNode(true));
    setupForm(context, () => load());
  });

  const load = async (): Promise<void> => {
    const offerings = await context.api.ownOfferings();
    list.replaceChildren(offerings.length === 0
      ? h('p', { class: 'muted' }, 'None yet. Add a course you know of: the plan uses it when it is the cheaper way.')
      : h('ul', { class: 'own-list' }, ...offerings.map((o) => h('li', { 'data-offering': `own:${o.id}` },
        h('span', {}, h('strong', {}, o.title), h('span', { class: 'muted' }, ` · ${o.provider.name} · ${money(o.price)} · ${o.hours} h · ${o.format} · ${availabilityWords(o)} · `,
          o.credits.map((c) => `${c.units} ${c.body.toUpperCase()}${c.category === undefined ? '' : ` (${c.category})`}`).join(', '))),
        h('button', {
          type: 'button', class: 'button ghost small danger', 'aria-label': `Remove “${o.title}”`,
          onclick: () => context.api.removeOwnOffering(o.id).then(() => load()).then(() => context.changed(`Removed “${o.title}”.`), context.failed),
        }, 'Remove')))));
  };

  return { load };
}

/** The add form: one credit line, self-paced or one session date. */
function setupForm(context: OwnOfferingsContext, load: () => Promise<void>): void {
  const form = byId<HTMLFormElement>('own-offering-form');
  const body = byId<HTMLSelectElement>('own-body');
  const when = byId<HTMLSelectElement>('own-when');
  const date = byId<HTMLInputElement>('own-date');
  body.replaceChildren(...context.bodies.map((b) => h('option', { value: b.id }, b.name)));
  const syncDate = (): void => {
    date.closest<HTMLElement>('.field')!.hidden = when.value !== 'session';
  };
  when.addEventListener('change', syncDate);
  syncDate();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string): string => String(data.get(name) ?? '').trim();
    const number = (name: string): number => (text(name) === '' ? Number.NaN : Number(text(name)));
    const providerName = text('providerName');
    const category = text('category');
    const url = text('url');
    const offering = {
      title: text('title'),
      provider: { id: providerId(providerName), name: providerName },
      price: number('price'),
      hours: number('hours'),
      format: text('format'),
      availability: when.value === 'session' ? { kind: 'sessions', dates: [text('date')] } : { kind: 'self-paced' },
      credits: [{ body: text('body'), units: number('units'), ...(category === '' ? {} : { category }) }],
      ...(url === '' ? {} : { url }),
    };
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.disabled = true;
    clearErrors(form);
    context.api.addOwnOffering(offering)
      .then(async (saved) => {
        form.reset();
        syncDate();
        await load();
        context.changed(`Added “${saved.title}” to the courses you are considering.`);
      }, (error: unknown) => showErrors(form, error))
      .finally(() => {
        button.disabled = false;
      });
  });
}

function availabilityWords(o: OwnOffering): string {
  const a = o.availability;
  if (a.kind === 'sessions') return a.dates.map(formatDate).join(', ');
  if (a.kind === 'self-paced') return 'self-paced';
  return `from ${formatDate(a.first)}, recurring`;
}
