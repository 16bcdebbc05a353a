/**
 * Evaluates an organization's shared members in bulk, with a cache per member: a member's rows are
 * kept with the version of their wallet (the last change-log sequence number for the person, read
 * with the member list in one query) and the date they were evaluated for; only members whose
 * version moved are loaded and evaluated again. The version is read before the wallet is loaded,
 * so a change landing in between only causes one more evaluation later, never a stale row.
 */
import type { Catalog } from '../../catalog/catalog.js';
import { evaluate } from '../../engine/evaluate.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import type { SharedPerson } from '../../store/account-store.js';
import type { Store } from '../../store/store.js';
import { rowsOfMember, type TeamRow } from './team-grid.js';

interface Entry {
  readonly version: number;
  readonly asOf: CalendarDate;
  readonly name: string;
  readonly rows: readonly TeamRow[];
}

/** How many wallets load at once on a cold cache (a PostgreSQL pool has ten connections). */
const LOAD_CONCURRENCY = 8;

export class TeamEvaluations {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly store: Store, private readonly catalog: Catalog) {}

  /** Every row of the members, evaluated on asOf; `evaluated` counts the members that were not cached. */
  async rows(members: readonly SharedPerson[], asOf: CalendarDate): Promise<{ rows: TeamRow[]; evaluated: number }> {
    const stale = members.filter((m) => {
      const entry = this.cache.get(m.personId);
      return entry === undefined || entry.version !== m.version || entry.asOf !== asOf || entry.name !== m.name;
    });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < stale.length) {
        const member = stale[next++]!;
        const profile = await this.store.loadProfile(member.personId).catch(() => null);
        if (profile === null) continue; // removed meanwhile
        const report = evaluate(this.catalog, profile, asOf);
        this.cache.set(member.personId, { version: member.version, asOf, name: member.name, rows: rowsOfMember(member.personId, member.name, report.credentials) });
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOAD_CONCURRENCY, stale.length) }, worker));
    const rows: TeamRow[] = [];
    for (const member of members) rows.push(...(this.cache.get(member.personId)?.rows ?? []));
    return { rows, evaluated: stale.length };
  }

  /** Drops a member (sharing withdrawn): nothing of theirs stays in memory. */
  forget(personId: string): void {
    this.cache.delete(personId);
  }
}
