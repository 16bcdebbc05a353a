/** A timeline of cycles, deadlines, grace periods and planned courses, one row per credential, with the as-of date marked. */
import type { CredentialReport, PlannedItem } from './api-types.js';
import { h } from './dom.js';
import { formatDate } from './format.js';
import { dueDate } from './plan-words.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const addYears = (iso: string, years: number): string => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

export function renderTimeline(reports: readonly CredentialReport[], asOf: string, planned: readonly PlannedItem[] = []): HTMLElement {
  const rows = reports.filter((r) => r.history.length > 0);
  if (rows.length === 0) return h('p', { class: 'muted' }, 'Add a credential to see its cycles and deadlines here.');
  const dates = [...rows.flatMap((r) => [...r.history.flatMap((c) => [c.start, c.end]), ...(r.graceEnds === null ? [] : [r.graceEnds])]), ...planned.map((item) => item.planned)];
  const start = [...dates, asOf].sort()[0]!;
  const end = [...dates, addYears(asOf, 1)].sort().at(-1)!;
  const from = day(`${start.slice(0, 4)}-01-01`);
  const to = day(`${Number(end.slice(0, 4)) + 1}-01-01`);
  const at = (iso: string): string => `${(((day(iso) - from) / (to - from)) * 100).toFixed(2)}%`;
  const place = (element: HTMLElement, a: string, b?: string): HTMLElement => {
    element.style.left = at(a);
    if (b !== undefined) element.style.width = `calc(${at(b)} - ${at(a)})`;
    return element;
  };

  const axis = h('div', { class: 'tl-axis', 'aria-hidden': 'true' });
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)) + 1; year++) {
    axis.append(place(h('span', { class: 'tl-tick' }, String(year)), `${year}-01-01`));
  }
  const late = (day(asOf) - from) / (to - from) > 0.6;
  const today = place(h('div', { class: `tl-today${late ? ' late' : ''}`, 'aria-hidden': 'true' }, h('span', {}, `As of ${formatDate(asOf)}`)), asOf);
  const wrapper = h('div', { class: 'tl-today-layer' }, today);

  const list = h('div', { class: 'timeline', role: 'list', 'aria-label': 'Credential cycles' }, axis);
  for (const report of rows) {
    const track = h('div', { class: 'tl-track' });
    report.history.forEach((cycle, i) => {
      const current = i === report.history.length - 1;
      track.append(place(h('div', { class: `tl-seg${current ? ' current' : ''}`, title: `Cycle ${cycle.index + 1}: ${formatDate(cycle.start)} – ${formatDate(cycle.end)}` }), cycle.start, cycle.end));
    });
    const last = report.history.at(-1)!;
    if (report.graceEnds !== null && report.graceEnds > last.end) {
      track.append(place(h('div', { class: 'tl-seg grace', title: `Grace period until ${formatDate(report.graceEnds)}` }), last.end, report.graceEnds));
    }
    if (report.deadline !== null) track.append(place(h('div', { class: 'tl-mark', title: `Deadline ${formatDate(report.deadline)}` }), report.deadline));
    const mine = planned.filter((item) => item.counts.some((c) => c.credential === report.id));
    for (const item of mine) track.append(place(h('div', { class: 'tl-plan', 'data-planned': item.id, title: `Planned: ${item.title}, by ${formatDate(dueDate(item))}` }), item.planned));
    const plannedWords = mine.length === 0 ? '' : `, ${mine.length} planned course${mine.length === 1 ? '' : 's'}`;
    const summary = `${report.programName}: cycle ${formatDate(last.start)} to ${formatDate(last.end)}${report.deadline === null ? '' : `, deadline ${formatDate(report.deadline)}`}${report.graceEnds === null ? '' : `, grace until ${formatDate(report.graceEnds)}`}${plannedWords}.`;
    list.append(h('div', { class: `tl-row status-${report.status}`, role: 'listitem', 'aria-label': summary },
      h('div', { class: 'tl-label', 'aria-hidden': 'true' }, shortName(report.programName), ' ', h('span', {}, report.id === report.program ? '' : report.id)),
      h('div', { 'aria-hidden': 'true' }, track)));
  }
  list.append(wrapper);
  return h('div', {}, list, h('div', { class: 'tl-legend', 'aria-hidden': 'true' },
    h('span', {}, h('i', { class: '' }), 'Past cycle'),
    h('span', {}, h('i', { class: 'current' }), 'Current cycle, coloured by status'),
    h('span', {}, h('i', { class: 'grace' }), 'Grace period'),
    h('span', {}, h('i', { class: 'mark' }), 'Deadline'),
    planned.length === 0 ? null : h('span', {}, h('i', { class: 'plan' }), 'Planned course')));
}

/** "NASM Certified Personal Trainer (NASM-CPT)" → "NASM-CPT": the abbreviation when the name has one. */
function shortName(name: string): string {
  return /\(([^)]+)\)\s*$/.exec(name)?.[1] ?? name;
}
