/** After a save, the server's warnings stay on screen (not a passing toast) until dismissed or the next save. */
import type { Warning } from './api-types.js';
import { h } from './dom.js';

/** Replaces what `region` shows with the warnings for `what` (nothing when there are none). */
export function showSaveWarnings(region: HTMLElement, what: string, warnings: readonly Warning[]): void {
  if (warnings.length === 0) {
    region.replaceChildren();
    return;
  }
  const box = h('div', { class: 'notice warning', role: 'alert' },
    h('p', { class: 'notice-title' }, `${what} Please check:`),
    h('ul', {}, ...warnings.map((w) => h('li', { 'data-code': w.code }, sentence(w.message)))),
    h('button', { type: 'button', class: 'button ghost small', onclick: () => region.replaceChildren() }, 'Dismiss'));
  region.replaceChildren(box);
}

function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
