/**
 * The course catalog: validated offerings, checked against the rule catalog (bodies, categories and
 * programs must exist). Pure, and free of the located parser and zod, which only a file with a problem
 * needs: `buildCourseCatalogFast` reads valid files by the fast path alone; build-course-catalog.ts parses
 * any file (with positions for every problem) and assembles the catalog here. src/io reads the files.
 */
import { addDays, addMonths, type CalendarDate } from '../shared/calendar-date.js';
import { fastParse } from '../shared/fast-parse.js';
import { RecertError, type Issue } from '../shared/recert-error.js';
import { toMilli } from '../shared/units.js';
import type { Catalog, CatalogFileText } from './catalog.js';
import type { Program } from './schema.js';
import { checkCourseFileFast } from './fast-course-check.js';
import type { CourseFile, Offering, OfferingWindow } from './course-schema.js';

export interface CourseCatalog {
  readonly offerings: readonly Offering[];
  /** True when any file marks its prices as sample data. */
  readonly sampleData: boolean;
}

/**
 * The catalog of files that the fast path accepts whole: each parses (fast-parse.ts), passes the
 * hand-written check and the references hold. Otherwise undefined, and the caller builds the catalog with
 * build-course-catalog.ts, which reports every problem with its position. When defined, it is the catalog
 * `buildCourseCatalog` returns (the same parse, check and assembly; test/io/fast-readers.test.ts).
 */
export function buildCourseCatalogFast(files: readonly CatalogFileText[], catalog: Catalog): CourseCatalog | undefined {
  const parsed: { file: string; data: CourseFile }[] = [];
  for (const { file, text } of files) {
    const value = fastParse(text, file);
    const data = value.ok ? checkCourseFileFast(value.value) : undefined;
    if (data === undefined) return undefined;
    parsed.push({ file, data });
  }
  try {
    return assembleCourseCatalog(parsed, catalog);
  } catch (error) {
    if (error instanceof RecertError) return undefined;
    throw error;
  }
}

/** The catalog of parsed, schema-valid files: ids unique across files, references to the rule catalog checked. */
export function assembleCourseCatalog(parsed: readonly { file: string; data: CourseFile }[], catalog: Catalog): CourseCatalog {
  const issues: Issue[] = [];
  const offerings: Offering[] = [];
  const seen = new Map<string, string>();
  for (const { file, data } of parsed) {
    const list = data.offerings;
    for (let index = 0; index < list.length; index++) {
      const offering = list[index]!;
      const previous = seen.get(offering.id);
      if (previous !== undefined) issues.push({ code: 'CATALOG_REFERENCE', file, path: `offerings[${index}].id`, message: `offering "${offering.id}" is already defined in ${previous}` });
      seen.set(offering.id, file);
      const found = checkOffering(file, `offerings[${index}]`, offering, catalog);
      if (found.length > 0) issues.push(...found);
      offerings.push(freezeOffering(toPlannerOffering(offering.id, data.provider, offering, data.sampleData)));
    }
  }
  if (issues.length > 0) throw new RecertError(issues);
  return Object.freeze({ offerings: Object.freeze(offerings), sampleData: parsed.some((p) => p.data.sampleData) });
}

/** For each program id, the programs whose rules grant it (in catalog order); computed once per catalog. */
const granting = new WeakMap<Catalog, Map<string, Program[]>>();
function grantingPrograms(catalog: Catalog): Map<string, Program[]> {
  let byGranted = granting.get(catalog);
  if (byGranted !== undefined) return byGranted;
  byGranted = new Map();
  for (const program of catalog.programs.values()) {
    const granted = new Set(program.rules.flatMap((rule) => rule.grants.map((g) => g.program)));
    for (const id of granted) {
      const list = byGranted.get(id);
      if (list === undefined) byGranted.set(id, [program]);
      else list.push(program);
    }
  }
  granting.set(catalog, byGranted);
  return byGranted;
}

