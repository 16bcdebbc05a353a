/**
 * Every sourced value in the catalog, and the pages they rest on: what `recert sources` lists, what the
 * staleness check reads, and what the catalog test holds to account (every known value has a page and
 * the date it was last read). Pure.
 */
import { addMonths, type CalendarDate } from '../shared/calendar-date.js';
import type { Catalog } from './catalog.js';
import type { Confidence, Source } from './schema.js';

export interface SourcedValue {
  readonly program: string;
  /** The rule version's `from`. */
  readonly ruleFrom: CalendarDate;
  /** Where in the rule version, e.g. `renewal.grace` or `fees[late-up-to-90-days].usd`. */
  readonly path: string;
  readonly value: unknown;
  readonly confidence: Confidence;
  readonly source?: Source | undefined;
  readonly quote?: string | undefined;
}

export interface SourcePage {
  /** The page's URL, or `title:<title>` for a source without one. */
  readonly key: string;
  readonly url: string | null;
  readonly title: string;
  /** The oldest `verified` date among the values on this page; null when any lacks one. */
  readonly verified: CalendarDate | null;
  readonly values: readonly SourcedValue[];
}

/** Every record with a `confidence` in every rule version of every program. */
export function sourcedValues(catalog: Catalog): SourcedValue[] {
  const out: SourcedValue[] = [];
  for (const program of catalog.programs.values()) {
    for (const rule of program.rules) {
      walk(rule, '', (path, record) => {
        out.push({
          program: program.id, ruleFrom: rule.from, path, value: 'value' in record ? record.value : valueOfInline(record),
          confidence: record.confidence as Confidence, source: record.source as Source | undefined, quote: record.quote as string | undefined,
        });
      });
    }
  }
  return out;
}

/** A record whose provenance sits directly on it (validity `never`, a `program-current` component): its value is its kind. */
function valueOfInline(record: Record<string, unknown>): unknown {
  return record.kind === 'program-current' ? `current ${String(record.program)}` : record.kind;
}

function walk(node: unknown, path: string, visit: (path: string, record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      const id = item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
        ? (item as { id: string }).id
        : item !== null && typeof item === 'object' && typeof (item as { program?: unknown }).program === 'string'
          ? (item as { program: string }).program
          : String(i);
      walk(item, `${path}[${id}]`, visit);
    });
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.confidence === 'string') {
    visit(path === '' ? '(rule)' : path, record);
    if ('value' in record) return;
  }
  for (const [key, child] of Object.entries(record)) {
    if (key === 'source' || key === 'candidates') continue;
    walk(child, path === '' ? key : path.endsWith(']') && key !== '' ? `${path}.${key}` : `${path}.${key}`, visit);
  }
}

/** The pages values rest on, each with its values and last-read date, in URL order. */
export function sourcePages(values: readonly SourcedValue[]): SourcePage[] {
  const pages = new Map<string, { url: string | null; title: string; values: SourcedValue[] }>();
  for (const value of values) {
    if (value.source === undefined) continue;
    const key = value.source.url ?? `title:${value.source.title}`;
    const page = pages.get(key) ?? { url: value.source.url ?? null, title: value.source.title, values: [] };
    page.values.push(value);
    pages.set(key, page);
  }
  return [...pages.entries()]
    .map(([key, page]) => {
      const dates = page.values.map((v) => v.source?.verified ?? null);
      const verified = dates.includes(null) ? null : (dates as CalendarDate[]).sort()[0] ?? null;
      return { key, url: page.url, title: page.title, verified, values: page.values };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Pages with a URL not read for `months` months before `asOf` (or never recorded as read). A source with
 * only a title (a gap's note, e.g. a page that is gone) cannot be re-read and is not listed.
 */
export function stalePages(pages: readonly SourcePage[], asOf: CalendarDate, months: number): SourcePage[] {
  const cutoff = addMonths(asOf, -months);
  return pages.filter((page) => page.url !== null && (page.verified === null || page.verified < cutoff));
}

/**
 * Known values that cannot be traced: a non-null value that is not marked unconfirmed must name its page
 * (source.url) and the date it was last read (source.verified). An unconfirmed value is an assumption or
 * a gap, shown to the user as such; it needs no page.
 */
export function untracedValues(values: readonly SourcedValue[]): { value: SourcedValue; problem: string }[] {
  const out: { value: SourcedValue; problem: string }[] = [];
  for (const value of values) {
    if (value.value === null || value.confidence === 'unconfirmed') continue;
    if (value.source?.url === undefined) out.push({ value, problem: 'no source.url' });
    else if (value.source.verified === undefined) out.push({ value, problem: 'no source.verified date' });
  }
  return out;
}

/** `nasm-cpt (from 2020-03-01) renewal.grace` */
export function describeValue(value: SourcedValue): string {
  return `${value.program} (from ${value.ruleFrom}) ${value.path}`;
}
