/**
 * A second, structurally different generator of course catalogs, shaped like real provider catalogs
 * rather than like the planner's model (bench/generate-courses.ts draws every offering from one
 * distribution, approved by 1–4 bodies, whole-dollar prices, 15% dated, one file).
 *
 * What it makes, per seed (mulberry32, so the same seed gives the same files everywhere):
 * - **Providers**, one file each, split across `.yaml`, `.yml` and `.json`: body-run academies (courses
 *   approved by their own body only), multi-accredited education companies, resellers and CPR/AED
 *   training centers. Each has a price level (budget, mid, premium).
 * - **Approval**: most offerings approved by one body (about 60%) or two (30%); few by three or more.
 * - **Units** as bodies award them: 0.1 CEU per hour rounded to a tenth (at least 0.1) for NASM, ACE
 *   and NSCA, hours (rounded to half hours) for ACSM and ISSA; NSCA lines carry a category A–D, some ACE
 *   lines ethics or presentation, a few ACSM lines committee work.
 * - **Prices with cents** ($49.99, $129.95, $0 for a few live webinars), hours in half hours.
 * - **About 20% on dated sessions** (live workshops and webinars, in person or blended), a third of
 *   their dates exactly on, the day before or the day after a renewal deadline, a card-expiry threshold
 *   or a year boundary (`keyDates`).
 * - **Self-paced windows**: some courses launch on a date (`from`), some retire (`until`, often Dec 31 or
 *   a key date), and short **sales** (a twin of a course at 25–45% off for one to three weeks).
 * - **Bundles**: a provider's 3–6 courses sold together at 20–40% off (units and hours added).
 * - **Resellers**: near-identical copies of other providers' courses (same hours and units, price within
 *   ±8%), the symmetry a real marketplace has.
 * - **Earners**: NASM CES/PES courses (and a discounted reseller copy), CPR/AED classes from several
 *   centers on recurring and dated sessions, some counting ACSM or NSCA units.
 *
 * Usage as a script: `npx tsx bench/generate-courses-real.ts N SEED DIR` writes the files into DIR.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Catalog } from '../src/catalog/catalog.js';
import { buildCourseCatalog } from '../src/catalog/build-course-catalog.js';
import type { CourseCatalog } from '../src/catalog/course-catalog.js';
import type { CourseFile } from '../src/catalog/course-schema.js';
import { addDays, addMonths, daysBetween, type CalendarDate } from '../src/shared/calendar-date.js';
import { BENCH_AS_OF, BENCH_DEADLINES } from './bench-profiles.js';
import { prng } from './generate-courses.js';

export interface RealisticOptions {
  readonly offerings: number;
  readonly seed: number;
  readonly from?: CalendarDate;
  readonly to?: CalendarDate;
  /** Renewal deadlines and card expiries to put dates on and beside (default: the bench person's). */
  readonly deadlines?: readonly CalendarDate[];
}

export interface GeneratedFile {
  readonly name: string;
  readonly text: string;
}

type RawOffering = CourseFile['offerings'][number];
type Credit = RawOffering['credits'][number];

const BODIES = ['nasm', 'ace', 'acsm', 'nsca', 'issa'] as const;
const BODY_WEIGHT = [0.26, 0.26, 0.14, 0.2, 0.14];
const HOURS = [0.5, 1, 1, 1, 1.5, 2, 2, 2, 3, 3, 4, 4, 5, 6, 8, 8, 10, 12, 15, 16, 20];
const CENTS = [0.99, 0.95, 0.0, 0.49, 0.5];
const EXT = ['.yaml', '.yml', '.json'] as const;

/** The dates where rules change for the bench person: deadlines, the days beside them, card thresholds, year ends. */
export function keyDates(deadlines: readonly CalendarDate[], from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const out = new Set<CalendarDate>();
  for (const d of deadlines) {
    out.add(d).add(addDays(d, -1)).add(addDays(d, 1));
    // A CPR/AED card earned on day t is valid to the end of the month 24 months later: the first day
    // that still covers deadline d is the first of d's month 24 months earlier (and 30 days later for ISSA).
    for (const margin of [0, 30]) {
      const threshold = `${addMonths(addDays(d, margin), -24).slice(0, 7)}-01` as CalendarDate;
      out.add(threshold).add(addDays(threshold, -1));
    }
  }
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) out.add(`${year}-12-31` as CalendarDate).add(`${year}-01-01` as CalendarDate);
  return [...out].filter((d) => d >= from && d <= to).sort();
}

