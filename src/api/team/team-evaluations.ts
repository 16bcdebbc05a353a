/**
 * Evaluates an organization's shared members in bulk, with a cache per member: a member's rows are
 * kept with their wallet's stamp (replaced by every write to the wallet, read with the member list
 * in one query; migration 012) and the date they were evaluated for; only members whose stamp changed
 * are loaded and evaluated again. The stamp is read before the wallet is loaded, so a change landing
 * in between only causes one more evaluation later, never a stale row. Rows are evaluated again after
 * MAX_AGE_MS whatever the stamp (a write that bypassed the store, such as hand-typed SQL, does not
 * replace it), and rows older than that are dropped from memory on every request, so a member who
 * left or erased their account stays in no process's memory for longer.
 */
import type { Catalog } from '../../catalog/catalog.js';
import { evaluate } from '../../engine/evaluate.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import type { SharedPerson } from '../../store/account-store.js';
import type { Store } from '../../store/store.js';
import { rowsOfMember, type TeamRow } from './team-grid.js';

interface Entry {
  readonly stamp: string;
  /** When the rows were evaluated (milliseconds). */
  readonly at: number;
  readonly asOf: CalendarDate;
  readonly name: string;
  readonly rows: readonly TeamRow[];
}

/** Wallets per bulk load on a cold cache. */
const LOAD_BATCH = 250;
/** How long evaluated rows are used, at most. */
const MAX_AGE_MS = 10 * 60_000;

export class TeamEvaluations {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly store: Store, private readonly catalog: Catalog, private readonly now: () => number = () => Date.now()) {}

  /** Every row of the members, evaluated on asOf; `evaluated` counts the members that were not cached. */
  async rows(members: readonly SharedPerson[], asOf: CalendarDate): Promise<{ rows: TeamRow[]; evaluated: number }> {
    // Each member's rows as this request sees them: taken from the cache now, or evaluated below (a
    // concurrent request for another date may replace cache entries meanwhile).
    const rowsOf = new Map<string, readonly TeamRow[]>();
    const now = this.now();
    for (const [id, entry] of this.cache) if (now - entry.at > MAX_AGE_MS) this.cache.delete(id);
    const stale = members.filter((m) => {
      const entry = this.cache.get(m.personId);
      const fresh = entry !== undefined && m.stamp !== null && entry.stamp === m.stamp && entry.asOf === asOf && entry.name === m.name;
      if (fresh) rowsOf.set(m.personId, entry.rows);
      return !fresh;
    });
    // Loaded in batches, four queries each (store.loadProfiles), evaluated between batches.
    for (let i = 0; i < stale.length; i += LOAD_BATCH) {
      const batch = stale.slice(i, i + LOAD_BATCH);
      const profiles = await this.store.loadProfiles(batch.map((m) => m.personId));
      for (const member of batch) {
        const profile = profiles.get(member.personId);
        if (profile === undefined) continue;
        const report = evaluate(this.catalog, profile, asOf);
        const rows = rowsOfMember(member.personId, member.name, report.credentials);
        rowsOf.set(member.personId, rows);
        if (member.stamp !== null) this.cache.set(member.personId, { stamp: member.stamp, at: now, asOf, name: member.name, rows });
      }
    }
    const rows: TeamRow[] = [];
    for (const member of members) rows.push(...(rowsOf.get(member.personId) ?? []));
    return { rows, evaluated: stale.length };
  }

  /** Drops a member (sharing withdrawn): nothing of theirs stays in memory. */
  forget(personId: string): void {
    this.cache.delete(personId);
  }
}
