/** One card per credential: status, progress toward the units required, deadline, and what is missing in plain words. */
import type { Body, CredentialReport, Status } from './api-types.js';
import { h } from './dom.js';
import { daysBetween, formatDate, formatUnits, inWords, STATUS_LABEL } from './format.js';

export interface CardHandlers {
  renew(report: CredentialReport): void;
  remove(report: CredentialReport): void;
  /** Where the transcript PDF and the audit packet ZIP of the current cycle are downloaded. */
  auditUrl?(report: CredentialReport, file: 'transcript.pdf' | 'audit-packet.zip'): string;
}

/** Most urgent first, so the card that needs attention is the first one seen. */
const URGENCY: Status[] = ['lapsed', 'grace', 'due-soon', 'in-progress', 'unconfirmed', 'not-covered', 'current', 'never-expires', 'not-yet-earned'];

export function sortByUrgency(reports: readonly CredentialReport[]): CredentialReport[] {
  return [...reports].sort((a, b) => URGENCY.indexOf(a.status) - URGENCY.indexOf(b.status) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
}

export function renderCard(report: CredentialReport, asOf: string, bodies: ReadonlyMap<string, Body>, handlers: CardHandlers): HTMLElement {
  const titleId = `card-${report.id}-title`;
  const bodyName = bodies.get(report.body)?.name ?? report.body.toUpperCase();
  const sub = [bodyName, report.kind, report.id === report.program ? '' : `“${report.id}”`].filter(Boolean).join(' · ');
  return h('article', { class: `card status-${report.status}`, 'aria-labelledby': titleId, 'data-credential': report.id },
    h('div', { class: 'card-head' },
      h('div', {}, h('h3', { class: 'card-title', id: titleId }, report.programName), h('p', { class: 'card-sub' }, sub)),
      h('span', { class: 'badge', 'data-status': report.status }, STATUS_LABEL[report.status])),
    progress(report),
    deadline(report, asOf),
    h('p', { class: 'missing' }, outcomeSentence(report)),
    needs(report),
    why(report),
    h('div', { class: 'card-actions' },
      report.status === 'never-expires' ? null : h('button', { type: 'button', class: 'button ghost small', onclick: () => handlers.renew(report) }, 'Record renewal'),
      ...auditLinks(report, handlers),
      h('button', { type: 'button', class: 'button ghost small danger', onclick: () => handlers.remove(report), 'aria-label': `Remove ${report.programName}` }, 'Remove')),
  );
}

function auditLinks(report: CredentialReport, handlers: CardHandlers): HTMLElement[] {
  if (handlers.auditUrl === undefined || report.history.length === 0) return [];
  const cycle = `cycle ${report.history.length}`;
  return [
    h('a', { class: 'button ghost small', href: handlers.auditUrl(report, 'transcript.pdf'), download: '', 'aria-label': `Transcript of ${report.programName}, ${cycle} (PDF)` }, 'Transcript'),
    h('a', { class: 'button ghost small', href: handlers.auditUrl(report, 'audit-packet.zip'), download: '', 'aria-label': `Audit packet of ${report.programName}, ${cycle} (ZIP)` }, 'Audit packet'),
  ];
}

function progress(report: CredentialReport): HTMLElement | null {
  if (report.required === null || report.unit === null) return null;
  const ratio = report.required <= 0 ? 1 : Math.min(1, report.earned / report.required);
  const fill = h('div', { class: 'bar-fill' });
  fill.style.width = `${(ratio * 100).toFixed(1)}%`;
  const toGo = report.missing !== null && report.missing > 0 ? `${formatUnits(report.missing)} to go` : 'Units complete';
  return h('div', { class: 'progress' },
    h('div', { class: 'progress-label' },
      h('span', {}, h('strong', {}, formatUnits(report.earned)), ` of ${formatUnits(report.required)} ${report.unit}`),
      h('span', { class: 'to-go' }, toGo)),
    h('div', {
      class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': report.required, 'aria-valuenow': Math.min(report.earned, report.required),
      'aria-label': `${report.unit} earned toward ${report.programName}`, 'aria-valuetext': `${formatUnits(report.earned)} of ${formatUnits(report.required)} ${report.unit}`,
    }, fill));
}

function deadline(report: CredentialReport, asOf: string): HTMLElement | null {
  if (report.status === 'lapsed' && report.cycle !== null) {
    const since = report.graceEnds ?? report.cycle.end;
    return h('div', { class: 'deadline urgent' }, h('span', {}, 'Lapsed after ', h('span', { class: 'when' }, formatDate(since))), h('span', { class: 'left' }, inWords(daysBetween(asOf, since))));
  }
  if (report.deadline === null) return null;
  const days = daysBetween(asOf, report.deadline);
  const label = report.status === 'grace' ? 'Grace period ends ' : report.kind === 'prerequisite' ? 'Valid until ' : 'Renew by ';
  const urgent = report.status === 'due-soon' || report.status === 'grace';
  return h('div', { class: `deadline${urgent ? ' urgent' : ''}` }, h('span', {}, label, h('span', { class: 'when' }, formatDate(report.deadline))), h('span', { class: 'left' }, inWords(days)));
}

/** The engine's own outcome sentence: the plain-words answer to "what is missing, by when". */
function outcomeSentence(report: CredentialReport): string {
  const index = report.findings.findIndex((f) => f.kind === 'outcome');
  const sentence = index >= 0 ? report.explanation[index] : undefined;
  return (sentence ?? report.explanation[report.explanation.length - 1] ?? '').replace(/(\d{4}-\d{2}-\d{2})/g, (iso) => formatDate(iso));
}

function needs(report: CredentialReport): HTMLElement | null {
  if (report.components.length === 0) return null;
  return h('ul', { class: 'needs', 'aria-label': 'Also required' }, ...report.components.map((c) => {
    const state = c.unconfirmed ? 'unsure' : c.met ? 'met' : 'unmet';
    const mark = c.unconfirmed ? 'Unconfirmed: ' : c.met ? 'Met: ' : 'Still needed: ';
    return h('li', { class: state }, h('span', {}, mark), c.label);
  }));
}

function why(report: CredentialReport): HTMLElement {
  return h('details', {}, h('summary', {}, 'Why this status'),
    h('ul', {}, ...report.explanation.map((sentence) => h('li', {}, sentence))));
}
