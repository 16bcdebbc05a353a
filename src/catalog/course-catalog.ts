/**
 * Builds a validated course catalog from the text of its provider files, checked against the rule
 * catalog (bodies, categories and programs must exist). Pure: src/io/read-course-dir.ts reads the files.
 */
import { addDays, addMonths, type CalendarDate } from '../shared/calendar-date.js';
import { parseLocated } from '../shared/parse-located.js';
import { RecertError, type Issue } from '../shared/recert-error.js';
import { toMilli } from '../shared/units.js';
import type { Catalog, CatalogFileText } from './catalog.js';
import { checkCourseFileFast } from './fast-course-check.js';
import { courseFileSchema, type CourseFile, type Offering, type OfferingWindow } from './course-schema.js';

export interface CourseCatalog {
  readonly offerings: readonly Offering[];
  /** True when any file marks its prices as sample data. */
  readonly sampleData: boolean;
}

export function buildCourseCatalog(files: readonly CatalogFileText[], catalog: Catalog): CourseCatalog {
  const issues: Issue[] = [];
  const parsed: { file: string; data: CourseFile }[] = [];
  for (const { file, text } of files) {
    const result = parseLocated(text, file, courseFileSchema, { syntax: 'CATALOG_SYNTAX', schema: 'CATALOG_SCHEMA' }, { fastCheck: checkCourseFileFast });
    if (result.ok) parsed.push({ file, data: result.value });
    else issues.push(...result.issues);
  }
  if (issues.length > 0) throw new RecertError(issues);

  const offerings: Offering[] = [];
  const seen = new Map<string, string>();
  for (const { file, data } of parsed) {
    data.offerings.forEach((offering, index) => {
      const at = `offerings[${index}]`;
      const previous = seen.get(offering.id);
      if (previous !== undefined) issues.push({ code: 'CATALOG_REFERENCE', file, path: `${at}.id`, message: `offering "${offering.id}" is already defined in ${previous}` });
      seen.set(offering.id, file);
      issues.push(...checkOffering(file, at, offering, catalog));
      offerings.push(toPlannerOffering(offering.id, data.provider, offering, data.sampleData));
    });
  }
  if (issues.length > 0) throw new RecertError(issues);
  return deepFreeze({ offerings, sampleData: parsed.some((p) => p.data.sampleData) });
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
    for (const program of catalog.programs.values()) {
      const grants = program.rules.some((rule) => rule.grants.some((g) => g.program === offering.earns));
      if (grants && bodies.has(program.body)) {
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

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
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
