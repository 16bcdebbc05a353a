/**
 * The team view: an organization's members × credentials (status, deadline, what is missing),
 * filtered, sorted and paged by the server (GET /api/orgs/{org}/team), with a CSV export and the
 * members at risk per month ahead. Staff only; a member's activities and evidence never reach it.
 */
import { byId, h } from './dom.js';

interface Org { id: string; name: string; role: string | null }
interface Row { personId: string; name: string; credentialId: string; programName: string; program: string; status: string; deadline: string | null; missing: number | null; unit: string | null; unmet: string[] }
interface Team { asOf: string; members: number; total: number; page: number; pageSize: number; rows: Row[]; atRiskByMonth: { month: string; members: number }[] }

const status = byId('team-status');
const orgSelect = byId<HTMLSelectElement>('team-org');
const filters = byId<HTMLFormElement>('team-filters');
const body = byId('team-grid').querySelector('tbody')!;
let page = 1;

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (response.status === 401) {
    location.assign('/sign-in.html');
    throw new Error('not signed in');
  }
  const data = await response.json();
  if (!response.ok) throw new Error((data as { message?: string }).message ?? `The server answered ${response.status}.`);
  return data as T;
}

function query(): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(filters)) if (value !== '') params.set(key, value.toString());
  return params;
}

async function load(): Promise<void> {
  const org = orgSelect.value;
  if (org === '') return;
  const params = query();
  byId<HTMLAnchorElement>('team-csv').href = `/api/orgs/${org}/team.csv?${params}`;
  params.set('page', String(page));
  const team = await getJson<Team>(`/api/orgs/${org}/team?${params}`);
  status.textContent = `${team.members} members sharing their status; ${team.total} rows as of ${team.asOf}.`;
  body.replaceChildren(...team.rows.map((row) => h('tr', { 'data-person': row.personId, 'data-credential': row.credentialId },
    h('td', {}, row.name),
    h('td', {}, row.programName),
    h('td', {}, h('span', { class: `status-pill status-${row.status}` }, row.status)),
    h('td', {}, row.deadline ?? '—'),
    h('td', {}, [row.missing !== null && row.missing > 0 ? `${row.missing} ${row.unit ?? ''}` : '', ...row.unmet].filter((s) => s !== '').join('; ') || '—'))));
  byId('team-risk').replaceChildren(...team.atRiskByMonth.map((m) => h('li', {}, `${m.month}: ${m.members}`)));
  const pages = Math.max(1, Math.ceil(team.total / team.pageSize));
  byId('team-page').textContent = `Page ${team.page} of ${pages}`;
  byId<HTMLButtonElement>('team-prev').disabled = team.page <= 1;
  byId<HTMLButtonElement>('team-next').disabled = team.page >= pages;
}

function reload(): void {
  load().catch((error: unknown) => {
    status.textContent = error instanceof Error ? error.message : String(error);
  });
}

const orgs = (await getJson<Org[]>('/api/orgs')).filter((o) => o.role !== null);
if (orgs.length === 0) status.textContent = 'You are not staff of any organization yet.';
orgSelect.replaceChildren(...orgs.map((o) => h('option', { value: o.id }, o.name)));
const wanted = new URLSearchParams(location.search).get('org');
if (wanted !== null && orgs.some((o) => o.id === wanted)) orgSelect.value = wanted;
const programs = await getJson<{ id: string; name: string }[]>('/api/programs');
filters.querySelector('select[name="program"]')!.append(...programs.map((p) => h('option', { value: p.id }, p.name)));
orgSelect.addEventListener('change', () => { page = 1; reload(); });
filters.addEventListener('change', () => { page = 1; reload(); });
byId('team-prev').addEventListener('click', () => { page = Math.max(1, page - 1); reload(); });
byId('team-next').addEventListener('click', () => { page += 1; reload(); });
reload();
