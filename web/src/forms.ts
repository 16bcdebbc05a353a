/**
 * The dialogs: add or edit a credential, log or edit CE (with a certificate), record or move a
 * renewal. Each reports the server's warnings for what it saved (see `changed`).
 */
import { ApiError, type Api } from './api-client.js';
import type { Activity, Body, Credit, CredentialReport, ProgramSummary, Renewal, Warning } from './api-types.js';
import { byId, h } from './dom.js';
import { clearErrors, showErrors } from './form-errors.js';
import { formatDate } from './format.js';

export interface FormContext {
  api: Api;
  programs: ProgramSummary[];
  bodies: Body[];
  /** Reloads the dashboard after a change; `message` is announced, `warnings` shown until dismissed. */
  changed(message: string, warnings?: readonly Warning[]): Promise<void>;
  /** Bodies of the credentials held, to suggest in a new credit line. */
  heldBodies(): string[];
  today(): string;
}

function wireDialog(dialog: HTMLDialogElement, form: HTMLFormElement, submit: () => Promise<void>): void {
  for (const button of dialog.querySelectorAll<HTMLButtonElement>('[data-close]')) button.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button !== null) button.disabled = true;
    submit().then(() => dialog.close(), (error: unknown) => showErrors(form, error)).finally(() => {
      if (button !== null) button.disabled = false;
    });
  });
}

/** Sets the dialog's heading and submit button for adding or editing. */
function label(form: HTMLFormElement, title: string, submit: string): void {
  form.querySelector('h2')!.textContent = title;
  form.querySelector('button[type="submit"]')!.textContent = submit;
}

export interface CredentialEdit {
  id: string;
  program: string;
  earned: string;
  number?: string;
}

export function setupCredentialForm(context: FormContext): (edit?: CredentialEdit) => void {
  const dialog = byId<HTMLDialogElement>('credential-dialog');
  const form = byId<HTMLFormElement>('credential-form');
  const program = byId<HTMLSelectElement>('credential-program');
  const earned = byId<HTMLInputElement>('credential-earned');
  const number = byId<HTMLInputElement>('credential-number');
  const bodyNames = new Map(context.bodies.map((b) => [b.id, b.name]));
  const nameOf = (id: string): string => context.programs.find((p) => p.id === id)?.name ?? id;
  let editing: CredentialEdit | undefined;
  program.replaceChildren(h('option', { value: '' }, 'Choose a program…'));
  for (const [body, list] of groupBy(context.programs, (p) => p.body)) {
    program.append(h('optgroup', { label: bodyNames.get(body) ?? body }, ...list.map((p) => h('option', { value: p.id }, p.name))));
  }
  wireDialog(dialog, form, async () => {
    if (program.value === '') throw clientIssue('program', 'choose the program you hold');
    if (earned.value === '') throw clientIssue('earned', 'enter the date you earned it');
    if (editing === undefined) {
      const body = { program: program.value, earned: earned.value, ...(number.value.trim() === '' ? {} : { number: number.value.trim() }) };
      const added = await context.api.addCredential(body);
      await context.changed(`Added ${nameOf(added.program)}.`, added.warnings);
      return;
    }
    const saved = await context.api.updateCredential(editing.id, { program: program.value, earned: earned.value, number: number.value.trim() === '' ? null : number.value.trim() });
    await context.changed(`Saved ${nameOf(saved.program)}.`, saved.warnings);
  });
  return (edit) => {
    editing = edit;
    form.reset();
    clearErrors(form);
    earned.max = context.today();
    if (edit === undefined) label(form, 'Add a credential', 'Add credential');
    else {
      label(form, `Edit ${nameOf(edit.program)}`, 'Save changes');
      program.value = edit.program;
      earned.value = edit.earned;
      number.value = edit.number ?? '';
    }
    dialog.showModal();
    program.focus();
  };
}

