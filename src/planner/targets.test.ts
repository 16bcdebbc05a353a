import { describe, expect, it } from 'vitest';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import { calendarDate as d } from '../shared/calendar-date.js';
import { resolveOptions } from './plan-options.js';
import { earliestCovering, planTargets } from './targets.js';

const catalog = readCatalogDir();

describe('planning targets', () => {
  it('finds from the catalog the first day a new CPR/AED card covers a deadline (24 months to month end)', () => {
    expect(earliestCovering(catalog, 'cpr-aed', d('2030-11-01'))).toBe('2028-11-01');
    expect(earliestCovering(catalog, 'cpr-aed', d('2030-12-31'))).toBe('2028-12-01');
  });

  it('lays out the next cycles with on-time renewals, NSCA fixed periods included', () => {
    const profile = {
      credentials: [{ id: 'nasm', program: 'nasm-cpt', earned: d('2025-03-10') }, { id: 'cscs', program: 'nsca-cscs', earned: d('2024-03-01') }],
      renewals: [], activities: [],
    };
    const targets = planTargets(catalog, profile, d('2026-01-15'), resolveOptions({ horizon: { years: 4 } }));
    expect(targets.requirements.map((r) => `${r.credential} ${r.windowStart}..${r.end} ${r.requiredMilli}`)).toEqual([
      'nasm 2026-01-15..2027-03-10 2000',
      'nasm 2027-03-11..2029-03-10 2000',
      'cscs 2026-01-15..2026-12-31 4000',
      'cscs 2027-01-01..2029-12-31 6000',
    ]);
  });
});
