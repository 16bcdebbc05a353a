/** The CE log: every activity with its credit lines and certificates, newest first. */
import type { Activity, ActivitySummary, Body } from './api-types.js';
import { h } from './dom.js';
import { formatBytes, formatDate, formatUnits } from './format.js';

export interface LogHandlers {
  fileUrl(evidenceId: string, inline?: boolean): string;
  attach(activity: Activity, file: File): void;
  edit(activity: Activity): void;
  remove(activity: Activity): void;
}

/** `counted`: per activity id, what it counted toward on the as-of date (from the status report). */
export function renderLog(activities: readonly Activity[], bodies: ReadonlyMap<string, Body>, counted: ReadonlyMap<string, ActivitySummary['lines']>, handlers: LogHandlers): HTMLElement {
  if (activities.length === 0) {
    return h('p', { class: 'muted' }, 'No CE logged yet. Use “Log CE” to add a course with the units each body granted, and attach its certificate.');
  }
  const rows = [...activities].sort((a, b) => b.completed.localeCompare(a.completed) || b.id.localeCompare(a.id));
  return h('table', { class: 'log' },
    h('caption', { class: 'muted', hidden: true }, 'Continuing education activities'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Date'),
      h('th', { scope: 'col' }, 'Activity'),
      h('th', { scope: 'col', class: 'num' }, 'Hours'),
      h('th', { scope: 'col' }, 'Units'),
      h('th', { scope: 'col' }, 'What counted'),
      h('th', { scope: 'col' }, 'Certificate'),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
    h('tbody', {}, ...rows.map((activity) => row(activity, bodies, counted.get(activity.id) ?? [], handlers))));
}

function whatCounted(lines: ActivitySummary['lines']): HTMLElement {
  if (lines.length === 0) return h('span', { class: 'muted' }, 'Counts toward no credential you hold.');
  return h('ul', { class: 'counted' }, ...lines.map((line) => h('li', { class: line.outcome, 'data-credential': line.credential }, line.text)));
}

function row(activity: Activity, bodies: ReadonlyMap<string, Body>, counted: ActivitySummary['lines'], handlers: LogHandlers): HTMLElement {
  const categoryName = (body: string, category?: string): string =>
    category === undefined ? '' : ` · ${bodies.get(body)?.categories.find((c) => c.id === category)?.name ?? category}`;
  const picker = h('input', { type: 'file', accept: '.pdf,.png,.jpg,.jpeg,.webp,.txt', 'aria-label': `Attach a certificate to ${activity.title}` });
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (file !== undefined) handlers.attach(activity, file);
    picker.value = '';
  });
  return h('tr', { 'data-activity': activity.id },
    h('td', { 'data-label': 'Date' }, h('time', { datetime: activity.completed }, formatDate(activity.completed))),
    h('td', { 'data-label': 'Activity', class: 'title-cell' }, h('div', {}, activity.title, activity.provider === undefined ? null : h('div', { class: 'muted' }, activity.provider))),
    h('td', { 'data-label': 'Hours', class: 'num' }, activity.hours === undefined ? '—' : String(activity.hours)),
    h('td', { 'data-label': 'Units' }, activity.credits.length === 0 ? h('span', { class: 'muted' }, 'none') : h('div', { class: 'chips' },
      ...activity.credits.map((c) => h('span', { class: 'chip' }, `${(bodies.get(c.body)?.id ?? c.body).toUpperCase()} ${formatUnits(c.units)}${categoryName(c.body, c.category)}`)))),
    h('td', { 'data-label': 'What counted', class: 'counted-cell' }, whatCounted(counted)),
    h('td', { 'data-label': 'Certificate' }, activity.evidence.length === 0 ? h('span', { class: 'muted' }, 'none') : h('div', { class: 'files' },
      ...activity.evidence.map((e) => h('a', { class: 'file-link', href: handlers.fileUrl(e.id, true), target: '_blank', rel: 'noopener', title: `${e.type}, ${formatBytes(e.size)}` }, e.name)))),
    h('td', { 'data-label': '' }, h('div', { class: 'row-actions' },
      h('label', { class: 'button ghost small attach' }, 'Attach', picker),
      h('button', { type: 'button', class: 'button ghost small', 'aria-label': `Edit ${activity.title}`, onclick: () => handlers.edit(activity) }, 'Edit'),
      h('button', { type: 'button', class: 'button ghost small danger', 'aria-label': `Remove ${activity.title}`, onclick: () => handlers.remove(activity) }, 'Remove'))),
  );
}
