/**
 * Random wallets that pass the profile schema and the catalog checks: one to four credentials of
 * catalog programs, renewals, and CE activities whose credit lines name catalog bodies (mostly the
 * bodies of the programs held) and their categories, with amounts in thousandths.
 */
import fc from 'fast-check';
import type { Catalog } from '../../src/catalog/catalog.js';
import type { Activity, Profile } from '../../src/profile/profile-schema.js';
import { addDays, calendarDate, type CalendarDate } from '../../src/shared/calendar-date.js';

const EPOCH = calendarDate('2010-01-01');

/** A date from 2010 to about 2031. */
export const dateArb: fc.Arbitrary<CalendarDate> = fc.integer({ min: 0, max: 21 * 365 }).map((days) => addDays(EPOCH, days));

const unitsArb = fc.integer({ min: 1, max: 30_000 }).map((milli) => milli / 1000);

export function activityArb(catalog: Catalog, bodiesHeld: readonly string[], id: string): fc.Arbitrary<Activity> {
  const allBodies = [...catalog.bodies.keys()];
  const bodyArb = bodiesHeld.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...bodiesHeld), weight: 4 }, { arbitrary: fc.constantFrom(...allBodies), weight: 1 }) : fc.constantFrom(...allBodies);
  const credit = bodyArb.chain((body) => {
    const categories = catalog.bodies.get(body)!.categories.map((c) => c.id);
    return fc.record({
      body: fc.constant(body),
      units: unitsArb,
      category: categories.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...categories), { nil: undefined }),
    });
  });
  return fc.record({
    title: fc.constantFrom('Course', 'CPR refresher', 'Workshop', 'Webinar'),
    completed: dateArb,
    hours: fc.option(fc.integer({ min: 0, max: 40_000 }).map((m) => m / 1000), { nil: undefined }),
    credits: fc.uniqueArray(credit, { minLength: 1, maxLength: 3, selector: (c) => c.body }),
  }).map((a) => {
    const activity: Activity = { id, title: a.title, completed: a.completed, credits: a.credits.map((c) => (c.category === undefined ? { body: c.body, units: c.units } : c)) };
    return a.hours === undefined ? activity : { ...activity, hours: a.hours };
  });
}

export function profileArb(catalog: Catalog, options: { maxActivities?: number } = {}): fc.Arbitrary<Profile> {
  const programs = [...catalog.programs.keys()];
  return fc.uniqueArray(fc.constantFrom(...programs), { minLength: 1, maxLength: 4 }).chain((held) => {
    const credentials = fc.tuple(...held.map((program, i) => fc.record({ id: fc.constant(`c${i + 1}`), program: fc.constant(program), earned: dateArb })));
    const bodiesHeld = [...new Set(held.map((p) => catalog.programs.get(p)!.body))];
    const renewals = fc.uniqueArray(fc.record({ credential: fc.constantFrom(...held.map((_, i) => `c${i + 1}`)), date: dateArb }), { maxLength: 3, selector: (r) => `${r.credential} ${r.date}` });
    const activities = fc.integer({ min: 0, max: options.maxActivities ?? 20 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => activityArb(catalog, bodiesHeld, `a${i + 1}`))));
    return fc.record({ credentials, renewals, activities }).map(({ credentials: c, renewals: r, activities: a }) => ({ credentials: [...c], renewals: [...r], activities: [...a] }));
  });
}
