/** One card per credential: status, progress toward the units required, deadline, and what is missing in plain words. */
import type { Body, CredentialReport, Renewal, Status } from './api-types.js';
import { h } from './dom.js';
import { daysBetween, formatDate, formatUnits, inWords, STATUS_LABEL } from './format.js';
import { nextStepOf, type Step } from './next-step.js';

export interface CardHandlers {
  renew(report: CredentialReport): void;
  edit(report: CredentialReport): void;
  remove(report: CredentialReport): void;
  moveRenewal(report: CredentialReport, renewal: Renewal): void;
  undoRenewal(report: CredentialReport, renewal: Renewal): void;
  /** Where the transcript PDF and the audit packet ZIP of the current cycle are downloaded. */
  auditUrl?(report: CredentialReport, file: 'transcript.pdf' | 'audit-packet.zip'): string;
  /** The planner's cheapest way to close the gap (due-soon, in-progress), loaded on request. */
  cheapest?(report: CredentialReport): HTMLElement | null;
  /** The planned items that count toward this credential. */
  planned?(report: CredentialReport): HTMLElement | null;
}

/** Most urgent first, so the card that needs attention is the first one seen. */
const URGENCY: Status[] = ['lapsed', 'grace', 'due-soon', 'in-progress', 'unconfirmed', 'not-covered', 'current', 'never-expires', 'not-yet-earned'];

