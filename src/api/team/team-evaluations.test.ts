import { describe, expect, it } from 'vitest';
import { readCatalogDir } from '../../io/read-catalog-dir.js';
import type { Profile } from '../../profile/profile-schema.js';
import { calendarDate } from '../../shared/calendar-date.js';
import type { SharedPerson } from '../../store/account-store.js';
import type { Store } from '../../store/store.js';
import { TeamEvaluations } from './team-evaluations.js';

const catalog = readCatalogDir();
const d = calendarDate;
const wallet: Profile = { credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: d('2025-01-15') }], renewals: [], activities: [] };

function setUp() {
  let clock = 0;
  let loads = 0;
  const store = { loadProfiles: async (ids: readonly string[]) => { loads += ids.length; return new Map(ids.map((id) => [id, wallet])); } } as unknown as Store;
  const team = new TeamEvaluations(store, catalog, () => clock);
  const member = (stamp: string | null): SharedPerson => ({ personId: 'kim', name: 'Kim', sharedAt: '2026-01-01T00:00:00.000Z', stamp });
  return { team, member, advance: (ms: number) => { clock += ms; }, loads: () => loads };
}

describe('team evaluations kept per wallet stamp', () => {
  it('evaluates a member again only when the stamp changes, the date changes, or the rows are ten minutes old', async () => {
    const { team, member, advance, loads } = setUp();
    expect((await team.rows([member('s1')], d('2026-06-01'))).evaluated).toBe(1);
    expect((await team.rows([member('s1')], d('2026-06-01'))).evaluated).toBe(0);
    expect((await team.rows([member('s2')], d('2026-06-01'))).evaluated).toBe(1);
    expect((await team.rows([member('s2')], d('2026-07-01'))).evaluated).toBe(1);
    advance(9 * 60_000);
    expect((await team.rows([member('s2')], d('2026-07-01'))).evaluated).toBe(0);
    advance(2 * 60_000);
    const { rows, evaluated } = await team.rows([member('s2')], d('2026-07-01'));
    expect(evaluated).toBe(1);
    expect(rows.map((r) => r.personId)).toEqual(['kim']);
    expect(loads()).toBe(4);
  });

  it('never keeps the rows of a wallet without a stamp', async () => {
    const { team, member } = setUp();
    await team.rows([member(null)], d('2026-06-01'));
    expect((await team.rows([member(null)], d('2026-06-01'))).evaluated).toBe(1);
  });

  it('answers each request with rows for its own date when requests for two dates run at once', async () => {
    const { team, member } = setUp();
    const [june, july] = await Promise.all([team.rows([member('s1')], d('2026-06-01')), team.rows([member('s1')], d('2031-07-01'))]);
    expect(june.rows.map((r) => r.status)).not.toEqual(july.rows.map((r) => r.status));
  });
});