/** Bodies, categories and earned programs must exist in the rule catalog; dates in order. Also checks a person's own offerings. */
export function checkOffering(file: string, at: string, offering: Omit<CourseFile['offerings'][number], 'id'>, catalog: Catalog): Issue[] {
  const issues: Issue[] = [];
  const reference = (path: string, message: string): void => { issues.push({ code: 'CATALOG_REFERENCE', file, path: `${at}.${path}`, message }); };
  const bodies = new Set<string>();
  offering.credits.forEach((credit, c) => {
    if (bodies.has(credit.body)) issues.push({ code: 'CATALOG_SCHEMA', file, path: `${at}.credits[${c}].body`, message: `two credit lines for body "${credit.body}"; give one per body` });
    bodies.add(credit.body);
    const body = catalog.bodies.get(credit.body);
    if (body === undefined) { reference(`credits[${c}].body`, `unknown body "${credit.body}"; expected one of ${[...catalog.bodies.keys()].join(', ')}`); return; }
    if (credit.category !== undefined && !body.categories.some((k) => k.id === credit.category)) {
      const known = body.categories.map((k) => k.id).join(', ');
      reference(`credits[${c}].category`, `unknown ${credit.body} category "${credit.category}"; expected ${known === '' ? 'no category' : `one of ${known}`}`);
    }
  });
  if (offering.earns !== undefined) {
    if (!catalog.programs.has(offering.earns)) reference('earns', `unknown program "${offering.earns}"; run \`recert programs\` for the list`);
    // A body that already counts the earned program through a grant would count the course twice.
    for (const program of grantingPrograms(catalog).get(offering.earns) ?? []) {
      if (bodies.has(program.body)) {
        issues.push({
          code: 'CATALOG_SCHEMA', file, path: `${at}.credits`,
          message: `${program.body} already counts "${offering.earns}" toward ${program.id} through a grant; remove the ${program.body} credit line or it counts twice`,
        });
      }
    }
  }
  const a = offering.availability;
  if (a.kind === 'self-paced' && a.from !== undefined && a.until !== undefined && a.until < a.from) issues.push({ code: 'CATALOG_SCHEMA', file, path: `${at}.availability.until`, message: `expected a date on or after from (${a.from})` });
  if (a.kind === 'recurring' && a.until < a.first) issues.push({ code: 'CATALOG_SCHEMA', file, path: `${at}.availability.until`, message: `expected a date on or after first (${a.first})` });
  return issues;
}

/** When an offering can be completed: any day in a range, or a list of session dates (sorted, unique). */
export function offeringWindow(offering: Offering): OfferingWindow {
  const a = offering.availability;
  switch (a.kind) {
    case 'self-paced':
      return { kind: 'any-day', from: a.from, until: a.until };
    case 'sessions':
      return { kind: 'dates', dates: [...new Set(a.dates)].sort() };
    case 'recurring': {
      const dates: CalendarDate[] = [];
      for (let n = 0; ; n++) {
        const date = 'weeks' in a.every ? addDays(a.first, 7 * a.every.weeks * n) : addMonths(a.first, a.every.months * n);
        if (date > a.until) break;
        dates.push(date);
      }
      return { kind: 'dates', dates };
    }
  }
}

/**
 * Freezes an offering and every object in it (the course catalog is deeply frozen: callers share it),
 * object by object along the Offering type rather than by walking every value (5,000 offerings).
 * course-catalog.test.ts checks that nothing reachable is left unfrozen.
 */
function freezeOffering(offering: Offering): Offering {
  const a = offering.availability;
  if (a.kind === 'sessions') Object.freeze(a.dates);
  else if (a.kind === 'recurring') Object.freeze(a.every);
  Object.freeze(a);
  for (const credit of offering.credits) Object.freeze(credit);
  Object.freeze(offering.credits);
  return Object.freeze(offering);
}

/** An offering of a course file (or a person's own) as the planner reads it: price in cents, credits in thousandths. */
export function toPlannerOffering(
  id: string, provider: { readonly id: string; readonly name: string }, offering: Omit<CourseFile['offerings'][number], 'id'>, sampleData: boolean,
): Offering {
  return {
    id,
    title: offering.title,
    provider: provider.id,
    providerName: provider.name,
    priceCents: Math.round(offering.price * 100),
    hours: offering.hours,
    format: offering.format,
    availability: offering.availability,
    credits: offering.credits.map((c) => ({ body: c.body, milli: toMilli(c.units), category: c.category })),
    earns: offering.earns,
    repeatable: offering.repeatable,
    sampleData,
    url: offering.url,
  };
}
