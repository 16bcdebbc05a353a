/**
 * The dashboard: one card per credential, a timeline, the CE log, and the forms. It talks only to
 * the HTTP API; the as-of date is the browser's today unless the user picks another.
 */
import { ApiError, createApi } from './api-client.js';
import type { Activity, Body, Change, ComplianceReport, Credential, CredentialReport, ProgramSummary, Renewal, Warning } from './api-types.js';
import { renderCard, sortByUrgency } from './cards.js';
import { renderLog } from './ce-log.js';
import { renderChanges } from './change-log.js';
import { byId, h } from './dom.js';
import { renderEmptyState, renderExampleNotice } from './empty-state.js';
import { formatDate, localToday } from './format.js';
import { setupActivityForm, setupCredentialForm, setupRenewForm, type CredentialEdit } from './forms.js';
import { showSaveWarnings } from './save-warnings.js';
import { renderTimeline } from './timeline.js';
import { setupCalendarFeed } from './calendar-feed.js';
import { renderNotifications, setupReminderSettings } from './reminders.js';

const person = new URLSearchParams(location.search).get('person') ?? 'me';
const api = createApi(person);
const asOfInput = byId<HTMLInputElement>('as-of');

let programs: ProgramSummary[] = [];
let bodies = new Map<string, Body>();
let report: ComplianceReport = { asOf: localToday(), credentials: [] };
let activities: Activity[] = [];
let credentials: Credential[] = [];
let changes: Change[] = [];

function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  const note = h('div', { class: `toast ${kind}` }, message);
  byId('toasts').append(note);
  setTimeout(() => note.remove(), kind === 'error' ? 8000 : 4000);
}

function failed(error: unknown): void {
  toast(error instanceof ApiError || error instanceof Error ? error.message : String(error), 'error');
}

async function refresh(): Promise<void> {
  const asOf = asOfInput.value || localToday();
  let notifications: Awaited<ReturnType<typeof api.notifications>>;
  [report, activities, credentials, changes, notifications] = await Promise.all([api.status(asOf), api.activities(), api.credentials(), api.changes(50), api.notifications(asOf)]);
  render();
  byId('notifications').replaceChildren(renderNotifications(notifications));
}

function render(): void {
  const reports = sortByUrgency(report.credentials);
  const cards = byId('cards');
  const renewalsOf = (id: string): Renewal[] => credentials.find((c) => c.id === id)?.renewals ?? [];
  const handlers = {
    renew: (r: CredentialReport) => openRenew(r), edit: editCredential, remove: removeCredential, moveRenewal: (r: CredentialReport, renewal: Renewal) => openRenew(r, renewal), undoRenewal,
    auditUrl: (r: CredentialReport, file: 'transcript.pdf' | 'audit-packet.zip') => api.auditUrl(r.id, file, report.asOf),
  };
  cards.replaceChildren(...(reports.length === 0 ? [emptyState()] : reports.map((r) => renderCard(r, report.asOf, bodies, renewalsOf(r.id), handlers))));
  byId('summary').replaceChildren(...summary(reports));
  byId('timeline').replaceChildren(renderTimeline(reports, report.asOf));
  const counted = new Map((report.activities ?? []).map((a) => [a.activity, a.lines]));
  byId('ce-log').replaceChildren(renderLog(activities, bodies, counted, { fileUrl: api.fileUrl, attach, edit: (a) => openActivity(a), remove: removeActivity }));
  byId('changes').replaceChildren(renderChanges(changes));
}

function summary(reports: readonly CredentialReport[]): (Node | string)[] {
  if (reports.length === 0) return ['No credentials yet.'];
  const count = (statuses: string[]): number => reports.filter((r) => statuses.includes(r.status)).length;
  const good = count(['current', 'never-expires']);
  const attention = count(['due-soon', 'grace', 'lapsed']);
  const upcoming = reports.filter((r) => r.deadline !== null && r.deadline >= report.asOf).sort((a, b) => a.deadline!.localeCompare(b.deadline!))[0];
  const parts: (Node | string)[] = [h('strong', {}, `${good} of ${reports.length}`), ' current'];
  if (attention > 0) parts.push(' · ', h('strong', {}, String(attention)), ' need attention');
  if (upcoming !== undefined) parts.push(' · next deadline ', h('strong', {}, formatDate(upcoming.deadline!)), ` (${upcoming.programName})`);
  parts.push(` · as of ${formatDate(report.asOf)}`);
  return parts;
}