export function setupActivityForm(context: FormContext): (edit?: Activity) => void {
  const dialog = byId<HTMLDialogElement>('activity-dialog');
  const form = byId<HTMLFormElement>('activity-form');
  const lines = byId<HTMLDivElement>('credit-lines');
  const title = byId<HTMLInputElement>('activity-title');
  const completed = byId<HTMLInputElement>('activity-completed');
  const hours = byId<HTMLInputElement>('activity-hours');
  const provider = byId<HTMLInputElement>('activity-provider');
  const evidence = byId<HTMLInputElement>('activity-evidence');
  const bodies = new Map(context.bodies.map((b) => [b.id, b]));
  let editing: Activity | undefined;

  const renumber = (): void => {
    [...lines.children].forEach((line, i) => {
      for (const input of line.querySelectorAll<HTMLElement>('[data-field]')) input.dataset.path = `credits[${i}].${input.dataset.field}`;
      // An activity keeps at least one credit line (the server refuses to remove the last one too).
      line.querySelector<HTMLButtonElement>('.remove')!.hidden = lines.children.length === 1;
    });
  };
  const addLine = (credit?: Partial<Credit>): void => {
    const n = ++lineCounter;
    const body = h('select', { id: `credit-body-${n}`, 'data-field': 'body', required: true },
      ...context.bodies.map((b) => h('option', { value: b.id }, `${b.id.toUpperCase()} (${b.name})`)));
    body.value = credit?.body ?? context.heldBodies()[0] ?? context.bodies[0]?.id ?? '';
    const units = h('input', { id: `credit-units-${n}`, type: 'number', min: '0.1', step: '0.1', inputmode: 'decimal', 'data-field': 'units', required: true });
    if (credit?.units !== undefined) units.value = String(credit.units);
    const category = h('select', { id: `credit-category-${n}`, 'data-field': 'category' });
    const fillCategories = (): void => {
      const list = bodies.get(body.value)?.categories ?? [];
      category.replaceChildren(h('option', { value: '' }, list.length === 0 ? 'No categories' : 'None'), ...list.map((c) => h('option', { value: c.id }, c.name)));
      category.disabled = list.length === 0;
    };
    body.addEventListener('change', fillCategories);
    fillCategories();
    if (credit?.category !== undefined) category.value = credit.category;
    const line = h('div', { class: 'credit-line' },
      h('div', { class: 'field' }, h('label', { for: body.id }, 'Body'), body),
      h('div', { class: 'field' }, h('label', { for: units.id }, 'Units'), units),
      h('div', { class: 'field' }, h('label', { for: category.id }, 'Category'), category),
      h('button', { type: 'button', class: 'button ghost small remove', 'aria-label': 'Remove this line', onclick: () => { line.remove(); renumber(); } }, '✕'));
    lines.append(line);
    renumber();
  };
  let lineCounter = 0;
  byId('add-credit').addEventListener('click', () => {
    const used = new Set([...lines.querySelectorAll<HTMLSelectElement>('[data-field="body"]')].map((s) => s.value));
    const free = context.bodies.find((b) => !used.has(b.id))?.id;
    addLine(free === undefined ? undefined : { body: free });
  });

  wireDialog(dialog, form, async () => {
    const credits: Credit[] = [...lines.children].map((line) => {
      const get = (field: string): string => line.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-field="${field}"]`)?.value ?? '';
      const category = get('category');
      return { body: get('body'), units: Number(get('units')), ...(category === '' ? {} : { category }) };
    });
    if (title.value.trim() === '') throw clientIssue('title', 'enter the course or activity title');
    if (completed.value === '') throw clientIssue('completed', 'enter the date you completed it');
    const missingUnits = credits.findIndex((c) => !(c.units > 0));
    if (missingUnits >= 0) throw clientIssue(`credits[${missingUnits}].units`, 'enter the units this body granted (more than 0)');
    const file = evidence.files?.[0];
    if (editing !== undefined) {
      const saved = await context.api.updateActivity(editing.id, {
        title: title.value.trim(), completed: completed.value, credits,
        hours: hours.value === '' ? null : Number(hours.value),
        provider: provider.value.trim() === '' ? null : provider.value.trim(),
      });
      if (file !== undefined) await context.api.upload(saved.id, file);
      await context.changed(`Saved “${saved.title}”${file === undefined ? '' : ' and its new certificate'}.`, saved.warnings);
      return;
    }
    const activity = await context.api.addActivity({
      title: title.value.trim(), completed: completed.value, credits,
      ...(hours.value === '' ? {} : { hours: Number(hours.value) }),
      ...(provider.value.trim() === '' ? {} : { provider: provider.value.trim() }),
    });
    if (file !== undefined) {
      try {
        await context.api.upload(activity.id, file);
      } catch (error) {
        // Keep the form all or nothing: without its certificate the activity is not saved either.
        await context.api.removeActivity(activity.id).catch(() => undefined);
        throw error;
      }
    }
    await context.changed(`Logged “${activity.title}”${file === undefined ? '' : ' with its certificate'}.`, activity.warnings);
  });
  return (edit) => {
    editing = edit;
    form.reset();
    clearErrors(form);
    lines.replaceChildren();
    if (edit === undefined) {
      label(form, 'Log CE', 'Save activity');
      addLine();
    } else {
      label(form, `Edit “${edit.title}”`, 'Save changes');
      title.value = edit.title;
      completed.value = edit.completed;
      hours.value = edit.hours === undefined ? '' : String(edit.hours);
      provider.value = edit.provider ?? '';
      for (const credit of edit.credits) addLine(credit);
      if (edit.credits.length === 0) addLine();
    }
    completed.max = context.today();
    dialog.showModal();
    title.focus();
  };
}

/** Record a renewal, or (with `renewal`) move a recorded one to another date. */
export function setupRenewForm(context: FormContext): (report: CredentialReport, renewal?: Renewal) => void {
  const dialog = byId<HTMLDialogElement>('renew-dialog');
  const form = byId<HTMLFormElement>('renew-form');
  const date = byId<HTMLInputElement>('renew-date');
  let target: CredentialReport | undefined;
  let moving: Renewal | undefined;
  wireDialog(dialog, form, async () => {
    if (target === undefined) return;
    if (date.value === '') throw clientIssue('date', 'enter the date you renewed');
    if (moving !== undefined) {
      const saved = await context.api.moveRenewal(target.id, moving.id, date.value);
      await context.changed(`Moved the ${target.programName} renewal to ${formatDate(saved.date)}.`, saved.warnings);
      return;
    }
    const saved = await context.api.renew(target.id, date.value);
    await context.changed(`Recorded the renewal of ${target.programName}.`, saved.warnings);
  });
  return (report, renewal) => {
    target = report;
    moving = renewal;
    form.reset();
    clearErrors(form);
    if (renewal === undefined) {
      label(form, 'Record a renewal', 'Record renewal');
      byId('renew-what').textContent = `${report.programName}. The next cycle follows the body's renewal rule.`;
      date.value = context.today();
    } else {
      label(form, 'Change a renewal', 'Save date');
      byId('renew-what').textContent = `${report.programName}, renewed on ${formatDate(renewal.date)}. The cycles are worked out again from the new date.`;
      date.value = renewal.date;
    }
    dialog.showModal();
    date.focus();
  };
}

/** A problem found before asking the server, shown the same way as the server's own. */
function clientIssue(path: string, message: string): ApiError {
  return new ApiError(0, [{ code: 'REQUEST_INVALID', path, message }], message);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
