import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateCourseFile } from '../../bench/generate-courses.js';
import { generateRealisticCatalog } from '../../bench/generate-courses-real.js';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { DEFAULT_COURSE_DIR, readCourseDir } from '../io/read-course-dir.js';
import { RecertError, type Issue } from '../shared/recert-error.js';
import { buildCourseCatalog } from './build-course-catalog.js';
import { checkOffering, offeringWindow } from './course-catalog.js';

const catalog = readCatalogDir();

const file = (offerings: string, head = 'sampleData: true'): string => `schemaVersion: 1
provider: { id: test, name: Test provider }
${head}
offerings:
${offerings}`;

function issuesOf(text: string): Issue[] {
  try {
    buildCourseCatalog([{ file: 'courses/test.yaml', text }], catalog);
  } catch (error) {
    if (error instanceof RecertError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the course file to be rejected');
}

describe('the shipped sample course catalog', () => {
  const courses = readCourseDir(DEFAULT_COURSE_DIR, catalog);

  it('loads at least 40 offerings from NASM, ACE, ACSM, NSCA, ISSA and CPR/AED providers, all marked as sample data', () => {
    expect(courses.offerings.length).toBeGreaterThanOrEqual(40);
    expect(new Set(courses.offerings.map((o) => o.provider))).toEqual(new Set(['nasm', 'ace', 'acsm', 'nsca', 'issa', 'cpr-aed']));
    expect(courses.offerings.every((o) => o.sampleData)).toBe(true);
  });

  it('has courses that earn programs: the NASM specializations and CPR/AED cards', () => {
    expect(courses.offerings.filter((o) => o.earns !== undefined).map((o) => o.earns).sort()).toEqual(['cpr-aed', 'cpr-aed', 'cpr-aed', 'nasm-ces', 'nasm-pes']);
  });
});

describe('course file validation', () => {
  it('names the file, the line and the field of a wrong value', () => {
    const [issue] = issuesOf(file(`  - { id: x, title: X, price: "50", hours: 2, format: online, availability: { kind: self-paced } }\n`));
    expect(issue).toMatchObject({ code: 'CATALOG_SCHEMA', file: 'courses/test.yaml', line: 5, path: 'offerings[0].price' });
  });

  it('requires the sampleData flag, so made-up prices are always labelled', () => {
    expect(issuesOf(file('  - { id: x, title: X, price: 5, hours: 1, format: online, availability: { kind: self-paced } }\n', 'note: no flag'))[0]?.path).toBe('sampleData');
  });

  it('rejects unknown bodies, categories and programs', () => {
    const issues = issuesOf(file(`  - { id: x, title: X, price: 5, hours: 1, format: online, availability: { kind: self-paced }, earns: nasm-xyz,
      credits: [{ body: no-such-body, units: 0.1 }, { body: ace, units: 0.1, category: yoga }] }\n`));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['CATALOG_REFERENCE', 'offerings[0].credits[0].body'],
      ['CATALOG_REFERENCE', 'offerings[0].credits[1].category'],
      ['CATALOG_REFERENCE', 'offerings[0].earns'],
    ]);
  });

  it('refuses a credit line that a grant already counts (the course would count twice)', () => {
    const [issue] = issuesOf(file(`  - { id: x, title: CES, price: 5, hours: 1, format: online, availability: { kind: self-paced }, earns: nasm-ces, credits: [{ body: nasm, units: 1.9 }] }\n`));
    expect(issue?.message).toContain('nasm already counts "nasm-ces" toward nasm-cpt through a grant');
  });

  it('rejects duplicate ids and backwards date ranges', () => {
    const issues = issuesOf(file(`  - { id: x, title: X, price: 5, hours: 1, format: online, availability: { kind: self-paced, from: "2027-01-01", until: "2026-01-01" } }
  - { id: x, title: Y, price: 5, hours: 1, format: online, availability: { kind: recurring, first: "2027-01-01", every: { weeks: 1 }, until: "2026-01-01" } }\n`));
    expect(issues.map((i) => i.path)).toEqual(['offerings[0].availability.until', 'offerings[1].id', 'offerings[1].availability.until']);
  });
});