function emptyState(): HTMLElement {
  return renderEmptyState({
    addCredential: () => openCredential(),
    loadExample: () => api.createExampleWallet().then((example) => location.assign(`/?person=${encodeURIComponent(example.id)}`), (error: unknown) => {
      failed(error);
      throw error;
    }),
  });
}

async function removeCredential(r: CredentialReport): Promise<void> {
  if (!confirm(`Remove ${r.programName} and its renewals from your wallet?`)) return;
  await api.removeCredential(r.id).then(() => changed(`Removed ${r.programName}.`), failed);
}

function editCredential(r: CredentialReport): void {
  const stored = credentials.find((c) => c.id === r.id);
  if (stored === undefined) return;
  const edit: CredentialEdit = { id: stored.id, program: stored.program, earned: stored.earned, ...(stored.number === undefined ? {} : { number: stored.number }) };
  openCredential(edit);
}

async function undoRenewal(r: CredentialReport, renewal: Renewal): Promise<void> {
  await api.removeRenewal(r.id, renewal.id).then(() => changed(`Undid the ${r.programName} renewal of ${formatDate(renewal.date)}.`), failed);
}

async function removeActivity(activity: Activity): Promise<void> {
  if (!confirm(`Remove “${activity.title}” and its certificates?`)) return;
  await api.removeActivity(activity.id).then(() => changed(`Removed “${activity.title}”.`), failed);
}

async function attach(activity: Activity, file: File): Promise<void> {
  await api.upload(activity.id, file).then(() => changed(`Attached ${file.name} to “${activity.title}”.`), failed);
}

async function changed(message: string, warnings: readonly Warning[] = []): Promise<void> {
  await refresh();
  // After the refresh, so what the warnings talk about is already on screen.
  showSaveWarnings(byId('save-warnings'), message, warnings);
  toast(message);
}

let openCredential: (edit?: CredentialEdit) => void = () => undefined;
let openRenew: (r: CredentialReport, renewal?: Renewal) => void = () => undefined;
let openActivity: (edit?: Activity) => void = () => undefined;

async function start(): Promise<void> {
  asOfInput.value = localToday();
  if (person.startsWith('example-')) {
    byId('summary').after(renderExampleNotice(() => api.removePerson().then(() => location.assign('/'), (error: unknown) => {
      failed(error);
      throw error;
    })));
  }
  asOfInput.addEventListener('change', () => {
    if (asOfInput.value !== '') refresh().catch(failed);
  });
  byId<HTMLAnchorElement>('export-json').href = api.exportUrl('json');
  byId<HTMLAnchorElement>('export-csv').href = api.exportUrl('csv');
  const [programList, bodyList] = await Promise.all([api.programs(), api.bodies()]);
  programs = programList;
  bodies = new Map(bodyList.map((b) => [b.id, b]));
  const context = {
    api, programs, bodies: bodyList, changed, today: localToday,
    heldBodies: () => [...new Set(report.credentials.filter((c) => c.kind !== 'prerequisite').map((c) => c.body))],
  };
  openCredential = setupCredentialForm(context);
  openRenew = setupRenewForm(context);
  openActivity = setupActivityForm(context);
  byId('open-credential').addEventListener('click', () => openCredential());
  byId('open-activity').addEventListener('click', () => openActivity());
  await Promise.all([
    refresh(), setupCalendarFeed(byId('calendar-feed'), api, (message) => toast(message), failed),
    setupReminderSettings(byId('reminder-settings'), api, (message) => toast(message), failed, refresh),
  ]);
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  byId('summary').textContent = 'recert could not load your wallet.';
  failed(error);
});