/** The provider files, as data, in the order they are written. */
export function generateRealisticFiles(catalog: Catalog, o: RealisticOptions): { name: string; data: CourseFile }[] {
  const rnd = prng(o.seed * 7919 + 17);
  const from = o.from ?? BENCH_AS_OF;
  const to = o.to ?? ('2031-12-31' as CalendarDate);
  const keys = keyDates(o.deadlines ?? BENCH_DEADLINES, from, to);
  const span = daysBetween(from, to);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const weighted = <T>(xs: readonly T[], ws: readonly number[]): T => {
    let roll = rnd() * ws.reduce((a, b) => a + b, 0);
    for (let i = 0; i < xs.length; i++) if ((roll -= ws[i]!) <= 0) return xs[i]!;
    return xs[xs.length - 1]!;
  };
  const someDate = (): CalendarDate => (rnd() < 0.33 ? pick(keys) : addDays(from, int(0, span)));
  const money = (dollars: number): number => (dollars <= 0 ? 0 : Math.max(0, Math.floor(dollars)) + pick(CENTS));
  const hoursPerUnit = (body: string): number => {
    const program = [...catalog.programs.values()].find((p) => p.body === body && p.rules.some((r) => r.requirements !== undefined));
    return program?.rules.at(-1)?.unit.hoursPerUnit.value ?? 1;
  };
  const unitsFor = (body: string, hours: number): number => {
    const per = hoursPerUnit(body);
    return per >= 10 ? Math.max(0.1, Math.round((hours / per) * 10) / 10) : Math.max(0.5, Math.round((hours / per) * 2) / 2);
  };
  const category = (body: string): string | undefined => {
    if (body === 'nsca') return weighted(['a', 'b', 'c', 'd'], [0.45, 0.2, 0.1, 0.25]);
    if (body === 'ace') return weighted([undefined, 'ethics', 'presentation'], [0.93, 0.04, 0.03]);
    if (body === 'acsm') return rnd() < 0.03 ? 'committee' : undefined;
    return undefined;
  };

  const nProviders = Math.max(4, Math.round(o.offerings / 350));
  type Kind = 'academy' | 'company' | 'reseller' | 'cpr';
  const providers = Array.from({ length: nProviders }, (_, k) => {
    const kind: Kind = k === 0 ? 'cpr' : k === 1 ? 'reseller' : k % 5 === 2 ? 'academy' : k % 7 === 3 ? 'reseller' : 'company';
    const home = BODIES[k % BODIES.length]!;
    const level = weighted([12, 22, 40], [0.3, 0.5, 0.2]); // dollars per hour
    return { id: `prov-${o.seed}-${k}`, kind, home, level, offerings: [] as RawOffering[] };
  });
  const sellers = providers.filter((p) => p.kind === 'academy' || p.kind === 'company');
  const resellers = providers.filter((p) => p.kind === 'reseller');
  const cprCenters = providers.filter((p) => p.kind === 'cpr');
  let serial = 0;
  const nextId = (p: { id: string }, tag: string): string => `${p.id}-${tag}${serial++}`;

  const availability = (dated: boolean): RawOffering['availability'] => {
    if (dated) return { kind: 'sessions', dates: Array.from({ length: weighted([1, 2, 3, 4, 6], [0.35, 0.25, 0.2, 0.12, 0.08]) }, someDate) };
    const roll = rnd();
    if (roll < 0.15) return { kind: 'self-paced', until: rnd() < 0.5 ? (`${int(2026, 2030)}-12-31` as CalendarDate) : pick(keys) };
    if (roll < 0.27) return { kind: 'self-paced', from: rnd() < 0.4 ? (`${int(2027, 2030)}-01-01` as CalendarDate) : someDate() };
    if (roll < 0.33) {
      const start = someDate();
      return { kind: 'self-paced', from: start, until: addDays(start, int(90, 720)) };
    }
    return { kind: 'self-paced' };
  };

  // Budget: 4 earners per 5,000, the CPR classes, then the ordinary courses with their bundles, sales and copies.
  const cprCount = Math.max(3, Math.round(o.offerings / 400));
  const earnerCount = 3;
  let budget = o.offerings - cprCount - earnerCount;
  const base: { provider: (typeof providers)[number]; offering: RawOffering }[] = [];
  while (budget > 0) {
    const provider = pick(sellers);
    const hours = pick(HOURS);
    const nBodies = provider.kind === 'academy' ? 1 : weighted([1, 2, 3, 4], [0.6, 0.3, 0.08, 0.02]);
    const bodies = new Set<string>([rnd() < 0.7 ? provider.home : weighted(BODIES, BODY_WEIGHT)]);
    while (bodies.size < nBodies) bodies.add(weighted(BODIES, BODY_WEIGHT));
    const credits: Credit[] = [...bodies].sort().map((body) => {
      const c = category(body);
      return { body, units: unitsFor(body, hours), ...(c === undefined ? {} : { category: c }) };
    });
    const dated = rnd() < 0.2;
    const webinar = dated && hours <= 1 && rnd() < 0.3;
    const offering: RawOffering = {
      id: nextId(provider, 'c'),
      title: `${webinar ? 'Live webinar' : dated ? 'Workshop' : 'Course'} ${serial} (${[...bodies].join('/')})`,
      price: webinar ? 0 : money(hours * provider.level * (0.7 + 0.6 * rnd())),
      hours,
      format: dated ? (rnd() < 0.7 ? 'in-person' : 'blended') : 'online',
      availability: availability(dated),
      credits,
      repeatable: false,
    };
    provider.offerings.push(offering);
    base.push({ provider, offering });
    budget--;
    // A sale: the same course at 25–45% off for one to three weeks.
    if (budget > 0 && !dated && rnd() < 0.05) {
      const start = someDate();
      provider.offerings.push({ ...offering, id: nextId(provider, 's'), title: `${offering.title}, sale`, price: money(offering.price * (0.55 + 0.2 * rnd())), availability: { kind: 'self-paced', from: start, until: addDays(start, int(7, 21)) } });
      budget--;
    }
    // A reseller's near-identical copy.
    if (budget > 0 && resellers.length > 0 && rnd() < 0.15) {
      const reseller = pick(resellers);
      reseller.offerings.push({ ...offering, id: nextId(reseller, 'r'), title: `${offering.title} via ${reseller.id}`, price: money(offering.price * (0.92 + 0.16 * rnd())) });
      budget--;
    }
    // A bundle of this provider's last few self-paced courses.
    if (budget > 0 && rnd() < 0.06) {
      const parts = provider.offerings.filter((x) => x.availability.kind === 'self-paced' && x.availability.from === undefined && x.availability.until === undefined && !x.id.includes('-b')).slice(-int(3, 6));
      if (parts.length >= 3) {
        const units = new Map<string, { units: number; category?: string | undefined }>();
        for (const part of parts) {
          for (const c of part.credits) {
            const seen = units.get(c.body);
            units.set(c.body, { units: Math.round(((seen?.units ?? 0) + c.units) * 10) / 10, category: seen?.category ?? c.category });
          }
        }
        provider.offerings.push({
          id: nextId(provider, 'b'), title: `Bundle of ${parts.length} courses`, price: money(parts.reduce((s, x) => s + x.price, 0) * (0.6 + 0.2 * rnd())),
          hours: parts.reduce((s, x) => s + x.hours, 0), format: 'online', availability: { kind: 'self-paced' },
          credits: [...units].sort(([a], [b]) => a.localeCompare(b)).map(([body, v]) => ({ body, units: v.units, ...(v.category === undefined ? {} : { category: v.category }) })),
          repeatable: false,
        });
        budget--;
      }
    }
  }
  // Earners: NASM's own CES and PES courses, and a reseller's discounted CES copy.
  const academy = sellers.find((p) => p.home === 'nasm') ?? sellers[0]!;
  academy.offerings.push({ id: nextId(academy, 'ces'), title: 'Corrective Exercise Specialist course', price: money(int(349, 699)), hours: 30, format: 'online', availability: { kind: 'self-paced' }, credits: [], earns: 'nasm-ces', repeatable: false });
  academy.offerings.push({ id: nextId(academy, 'pes'), title: 'Performance Enhancement Specialist course', price: money(int(349, 699)), hours: 30, format: 'online', availability: { kind: 'self-paced', from: pick(keys) }, credits: [], earns: 'nasm-pes', repeatable: false });
  const copy = resellers[0] ?? academy;
  copy.offerings.push({ id: nextId(copy, 'ces'), title: 'Corrective Exercise Specialist course (partner price)', price: money(int(299, 599)), hours: 30, format: 'online', availability: { kind: 'self-paced', until: pick(keys) }, credits: [], earns: 'nasm-ces', repeatable: false });
  // CPR/AED classes: recurring and dated sessions, some counting ACSM or NSCA units.
  for (let k = 0; k < cprCount; k++) {
    const center = cprCenters[k % cprCenters.length]!;
    const credits: Credit[] = [];
    if (rnd() < 0.5) credits.push({ body: 'acsm', units: 4, category: 'cpr-aed-first-aid' });
    if (rnd() < 0.4) credits.push({ body: 'nsca', units: 0.4, category: 'c' });
    const recurring = rnd() < 0.5;
    const every = weighted([{ weeks: 1 }, { weeks: 2 }, { months: 1 }], [0.3, 0.3, 0.4]);
    center.offerings.push({
      id: nextId(center, 'cpr'), title: `CPR/AED class ${k}`, price: money(int(45, 115)), hours: weighted([2.5, 3, 4], [0.3, 0.4, 0.3]),
      format: rnd() < 0.5 ? 'blended' : 'in-person',
      availability: recurring
        ? { kind: 'recurring', first: addDays(from, int(0, 40)), every, until: rnd() < 0.5 ? to : pick(keys.filter((d) => d > addDays(from, 60))) }
        : { kind: 'sessions', dates: Array.from({ length: int(3, 12) }, someDate) },
      credits, earns: 'cpr-aed', repeatable: true,
    });
  }
  return providers
    .filter((p) => p.offerings.length > 0)
    .map((p, k) => ({
      name: `${p.id}${EXT[k % EXT.length]}`,
      data: { schemaVersion: 1, provider: { id: p.id, name: `Provider ${p.id} (${p.kind}, generated)` }, sampleData: true, note: 'Generated by bench/generate-courses-real.ts', offerings: p.offerings },
    }));
}