export function sortByUrgency(reports: readonly CredentialReport[]): CredentialReport[] {
  return [...reports].sort((a, b) => URGENCY.indexOf(a.status) - URGENCY.indexOf(b.status) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
}

export function renderCard(report: CredentialReport, asOf: string, bodies: ReadonlyMap<string, Body>, renewals: readonly Renewal[], handlers: CardHandlers): HTMLElement {
  const titleId = `card-${report.id}-title`;
  const bodyName = bodies.get(report.body)?.name ?? report.body.toUpperCase();
  const sub = [bodyName, report.kind, report.id === report.program ? '' : `“${report.id}”`].filter(Boolean).join(' · ');
  return h('article', { class: `card status-${report.status}`, 'aria-labelledby': titleId, 'data-credential': report.id },
    h('div', { class: 'card-head' },
      h('div', {}, h('h3', { class: 'card-title', id: titleId }, report.programName), h('p', { class: 'card-sub' }, sub)),
      h('span', { class: 'badge', 'data-status': report.status }, STATUS_LABEL[report.status])),
    progress(report),
    deadline(report, asOf),
    // The next step says what to do; without one (never expires, not yet earned) the engine's outcome says where it stands.
    nextStep(report, bodyName) ?? h('p', { class: 'missing' }, outcomeSentence(report)),
    handlers.cheapest?.(report) ?? null,
    handlers.planned?.(report) ?? null,
    needs(report),
    renewalList(report, renewals, handlers),
    why(report),
    h('div', { class: 'card-actions' },
      report.status === 'never-expires' ? null : h('button', { type: 'button', class: 'button ghost small', onclick: () => handlers.renew(report) }, 'Record renewal'),
      h('button', { type: 'button', class: 'button ghost small', onclick: () => handlers.edit(report), 'aria-label': `Edit ${report.programName}` }, 'Edit'),
      ...auditLinks(report, handlers),
      h('button', { type: 'button', class: 'button ghost small danger', onclick: () => handlers.remove(report), 'aria-label': `Remove ${report.programName}` }, 'Remove')),
  );
}

function nextStep(report: CredentialReport, bodyName: string): HTMLElement | null {
  const step = nextStepOf(report, bodyName);
  if (step === null) return null;
  return h('p', { class: 'next-step' }, h('strong', {}, 'Next step: '), ...withRenewalLink(step));
}

/**
 * The server's sentence already names the fee and "Renew at URL" (both from the catalog): the card
 * shows it as written, with the URL as a link. A step with a link its sentence does not name gets one.
 */
function withRenewalLink(step: Step): (Node | string)[] {
  if (step.url === undefined) return [step.text];
  const link = h('a', { href: step.url, target: '_blank', rel: 'noopener' }, step.url);
  const at = step.text.indexOf(step.url);
  if (at < 0) return [step.text, ' ', h('a', { href: step.url, target: '_blank', rel: 'noopener' }, 'Renewal page')];
  return [step.text.slice(0, at), link, step.text.slice(at + step.url.length)];
}

function renewalList(report: CredentialReport, renewals: readonly Renewal[], handlers: CardHandlers): HTMLElement | null {
  if (renewals.length === 0) return null;
  const sorted = [...renewals].sort((a, b) => a.date.localeCompare(b.date));
  return h('div', { class: 'renewals' },
    h('h4', {}, 'Renewals recorded'),
    h('ul', {}, ...sorted.map((renewal) => h('li', { 'data-renewal': renewal.id },
      h('span', {}, 'Renewed ', h('time', { datetime: renewal.date }, formatDate(renewal.date))),
      h('span', { class: 'row-actions' },
        h('button', { type: 'button', class: 'button ghost small', 'aria-label': `Change the ${report.programName} renewal of ${formatDate(renewal.date)}`, onclick: () => handlers.moveRenewal(report, renewal) }, 'Change date'),
        h('button', { type: 'button', class: 'button ghost small danger', 'aria-label': `Undo the ${report.programName} renewal of ${formatDate(renewal.date)}`, onclick: () => handlers.undoRenewal(report, renewal) }, 'Undo'))))));
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

/** Findings about where a value comes from (a secondary source, unconfirmed): kept for the details section. */
const SOURCE_KINDS = new Set(['value-confidence', 'unconfirmed-value']);

/** "Why this status": a short plain summary, the reasoning, and (collapsed) the sources and unconfirmed values. */
function why(report: CredentialReport): HTMLElement {
  const reasons: string[] = [];
  const sources: string[] = [];
  report.explanation.forEach((sentence, i) => {
    const f = report.findings[i];
    // The summary already says the outcome and progress; the CE log says which courses carry no units from this body.
    if (f === undefined || f.kind === 'outcome' || f.kind === 'progress' || (f.kind === 'activity-not-counted' && f.reason === 'not-approved')) return;
    (SOURCE_KINDS.has(f.kind) ? sources : reasons).push(sentence);
  });
  return h('details', { class: 'why' }, h('summary', {}, 'Why this status'),
    h('p', { class: 'why-summary' }, outcomeSentence(report), ' ', plainSummary(report)),
    h('ul', {}, ...reasons.map((sentence) => h('li', {}, sentence))),
    sources.length === 0 ? null : h('details', { class: 'sources' },
      h('summary', {}, `Sources and unconfirmed values (${sources.length})`),
      h('ul', {}, ...sources.map((sentence) => h('li', {}, sentence)))));
}

function plainSummary(report: CredentialReport): string {
  const parts: string[] = [];
  if (report.cycle !== null) parts.push(`This cycle runs ${formatDate(report.cycle.start)} to ${formatDate(report.cycle.end)}.`);
  if (report.required !== null && report.unit !== null) {
    const activities = report.findings.filter((f) => f.kind === 'activity-counted').length;
    const holding = report.findings.filter((f) => f.kind === 'grant-counted').length;
    const from = [activities > 0 ? `${activities} activit${activities === 1 ? 'y' : 'ies'}` : '', holding > 0 ? `${holding} credential${holding === 1 ? '' : 's'} held` : ''].filter(Boolean).join(' and ');
    parts.push(`${formatUnits(report.earned)} of ${formatUnits(report.required)} ${report.unit} counted${from === '' ? '' : ` from ${from}`}.`);
  }
  const unmet = report.components.filter((c) => !c.met && !c.unconfirmed).length;
  if (unmet > 0) parts.push(`${unmet} other requirement${unmet === 1 ? '' : 's'} not met.`);
  return parts.join(' ');
}
