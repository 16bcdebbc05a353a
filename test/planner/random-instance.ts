/**
 * Small random planning problems for the exact-oracle tests: 1–2 credentials (NASM, ACE, ISSA), five
 * ordinary offerings approved by one or two of their bodies, a CPR/AED class on a few dates, sometimes
 * an NASM CES course. Seeded, so a failing seed can be replayed.
 */
import { prng } from '../../bench/generate-courses.js';
import type { CourseCatalog } from '../../src/catalog/course-catalog.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { addDays, addMonths, type CalendarDate } from '../../src/shared/calendar-date.js';
import type { Horizon } from '../../src/planner/plan-options.js';
import { courses, d, profile } from './fixtures.js';

export interface Instance {
  readonly seed: number;
  readonly courses: CourseCatalog;
  readonly profile: Profile;
  readonly asOf: CalendarDate;
  readonly horizon: Horizon;
}

const PROGRAMS = [['nasm', 'nasm-cpt', 0.1], ['ace', 'ace-cpt', 0.1], ['issa', 'issa-cpt', 1]] as const;

export function randomInstance(seed: number, ordinary = 5): Instance {
  const rnd = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const asOf = d('2026-03-15');
  const chosen = PROGRAMS.slice().sort(() => rnd() - 0.5).slice(0, int(1, 2));
  const credentials = chosen.map(([body, program]) => ({ id: body, program, earned: addDays(asOf, -int(0, 200)) }));
  const horizon: Horizon = { cycles: chosen.length === 1 ? 2 : 1 };
  const lines: string[] = [];
  for (let i = 0; i < ordinary; i++) {
    const hours = int(4, 20);
    const bodies = chosen.slice().sort(() => rnd() - 0.5).slice(0, int(1, chosen.length));
    const credits = bodies.map(([body, , perHour]) => {
      const roll = rnd();
      const category = body === 'ace' && roll < 0.25 ? 'ethics' : body === 'ace' && roll < 0.45 ? 'presentation' : undefined;
      const units = category === 'ethics' ? 0.1 * int(1, 3) : Math.round(hours * perHour * 10) / 10;
      return `{ body: ${body}, units: ${units.toFixed(1)}${category === undefined ? '' : `, category: ${category}`} }`;
    });
    const dated = rnd() < 0.3;
    const availability = dated
      ? `{ kind: sessions, dates: [${Array.from({ length: int(1, 2) }, () => `"${addDays(asOf, int(0, 1400))}"`).join(', ')}] }`
      : '{ kind: self-paced }';
    lines.push(`  - { id: o${i}, title: Offering ${i}, price: ${hours * int(10, 30)}, hours: ${hours}, format: online, availability: ${availability}, credits: [${credits.join(', ')}] }`);
  }
  lines.push(`  - { id: cpr, title: CPR class, price: ${int(40, 90)}, hours: 4, format: in-person, earns: cpr-aed, repeatable: true, availability: { kind: recurring, first: "${addDays(asOf, int(0, 60))}", every: { months: ${int(4, 9)} }, until: "${addMonths(asOf, 60)}" } }`);
  if (chosen.some(([body]) => body === 'nasm') && rnd() < 0.4) {
    lines.push(`  - { id: ces, title: CES course, price: ${int(250, 500)}, hours: 30, format: online, availability: { kind: self-paced }, earns: nasm-ces }`);
  }
  return { seed, courses: courses(`${lines.join('\n')}\n`, `r${seed}`), profile: profile(credentials), asOf, horizon };
}
