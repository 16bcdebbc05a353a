import { describe, expect, it } from 'vitest';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import { calendarDate as d } from '../shared/calendar-date.js';
import { describeValue, sourcePages, sourcedValues, stalePages, untracedValues, type SourcedValue } from './list-sources.js';

const catalog = readCatalogDir();
const values = sourcedValues(catalog);

describe('catalog sources', () => {
  it('every known value of the shipped catalog names its page and the date that page was last read', () => {
    const problems = untracedValues(values).map(({ value, problem }) => `${describeValue(value)}: ${problem}`);
    expect(problems).toEqual([]);
  });

  it('a known value without a page or a reading date is reported; an unconfirmed one is not', () => {
    const base = { program: 'p', ruleFrom: d('2020-01-01'), path: 'x', value: 1 } as const;
    const sample: SourcedValue[] = [
      { ...base, path: 'no-source', confidence: 'own' },
      { ...base, path: 'no-url', confidence: 'sec', source: { title: 'A blog' } },
      { ...base, path: 'no-date', confidence: 'own', source: { title: 'Page', url: 'https://example.org/a' } },
      { ...base, path: 'fine', confidence: 'own', source: { title: 'Page', url: 'https://example.org/a', verified: d('2026-01-01') } },
      { ...base, path: 'assumed', confidence: 'unconfirmed', value: 'anniversary' },
      { ...base, path: 'unknown', confidence: 'own-old', value: null },
    ];
    expect(untracedValues(sample).map((u) => `${u.value.path}: ${u.problem}`)).toEqual(['no-source: no source.url', 'no-url: no source.url', 'no-date: no source.verified date']);
  });

  it('finds the NASM late rule on the CPT page, and marks pages stale by their oldest reading', () => {
    const pages = sourcePages(values);
    const cpt = pages.find((p) => p.url === 'https://www.nasm.org/recertify/personal-trainer-recertification');
    expect(cpt?.values.map((v) => v.path)).toEqual(expect.arrayContaining(['renewal.grace', 'renewal.ceWindow', 'fees[petition].usd']));
    expect(cpt?.verified).toBe('2026-11-25');
    expect(stalePages(pages, d('2026-11-25'), 12)).toEqual([]);
    expect(stalePages(pages, d('2028-01-01'), 12).length).toBe(pages.filter((p) => p.url !== null).length);
  });
});
