/** Row ⇄ domain conversions shared by both engines. */
import type { Selectable } from 'kysely';
import type { Activity, Credential, Credit } from '../profile/profile-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { fromMilli, toMilli } from '../shared/units.js';
import type { ActivitiesTable, ChangeLogTable, CreditLinesTable, CredentialsTable, EvidenceTable, PeopleTable } from './database.js';
import type { ChangeRecord, EvidenceRecord, Person } from './store.js';

export function personFromRow(row: Selectable<PeopleTable>): Person {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

export function credentialFromRow(row: Selectable<CredentialsTable>): Credential {
  return {
    id: row.id,
    program: row.program,
    earned: row.earned as CalendarDate,
    ...(row.number === null ? {} : { number: row.number }),
  };
}

export function credentialToRow(personId: string, credential: Credential): CredentialsTable {
  return { person_id: personId, id: credential.id, program: credential.program, earned: credential.earned, number: credential.number ?? null };
}

/** Credit-line rows grouped by their activity's id (activityFromRows puts each group in line order). */
export function linesByActivity(lines: readonly Selectable<CreditLinesTable>[]): Map<string, Selectable<CreditLinesTable>[]> {
  const out = new Map<string, Selectable<CreditLinesTable>[]>();
  for (const line of lines) {
    const list = out.get(line.activity_id);
    if (list === undefined) out.set(line.activity_id, [line]);
    else list.push(line);
  }
  return out;
}

export function activityFromRows(row: Selectable<ActivitiesTable>, lines: readonly Selectable<CreditLinesTable>[]): Activity {
  return {
    id: row.id,
    title: row.title,
    completed: row.completed as CalendarDate,
    ...(row.hours_milli === null ? {} : { hours: fromMilli(row.hours_milli) }),
    ...(row.provider === null ? {} : { provider: row.provider }),
    credits: [...lines].sort((a, b) => a.line - b.line).map((line): Credit => ({
      body: line.body,
      units: fromMilli(line.units_milli),
      ...(line.category === null ? {} : { category: line.category }),
    })),
  };
}

export function activityToRows(personId: string, activity: Activity): { activity: ActivitiesTable; lines: CreditLinesTable[] } {
  return {
    activity: {
      person_id: personId,
      id: activity.id,
      title: activity.title,
      completed: activity.completed,
      hours_milli: activity.hours === undefined ? null : toMilli(activity.hours),
      provider: activity.provider ?? null,
    },
    lines: activity.credits.map((credit, line) => ({
      person_id: personId,
      activity_id: activity.id,
      line,
      body: credit.body,
      units_milli: toMilli(credit.units),
      category: credit.category ?? null,
    })),
  };
}

export function evidenceFromRow(row: Selectable<EvidenceTable>): EvidenceRecord {
  return { id: row.id, activityId: row.activity_id, sha256: row.sha256, name: row.name, type: row.type, size: Number(row.size), uploadedAt: row.uploaded_at };
}

export function changeFromRow(row: Selectable<ChangeLogTable>): ChangeRecord {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    personId: row.person_id,
    entity: row.entity as ChangeRecord['entity'],
    entityId: row.entity_id,
    action: row.action as ChangeRecord['action'],
    before: fromJson(row.before),
    after: fromJson(row.after),
  };
}

/** SQLite hands back JSON text, PostgreSQL's jsonb a parsed value. */
export function fromJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}
