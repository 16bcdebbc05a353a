/** The person's change log in words, newest first: who changed what, when, and from what to what. */
import type { Change } from './api-types.js';
import { h } from './dom.js';
import { formatDate } from './format.js';

const ACTION: Record<Change['action'], string> = { create: 'Added', update: 'Changed', delete: 'Removed' };

export function renderChanges(changes: readonly Change[]): HTMLElement {
  if (changes.length === 0) return h('p', { class: 'muted' }, 'No changes yet.');
  return h('ol', { class: 'changes' }, ...changes.map((change) => h('li', { 'data-entity': change.entity },
    h('time', { datetime: change.at }, when(change.at)),
    h('span', { class: 'who' }, actorName(change.actor)),
    h('span', { class: 'what' }, describe(change)))));
}

function when(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${formatDate(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`)}, ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

function actorName(actor: string): string {
  if (actor === 'web') return 'web app';
  if (actor === 'api') return 'API';
  return actor.startsWith('cli:') ? `command line (${actor.slice(4)})` : actor;
}

type Fields = Record<string, unknown>;
const fields = (value: unknown): Fields => (value !== null && typeof value === 'object' ? value as Fields : {});

function describe(change: Change): string {
  const before = fields(change.before);
  const after = fields(change.after);
  const data = change.action === 'create' ? after : before;
  const name = nameOf(change.entity, data, change.entityId);
  if (change.action !== 'update') return `${ACTION[change.action]} ${name}.`;
  const diffs = Object.keys({ ...before, ...after })
    .filter((key) => key !== 'id' && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${key} ${show(key, before[key])} → ${show(key, after[key])}`);
  return `${ACTION.update} ${name}${diffs.length === 0 ? '' : `: ${diffs.join('; ')}`}.`;
}

function nameOf(entity: string, data: Fields, id: string): string {
  switch (entity) {
    case 'credential': return `credential ${String(data.program ?? id)}${data.id !== undefined && data.id !== data.program ? ` (“${String(data.id)}”)` : ''}`;
    case 'renewal': return `the renewal of ${String(data.credential ?? '?')}${typeof data.date === 'string' ? ` on ${formatDate(data.date)}` : ''}`;
    case 'activity': return `activity “${String(data.title ?? id)}”`;
    case 'evidence': return `certificate ${String(data.name ?? id)}`;
    case 'person': return `wallet ${String(data.name ?? id)}`;
    case 'reminder-settings': return 'reminder settings';
    default: return `${entity} ${id}`;
  }
}

function show(key: string, value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (key === 'credits' && Array.isArray(value)) {
    return value.map((c) => { const line = fields(c); return `${String(line.body).toUpperCase()} ${String(line.units)}${line.category === undefined ? '' : ` ${String(line.category)}`}`; }).join(', ') || '(none)';
  }
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}