/** The provider files as text: YAML for `.yaml`/`.yml`, JSON for `.json`. */
export function generateRealisticCatalog(catalog: Catalog, o: RealisticOptions): GeneratedFile[] {
  return generateRealisticFiles(catalog, o).map(({ name, data }) => ({
    name,
    text: name.endsWith('.json') ? `${JSON.stringify(data, null, 2)}\n` : `# Generated by bench/generate-courses-real.ts: synthetic sample data, not real courses.\n${stringify(data, { lineWidth: 0 })}`,
  }));
}

/** The generated catalog as the planner sees it, read through the course loader from the generated text. */
export function realisticCourses(catalog: Catalog, o: RealisticOptions): CourseCatalog {
  return buildCourseCatalog(generateRealisticCatalog(catalog, o).map((f) => ({ file: f.name, text: f.text })), catalog);
}

/** Writes the files into `dir` (created if needed); returns their paths. */
export function writeRealisticCatalog(catalog: Catalog, o: RealisticOptions, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return generateRealisticCatalog(catalog, o).map((f) => {
    writeFileSync(join(dir, f.name), f.text);
    return join(dir, f.name);
  });
}

const entry = process.argv[1];
if (entry !== undefined && entry.endsWith('generate-courses-real.ts')) {
  const { readCatalogDir } = await import('../src/io/read-catalog-dir.js');
  const [n, seed, dir] = process.argv.slice(2);
  if (dir === undefined) throw new Error('usage: npx tsx bench/generate-courses-real.ts N SEED DIR');
  const paths = writeRealisticCatalog(readCatalogDir(), { offerings: Number(n), seed: Number(seed) }, dir);
  process.stdout.write(`${paths.length} files written to ${dir}\n`);
}
