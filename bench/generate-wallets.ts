/**
 * Wallets for the engine benchmark, written to a JSON file so the benchmark process reads real files
 * as a user's would. Two structurally different generators:
 *
 * - `uniform`: each person holds `credentials` programs drawn from the catalog (CPR/AED always among
 *   them), earned on random dates 2016–2025, a few renewals, and `activities` courses on random dates
 *   2015–2026 with one to three credit lines from random bodies, with a random category of that body
 *   where it has categories (so caps apply);
 * - `career`: one trainer's history built forward in time: credentials earned in sequence, every
 *   cycle renewed on time, and courses spread evenly over the years, each crediting the bodies of the
 *   credentials held at that moment (the shape a real CE log has).
 *
 * Deterministic (mulberry32 seeded by `seed`), so figures are comparable across runs.
 *
 *   tsx bench/generate-wallets.ts --people 10000 --credentials 4 --activities 50 --shape uniform --out FILE
 */
import { writeFileSync } from 'node:fs';
import type { Catalog } from '../src/catalog/catalog.js';
import { readCatalogDir } from '../src/io/read-catalog-dir.js';
import type { Activity, Credential, Profile, Renewal } from '../src/profile/profile-schema.js';
import { addDays, addMonths, type CalendarDate } from '../src/shared/calendar-date.js';
import { prng } from './generate-courses.js';

export type Shape = 'uniform' | 'career';

export interface WalletSpec {
  readonly people: number;
  readonly credentials: number;
  readonly activities: number;
  readonly shape: Shape;
  readonly seed?: number;
}

const DAY0 = '2015-01-01' as CalendarDate;

export function generateWallets(catalog: Catalog, spec: WalletSpec): Profile[] {
  const random = prng(spec.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const programs = [...catalog.programs.values()].filter((p) => p.id !== 'cpr-aed').map((p) => p.id);
  const bodies = [...catalog.bodies.values()];
  const dateIn = (fromDay: number, days: number): CalendarDate => addDays(DAY0, fromDay + Math.floor(random() * days));
  const credit = (body: (typeof bodies)[number]) => {
    const category = body.categories.length > 0 && random() < 0.7 ? pick(body.categories).id : undefined;
    return { body: body.id, units: Math.round((0.1 + random() * 1.9) * 10) / 10, ...(category === undefined ? {} : { category }) };
  };
  const out: Profile[] = [];
  for (let p = 0; p < spec.people; p++) {
    const held = ['cpr-aed', ...shuffle(programs, random).slice(0, Math.max(0, spec.credentials - 1))];
    const credentials: Credential[] = [];
    const renewals: Renewal[] = [];
    const activities: Activity[] = [];
    if (spec.shape === 'uniform') {
      held.forEach((program, i) => {
        const earned = dateIn(365, 365 * 10);
        credentials.push({ id: `c${i}`, program, earned });
        if (random() < 0.5) renewals.push({ credential: `c${i}`, date: addMonths(earned, 24) });
      });
      for (let a = 0; a < spec.activities; a++) {
        const lines = shuffle(bodies, random).slice(0, 1 + Math.floor(random() * 3)).map(credit);
        activities.push({ id: `a${a + 1}`, title: `Course ${a + 1}`, completed: dateIn(0, 365 * 12), hours: 2, credits: lines });
      }
    } else {
      held.forEach((program, i) => {
        const earned = addMonths('2016-01-15' as CalendarDate, i * 7);
        credentials.push({ id: program, program, earned });
        for (let renewed = addMonths(earned, 23); renewed < '2026-06-01'; renewed = addMonths(renewed, 24)) renewals.push({ credential: program, date: renewed });
      });
      const heldBodies = [...new Set(held.map((id) => catalog.programs.get(id)!.body))].map((id) => catalog.bodies.get(id)!);
      for (let a = 0; a < spec.activities; a++) {
        const completed = addDays('2016-02-01' as CalendarDate, Math.floor((a * 3700) / Math.max(1, spec.activities)));
        activities.push({ id: `ce-${completed}-${a}`, title: `Workshop ${a}`, completed, credits: heldBodies.filter(() => random() < 0.6).map(credit) });
      }
    }
    out.push({ credentials, renewals, activities });
  }
  return out;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: string): string => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : fallback);
  const spec: WalletSpec = {
    people: Number(arg('people', '10000')), credentials: Number(arg('credentials', '4')), activities: Number(arg('activities', '50')),
    shape: arg('shape', 'uniform') as Shape, seed: Number(arg('seed', '1')),
  };
  writeFileSync(arg('out', 'wallets.json'), JSON.stringify(generateWallets(readCatalogDir(), spec)));
}
