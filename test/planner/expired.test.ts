/**
 * Credentials already expired on the as-of date: the planner takes the engine's verdict on the as-of date
 * (as `recert check` does), assumes a late renewal (grace) or a reinstatement (lapsed) on the as-of date,
 * and never plans a cycle that ends before it.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { explainPlan } from '../../src/planner/explain-plan.js';
import { plan } from '../../src/planner/plan.js';
import { catalog, d, expectAccepted, profile, sampleCourses } from './helpers.js';

const asOf = d('2026-08-01');
const statusOn = (p: ReturnType<typeof profile>, id: string) => evaluate(catalog, p, asOf).credentials.find((c) => c.id === id)!;

describe('a credential expired on the as-of date', () => {
  it('in grace with the expired cycle met: a late renewal is assumed and the following cycles are planned on the original schedule', async () => {
    const person = profile(
      [{ id: 'cpt', program: 'nasm-cpt', earned: '2024-06-01' }, { id: 'cprA', program: 'cpr-aed', earned: '2024-01-10' }, { id: 'cprB', program: 'cpr-aed', earned: '2026-07-01' }],
      { activities: [{ id: 'x', title: 'Course', completed: d('2025-03-01'), credits: [{ body: 'nasm', units: 1.9 }] }] },
    );
    const check = statusOn(person, 'cpt');
    expect([check.status, check.missing, check.components.every((c) => c.met)]).toEqual(['grace', 0, true]);
    const result = await plan(catalog, sampleCourses, person, asOf, { horizon: { cycles: 2 } });
    expect(result.infeasible).toEqual([]);
    expect(result.lateRenewals.map((l) => [l.kind, l.met, l.expired, l.graceEnd, l.assumedOn])).toEqual([['late-renewal', true, '2026-06-01', '2027-06-01', '2026-08-01']]);
    // The engine keeps the original schedule for a renewal in grace: the next cycle starts the day after the old expiry.
    expect(result.cycles.map((c) => [c.ordinal, c.cycleStart, c.end, c.renewalsBefore])).toEqual([
      [1, '2026-06-02', '2028-06-01', ['2026-08-01']],
      [2, '2028-06-02', '2030-06-01', ['2026-08-01', '2028-06-01']],
    ]);
    for (const step of result.steps) expect(step.from >= asOf && step.from <= step.by).toBe(true);
    expect(explainPlan(result)[0]).toContain('in the grace period until 2027-06-01, with the expired cycle\'s requirements met: only a late renewal is left');
    expectAccepted(result, person, asOf, sampleCourses);
  });

  it('in grace with the expired cycle not met but its CE window open: the missing CE is planned before the window closes and the late renewal assumed on its last day', async () => {
    // NASM: CE completed up to 90 days after expiry (2026-06-01 + 90 days = 2026-08-30) counts toward the expired cycle.
    const person = profile(
      [{ id: 'cpt', program: 'nasm-cpt', earned: '2024-06-01' }, { id: 'cpr', program: 'cpr-aed', earned: '2026-07-01' }],
      { activities: [{ id: 'x', title: 'Course', completed: d('2025-03-01'), credits: [{ body: 'nasm', units: 1.0 }] }] },
    );
    const check = statusOn(person, 'cpt');
    expect([check.status, check.missing, check.ceWindowEnds]).toEqual(['grace', 0.9, '2026-08-30']);
    const result = await plan(catalog, sampleCourses, person, asOf, { horizon: { cycles: 2 } });
    expect(result.infeasible).toEqual([]);
    expect(result.lateRenewals.map((l) => [l.kind, l.met, l.assumedOn, l.ceWindowEnd])).toEqual([['late-renewal', false, '2026-08-30', '2026-08-30']]);
    expect(result.cycles.map((c) => [c.ordinal, c.cycleStart, c.end, c.expiredOn])).toEqual([
      [0, '2024-06-01', '2026-08-30', '2026-06-01'],
      [1, '2026-06-02', '2028-06-01', undefined],
      [2, '2028-06-02', '2030-06-01', undefined],
    ]);
    const expiredCycle = result.cycles[0]!;
    expect(expiredCycle.existing + expiredCycle.planned).toBeGreaterThanOrEqual(expiredCycle.required);
    for (const id of expiredCycle.steps) {
      const step = result.steps.find((s) => s.id === id)!;
      expect(step.completed >= asOf && step.completed <= '2026-08-30', `${step.completed}`).toBe(true);
    }
    // What counts toward the expired cycle is not counted again toward the next one.
    const next = result.cycles[1]!;
    for (const id of next.steps) expect(result.steps.find((s) => s.id === id)!.completed > '2026-08-30').toBe(true);
    const text = explainPlan(result).join('\n');
    expect(text).toContain('CE completed by 2026-08-30 still counts toward the expired cycle');
    expect(text).toContain('NASM Certified Personal Trainer (NASM-CPT), the expired cycle (2024-06-01 → 2026-06-01');
    expect(text).not.toContain('does not count toward the expired cycle');
    expectAccepted(result, person, asOf, sampleCourses);
  });

  it('in grace with the expired cycle not met and no CE window (ACE): reported with the engine\'s reason, later cycles planned assuming a late renewal', async () => {
    const person = profile(
      [{ id: 'ace', program: 'ace-cpt', earned: '2024-05-15' }, { id: 'cpr', program: 'cpr-aed', earned: '2026-07-01' }],
      { activities: [{ id: 'x', title: 'Course', completed: d('2025-03-01'), credits: [{ body: 'ace', units: 1.0 }] }] },
    );
    const check = statusOn(person, 'ace');
    expect([check.status, check.ceWindowEnds]).toEqual(['grace', null]);
    const result = await plan(catalog, sampleCourses, person, asOf, { horizon: { cycles: 1 } });
    expect(result.infeasible.map((i) => [i.ordinal, i.reason.kind])).toEqual([[0, 'grace-unmet']]);
    expect(result.lateRenewals.map((l) => [l.kind, l.met, l.assumedOn, l.ceWindowEnd])).toEqual([['late-renewal', false, '2026-08-01', undefined]]);
    const text = explainPlan(result).join('\n');
    expect(text).toContain('does not count toward the expired cycle');
    expect(text).toContain('planned assuming a late renewal is arranged anyway');
    expectAccepted(result, person, asOf, sampleCourses);
  });

  it('lapsed: "lapsed; reinstatement needed", a reinstatement cycle from the as-of date, no cycle ending before it and no reversed range', async () => {
    const person = profile(
      [{ id: 'cpt', program: 'nasm-cpt', earned: '2022-01-15' }, { id: 'cpr', program: 'cpr-aed', earned: '2022-06-05' }],
      { activities: [{ id: 'x', title: 'Course', completed: d('2023-03-01'), credits: [{ body: 'nasm', units: 2.0 }] }] },
    );
    expect(statusOn(person, 'cpt').status).toBe('lapsed');
    const result = await plan(catalog, sampleCourses, person, asOf, { horizon: { years: 4 } });
    expect(result.infeasible).toEqual([]);
    expect(result.lateRenewals.map((l) => [l.kind, l.expired, l.graceEnd, l.assumedOn])).toEqual([['reinstatement', '2024-01-15', '2025-01-15', '2026-08-01']]);
    expect(result.cycles.map((c) => [c.ordinal, c.cycleStart, c.end])).toEqual([[1, '2026-08-01', '2028-08-01'], [2, '2028-08-02', '2030-08-01']]);
    for (const c of result.cycles) expect(c.end > asOf).toBe(true);
    for (const step of result.steps) expect(step.from >= asOf && step.from <= step.by, `${step.from}..${step.by}`).toBe(true);
    expect(explainPlan(result)[0]).toContain('lapsed; reinstatement needed');
    expectAccepted(result, person, asOf, sampleCourses);
  });
});