describe('offering dates', () => {
  it('expands recurring sessions by weeks and by months (clamped to short months)', () => {
    const [weekly, monthly] = buildCourseCatalog([{ file: 't.yaml', text: file(`  - { id: w, title: W, price: 5, hours: 1, format: in-person, availability: { kind: recurring, first: "2026-01-03", every: { weeks: 2 }, until: "2026-02-01" } }
  - { id: m, title: M, price: 5, hours: 1, format: in-person, availability: { kind: recurring, first: "2026-01-31", every: { months: 1 }, until: "2026-04-30" } }\n`) }], catalog).offerings;
    expect(offeringWindow(weekly!)).toEqual({ kind: 'dates', dates: ['2026-01-03', '2026-01-17', '2026-01-31'] });
    expect(offeringWindow(monthly!)).toEqual({ kind: 'dates', dates: ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'] });
  });
});

describe('the fast path of buildCourseCatalog', () => {
  /** Every object or array reachable from `value` that is not frozen, by path. */
  function unfrozen(value: unknown, path: string, out: string[]): string[] {
    if (typeof value !== 'object' || value === null) return out;
    if (!Object.isFrozen(value)) out.push(path);
    for (const [key, v] of Object.entries(value)) unfrozen(v, `${path}.${key}`, out);
    return out;
  }

  it('leaves nothing unfrozen in a catalog of every availability kind (both generators, YAML and JSON)', () => {
    const files = generateRealisticCatalog(catalog, { offerings: 400, seed: 5 }).map(({ name, text }) => ({ file: name, text }));
    const generated = generateCourseFile(catalog, { offerings: 200, seed: 3, bodies: ['nasm', 'ace', 'acsm', 'nsca', 'issa'], from: '2026-01-01' as CalendarDate, to: '2031-12-31' as CalendarDate });
    files.push({ file: 'g.yaml', text: stringify(generated) });
    const courses = buildCourseCatalog(files, catalog);
    expect(new Set(courses.offerings.map((o) => o.availability.kind))).toEqual(new Set(['self-paced', 'sessions', 'recurring']));
    expect(unfrozen(courses, 'courses', [])).toEqual([]);
    expect(unfrozen(readCourseDir(DEFAULT_COURSE_DIR, catalog), 'shipped', [])).toEqual([]);
  });

  it('checkOffering names every body that counts an earned program twice, as a scan of every program does, on the shipped offerings and mutations of them', () => {
    const shipped = readCourseDir(DEFAULT_COURSE_DIR, catalog);
    const base = shipped.offerings.map((o) => ({
      title: o.title, price: o.priceCents / 100, hours: o.hours, format: o.format, availability: o.availability,
      credits: o.credits.map((c) => ({ body: c.body, units: c.milli / 1000, ...(c.category === undefined ? {} : { category: c.category }) })),
      ...(o.earns === undefined ? {} : { earns: o.earns }), repeatable: o.repeatable,
    }));
    type Draft = (typeof base)[number];
    const mutations: ((o: Draft) => Draft)[] = [
      (o) => o,
      (o) => ({ ...o, credits: [...o.credits, { body: 'nope', units: 1 }] }),
      (o) => ({ ...o, credits: [...o.credits, ...o.credits] }),
      (o) => ({ ...o, credits: o.credits.map((c) => ({ ...c, category: 'z' })) }),
      (o) => ({ ...o, credits: [{ body: 'nsca', units: 0.1, category: 'a' }, { body: 'ace', units: 1 }] }),
      (o) => ({ ...o, earns: 'no-such-program' }),
      (o) => ({ ...o, earns: 'nasm-ces' }),
      (o) => ({ ...o, earns: 'nasm-ces', credits: [{ body: 'nasm', units: 1.9 }] }),
      (o) => ({ ...o, earns: 'cpr-aed', credits: [{ body: 'acsm', units: 4, category: 'cpr-aed-first-aid' }] }),
      (o) => ({ ...o, availability: { kind: 'self-paced', from: '2027-01-01' as CalendarDate, until: '2026-01-01' as CalendarDate } }),
      (o) => ({ ...o, availability: { kind: 'self-paced', from: '2026-01-01' as CalendarDate, until: '2026-01-01' as CalendarDate } }),
      (o) => ({ ...o, availability: { kind: 'recurring', first: '2027-01-01' as CalendarDate, every: { weeks: 1 }, until: '2026-01-01' as CalendarDate } }),
    ];
    // The bodies whose programs grant the earned program and which also have a credit line, program by program.
    const twiceByScan = (o: Draft): string[] => (o.earns === undefined ? [] : [...catalog.programs.values()]
      .filter((p) => p.rules.some((rule) => rule.grants.some((g) => g.program === o.earns)) && o.credits.some((c) => c.body === p.body))
      .map((p) => p.body));
    let unclean = 0;
    let twice = 0;
    for (const offering of base) {
      expect(checkOffering('f.yaml', 'offerings[0]', offering, catalog)).toEqual([]);
      for (const mutate of mutations) {
        const mutated = mutate(offering);
        const issues = checkOffering('f.yaml', 'offerings[0]', mutated, catalog);
        const counted = issues.filter((i) => i.path === 'offerings[0].credits').map((i) => i.message.split(' ')[0]);
        expect(counted).toEqual(twiceByScan(mutated));
        if (issues.length > 0) unclean++;
        twice += counted.length;
      }
    }
    expect(unclean).toBeGreaterThan(base.length * 5);
    expect(twice).toBeGreaterThan(0);
  });
});
