/**
 * The team view's grid: one row per shared member × credential (status, deadline, what is missing),
 * its filters, sorting, paging, CSV, and the count of members at risk per month ahead. Pure: the
 * rows come from the engine's reports (team-evaluations.ts), today is passed in.
 */
import type { CredentialReport } from '../../engine/report.js';
import { addDays, addMonths, type CalendarDate } from '../../shared/calendar-date.js';

export interface TeamRow {
  readonly personId: string;
  readonly name: string;
  readonly credentialId: string;
  readonly program: string;
  readonly programName: string;
  readonly status: CredentialReport['status'];
  readonly deadline: CalendarDate | null;
  /** Units still missing in the current cycle (null when the rule has no unit count). */
  readonly missing: number | null;
  readonly unit: string | null;
  /** Labels of the requirements not met yet (CE categories, CPR/AED, …). */
  readonly unmet: string[];
}

export type TeamSort = 'deadline' | 'name' | 'status' | 'program';

export interface TeamQuery {
  /** Only rows whose deadline falls within this many days from asOf (and not lapsed). */
  readonly dueWithinDays?: 30 | 60 | 90 | undefined;
  readonly lapsed?: boolean | undefined;
  readonly program?: string | undefined;
  readonly sort: TeamSort;
  readonly order: 'asc' | 'desc';
}

/** A member's rows, from the engine's report of their wallet. Evidence and activities never enter a row. */
export function rowsOfMember(personId: string, name: string, credentials: readonly CredentialReport[]): TeamRow[] {
  return credentials.map((c) => ({
    personId, name, credentialId: c.id, program: c.program, programName: c.programName, status: c.status, deadline: c.deadline,
    missing: c.missing, unit: c.unit, unmet: c.components.filter((k) => !k.met).map((k) => k.label),
  }));
}

/** Still something to do before the deadline: units or a requirement missing, or already in grace. */
export function atRisk(row: TeamRow): boolean {
  if (row.deadline === null || row.status === 'lapsed' || row.status === 'never-expires') return false;
  return row.status === 'grace' || (row.missing ?? 0) > 0 || row.unmet.length > 0 || row.status === 'due-soon';
}

export function filterRows(rows: readonly TeamRow[], query: TeamQuery, asOf: CalendarDate): TeamRow[] {
  const dueBy = query.dueWithinDays === undefined ? null : addDays(asOf, query.dueWithinDays);
  return rows.filter((row) => {
    if (query.program !== undefined && row.program !== query.program) return false;
    if (query.lapsed === true && row.status !== 'lapsed') return false;
    if (dueBy !== null && (row.deadline === null || row.status === 'lapsed' || row.deadline < asOf || row.deadline > dueBy)) return false;
    return true;
  });
}

const STATUS_ORDER: Record<TeamRow['status'], number> = {
  lapsed: 0, grace: 1, 'due-soon': 2, 'in-progress': 3, unconfirmed: 4, current: 5, 'not-yet-earned': 6, 'not-covered': 7, 'never-expires': 8,
};

export function sortRows(rows: TeamRow[], sort: TeamSort, order: 'asc' | 'desc'): TeamRow[] {
  const sign = order === 'asc' ? 1 : -1;
  const key = (row: TeamRow): string | number => {
    switch (sort) {
      case 'deadline': return row.deadline ?? '9999-99-99';
      case 'name': return row.name.toLowerCase();
      case 'status': return STATUS_ORDER[row.status];
      case 'program': return row.programName.toLowerCase();
    }
  };
  return rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    // A stable, total order, so pages never overlap or skip.
    return a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId) || a.credentialId.localeCompare(b.credentialId);
  });
}

/** For each of the next `months` calendar months (the month of asOf first): how many members have an at-risk deadline in it. */
export function membersAtRiskByMonth(rows: readonly TeamRow[], asOf: CalendarDate, months = 12): { month: string; members: number }[] {
  const first = `${asOf.slice(0, 7)}-01` as CalendarDate;
  const buckets = Array.from({ length: months }, (_, i) => ({ month: addMonths(first, i).slice(0, 7), people: new Set<string>() }));
  const index = new Map(buckets.map((b, i) => [b.month, i]));
  for (const row of rows) {
    if (!atRisk(row) || row.deadline === null || row.deadline < asOf) continue;
    const i = index.get(row.deadline.slice(0, 7));
    if (i !== undefined) buckets[i]!.people.add(row.personId);
  }
  return buckets.map((b) => ({ month: b.month, members: b.people.size }));
}

const CSV_COLUMNS = ['member', 'person_id', 'credential', 'program', 'status', 'deadline', 'missing', 'unit', 'unmet'] as const;

/** RFC 4180 CSV; a cell a spreadsheet would run as a formula (= + - @ at the start) gets a leading apostrophe. */
export function toCsv(rows: readonly TeamRow[]): string {
  const cell = (value: string | number | null): string => {
    let text = value === null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push([r.name, r.personId, r.credentialId, r.programName, r.status, r.deadline, r.missing, r.unit, r.unmet.join('; ')].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
