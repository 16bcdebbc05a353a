/**
 * Seeded generator of synthetic course catalogs, for benchmarks and randomized tests.
 *
 * Each ordinary offering: 1–20 contact hours; a price of $10–30 per hour (whole dollars); approved by
 * 1–4 of the bodies given, each granting its own unit for the hours (0.1 unit per hour for bodies whose
 * unit is 10 hours, 1 per hour for ISSA/ACSM-style hour units); sometimes in a category, some of them
 * capped by the rule catalog (ACE presentation 0.5/cycle, ACSM committee 8/year, NSCA A–D); 85%
 * self-paced online, 15% in person on 1–4 dated sessions. Plus the programs a course can earn: one NASM
 * CES and one PES course ($300–600), and three repeatable CPR/AED classes on recurring dates ($60–120).
 * Usage as a script: `npx tsx bench/generate-courses.ts N SEED > catalog-dir/synthetic.yaml`.
 */
import { stringify } from 'yaml';
import type { Catalog } from '../src/catalog/catalog.js';
import type { CourseCatalog } from '../src/catalog/course-catalog.js';
import type { CourseFile, Offering } from '../src/catalog/course-schema.js';
import { addDays, daysBetween, type CalendarDate } from '../src/shared/calendar-date.js';

export interface GeneratorOptions {
  readonly offerings: number;
  readonly seed: number;
  readonly bodies: readonly string[];
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly hours?: readonly [number, number];
  /** Include the CES/PES and CPR/AED offerings (default true). */
  readonly earners?: boolean;
}

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same catalog on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORY_CHOICES: Record<string, readonly (readonly [string | undefined, number])[]> = {
  ace: [[undefined, 0.85], ['ethics', 0.05], ['presentation', 0.05], ['publishing', 0.05]],
  acsm: [[undefined, 0.95], ['committee', 0.05]],
  nsca: [['a', 0.4], ['b', 0.2], ['c', 0.1], ['d', 0.3]],
};

export function generateCourseFile(catalog: Catalog, o: GeneratorOptions): CourseFile {
  const rnd = prng(o.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const span = daysBetween(o.from, o.to);
  const [hMin, hMax] = o.hours ?? [1, 20];
  const perHour = (body: string): number => {
    const program = [...catalog.programs.values()].find((p) => p.body === body && p.rules.some((r) => r.requirements !== undefined));
    const hoursPerUnit = program?.rules.at(-1)?.unit.hoursPerUnit.value ?? 1;
    return 1 / hoursPerUnit;
  };
  const offerings: CourseFile['offerings'] = [];
  const extra = o.earners === false ? 0 : 5;
  for (let i = 0; i < Math.max(0, o.offerings - extra); i++) {
    const hours = int(hMin, hMax);
    const bodies = [...o.bodies].sort(() => rnd() - 0.5).slice(0, int(1, Math.min(4, o.bodies.length)));
    const credits = bodies.sort().map((body) => {
      const choices = CATEGORY_CHOICES[body] ?? [[undefined, 1]];
      let roll = rnd();
      let category: string | undefined;
      for (const [c, p] of choices) { if ((roll -= p) <= 0) { category = c; break; } }
      return { body, units: Math.round(hours * perHour(body) * 10) / 10, ...(category === undefined ? {} : { category }) };
    });
    const dated = rnd() < 0.15;
    offerings.push({
      id: `syn-${o.seed}-${i}`,
      title: `Synthetic course ${i}`,
      price: hours * int(10, 30),
      hours,
      format: dated ? 'in-person' : 'online',
      availability: dated
        ? { kind: 'sessions', dates: Array.from({ length: int(1, 4) }, () => addDays(o.from, int(0, span))) }
        : { kind: 'self-paced' },
      credits,
      repeatable: false,
    });
  }
  if (extra > 0) {
    for (const program of ['nasm-ces', 'nasm-pes']) {
      offerings.push({ id: `syn-${o.seed}-${program}`, title: `Synthetic ${program} course`, price: int(300, 600), hours: 30, format: 'online', availability: { kind: 'self-paced' }, credits: [], earns: program, repeatable: false });
    }
    const cprCredits = [{ body: 'acsm', units: 5, category: 'cpr-aed-first-aid' }, { body: 'nsca', units: 0.4, category: 'c' }].filter((c) => o.bodies.includes(c.body));
    for (const [k, every] of [[0, { weeks: 1 }], [1, { weeks: 2 }], [2, { months: 1 }]] as const) {
      offerings.push({
        id: `syn-${o.seed}-cpr-${k}`, title: `Synthetic CPR/AED class ${k}`, price: int(60, 120), hours: 4, format: 'in-person',
        availability: { kind: 'recurring', first: addDays(o.from, int(0, 27)), every, until: o.to }, credits: cprCredits, earns: 'cpr-aed', repeatable: true,
      });
    }
  }
  return { schemaVersion: 1, provider: { id: `synthetic-${o.seed}`, name: 'Synthetic provider (generated)' }, sampleData: true, note: 'Generated by bench/generate-courses.ts', offerings };
}

/** The generated file as the planner sees it, without the YAML round trip (benchmarks time the planner, not the parser). */
export function generateCourses(catalog: Catalog, o: GeneratorOptions): CourseCatalog {
  const file = generateCourseFile(catalog, o);
  const offerings: Offering[] = file.offerings.map((x) => ({
    id: x.id, title: x.title, provider: file.provider.id, providerName: file.provider.name, priceCents: Math.round(x.price * 100), hours: x.hours,
    format: x.format, availability: x.availability, credits: x.credits.map((c) => ({ body: c.body, milli: Math.round(c.units * 1000), category: c.category })),
    earns: x.earns, repeatable: x.repeatable, sampleData: true,
  }));
  return { offerings, sampleData: true };
}

export function courseFileYaml(file: CourseFile): string {
  return `# Generated by bench/generate-courses.ts: synthetic sample data, not real courses.\n${stringify(file, { lineWidth: 0 })}`;
}

const entry = process.argv[1];
if (entry !== undefined && entry.endsWith('generate-courses.ts')) {
  const { readCatalogDir } = await import('../src/io/read-catalog-dir.js');
  const n = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? 1);
  const file = generateCourseFile(readCatalogDir(), { offerings: n, seed, bodies: ['nasm', 'ace', 'acsm', 'nsca', 'issa'], from: '2026-01-01' as CalendarDate, to: '2031-12-31' as CalendarDate });
  process.stdout.write(courseFileYaml(file));
}
