/** The plan's sentences say only what is true: the gap in dollars, the greedy comparison, renewals by name. */
import { describe, expect, it } from 'vitest';
import { explainPlan, explainPlanFact } from '../../src/planner/explain-plan.js';
import { plan } from '../../src/planner/plan.js';
import { courses, d, expectAccepted, catalog, profile } from './helpers.js';

const cpr = `  - { id: cpr, title: CPR/AED class, price: 50, hours: 4, format: in-person, earns: cpr-aed, repeatable: true,
      availability: { kind: recurring, first: "2026-04-04", every: { months: 1 }, until: "2031-12-31" } }
`;
const course = (id: string, price: number, extra: string): string =>
  `  - { id: ${id}, title: Course ${id}, price: ${price}, hours: 20, format: online, ${extra} }\n`;
const ace = profile([{ id: 'ace', program: 'ace-cpt', earned: '2026-03-15' }]);
const asOf = d('2026-03-15');

describe('the gap sentence', () => {
  const totals = { kind: 'totals', price: 1000, hours: 50, status: 'feasible', minimize: 'price', cost: 100_000 } as const;

  it('turns the solver gap (U − L) / U into dollars and into a share of the optimum, g / (1 − g)', () => {
    // The case: a relative gap of 33.4% for a plan 45.8% above the optimum.
    const text = explainPlanFact({ ...totals, gap: 0.334 });
    expect(text).toContain('not proven optimal (at most $334 above the optimum, at most 50.2%)');
    const optimum = 1000 / 1.458;
    expect(1000 - optimum).toBeLessThanOrEqual(334);
    expect(text).not.toContain('33.4%');
  });

  it('states hours when minimizing hours, and says when there is no bound', () => {
    expect(explainPlanFact({ ...totals, minimize: 'hours', cost: 500, gap: 0.1 })).toContain('at most 5 h above the optimum, at most 11.2%');
    expect(explainPlanFact({ ...totals, gap: null })).toContain('no bound on how far from the optimum it is');
  });

  it('rounds the dollar amount up, so it stays an upper bound', () => {
    expect(explainPlanFact({ ...totals, price: 99.99, cost: 9999, gap: 0.01 })).toContain('at most $1 above the optimum');
    expect(explainPlanFact({ ...totals, price: 123.45, cost: 12_345, gap: 0.05 })).toContain('at most $6.18 above the optimum');
  });
});

describe('the greedy comparison', () => {
  it('names a renewal the greedy rule misses by credential and cycle, and says the plan meets it only when it does', async () => {
    // Greedy takes the cheap ethics course (available any time) for cycle 1 and has none left for cycle 2;
    // the plan takes the one that is only offered early in cycle 1 and keeps the other for cycle 2.
    const offerings = courses(`${cpr}${course('eth-any', 20, 'availability: { kind: self-paced }, credits: [{ body: ace, units: 0.1, category: ethics }]')}${
      course('eth-early', 30, 'availability: { kind: self-paced, until: "2027-06-30" }, credits: [{ body: ace, units: 0.1, category: ethics }]')}${
      course('c1', 100, 'availability: { kind: self-paced }, credits: [{ body: ace, units: 2.0 }]')}${
      course('c2', 100, 'availability: { kind: self-paced }, credits: [{ body: ace, units: 2.0 }]')}`);
    const result = await plan(catalog, offerings, ace, asOf, { horizon: { cycles: 2 } });
    expect(result.status).toBe('optimal');
    expect(result.greedy.failed).toEqual(['ace#2']);
    expect(result.cycles.map((c) => c.ordinal)).toEqual([1, 2]);
    const text = explainPlan(result).join('\n');
    expect(text).toContain('cannot meet ACE Certified Personal Trainer (ACE-CPT), cycle 2; the optimized plan meets it.');
    expect(text).not.toMatch(/ace#\d/);
    expectAccepted(result, ace, asOf, offerings);
  });

  it('never claims the plan meets a renewal it gave up', async () => {
    // One ethics course for two ACE cycles: each cycle alone can be met, not both.
    const offerings = courses(`${cpr}${course('eth', 20, 'availability: { kind: self-paced }, credits: [{ body: ace, units: 0.1, category: ethics }]')}${
      course('c1', 100, 'availability: { kind: self-paced }, credits: [{ body: ace, units: 2.0 }]')}${
      course('c2', 100, 'availability: { kind: self-paced }, credits: [{ body: ace, units: 2.0 }]')}`);
    const result = await plan(catalog, offerings, ace, asOf, { horizon: { cycles: 2 } });
    expect(result.greedy.failed).toEqual(['ace#2']);
    expect(result.infeasible.map((i) => [i.ordinal, i.reason.kind])).toEqual([[2, 'combination']]);
    const text = explainPlan(result).join('\n');
    expect(text).toContain('cannot meet ACE Certified Personal Trainer (ACE-CPT), cycle 2; the optimized plan does not meet ACE Certified Personal Trainer (ACE-CPT), cycle 2 either (see above).');
    expect(text).not.toContain('the optimized plan does.');
    expect(text).not.toContain('meets it');
  });
});
