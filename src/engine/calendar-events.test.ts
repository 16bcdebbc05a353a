import { describe, expect, it } from 'vitest';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { calendarEvents } from './calendar-events.js';
import { evaluate } from './evaluate.js';

const catalog = readCatalogDir();
const d = (s: string) => s as CalendarDate;

describe('calendarEvents', () => {
  it("gives the current cycle's deadline and grace end and the card expiry, sorted by date, keyed by cycle", () => {
    const report = evaluate(catalog, {
      credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: d('2025-03-01') }, { id: 'cpr', program: 'cpr-aed', earned: d('2025-01-10') }],
      renewals: [{ credential: 'cpt', date: d('2027-02-01') }],
      activities: [],
    }, d('2027-06-01'));
    const events = calendarEvents('kim', report);
    expect(events.map((e) => e.key)).toEqual(expect.arrayContaining(['kim/cpt/renewal-deadline/cycle-2', 'kim/cpt/grace-ends/cycle-2']));
    expect(events.map((e) => e.start)).toEqual([...events.map((e) => e.start)].sort());
    expect(events.every((e) => e.alarmDays.join() === '90,30,7')).toBe(true);
  });

  it('passes planned course windows through as events (the hook for planned items)', () => {
    const events = calendarEvents('kim', { asOf: d('2026-01-01'), credentials: [] }, [{ id: 'p1', title: 'Kettlebell weekend', start: d('2026-04-10'), end: d('2026-04-12') }]);
    expect(events).toEqual([expect.objectContaining({ key: 'kim/planned/p1', kind: 'planned-course', start: '2026-04-10', end: '2026-04-12', summary: 'Planned CE: Kettlebell weekend' })]);
  });

  it('has no events for a credential that never expires', () => {
    const report = evaluate(catalog, { credentials: [{ id: 'ces', program: 'nasm-ces', earned: d('2025-06-01') }], renewals: [], activities: [] }, d('2026-01-01'));
    expect(calendarEvents('kim', report)).toEqual([]);
  });
});
