/**
 * The seed question: "get one advanced specialization now, it recertifies your CPT; get the other in the
 * next cycle". With the shipped sample catalog (sample prices), a new NASM-CPT planned over two cycles
 * takes one specialization plus a CPR/AED class in each cycle.
 */
import { describe, expect, it } from 'vitest';
import { explainPlan } from '../../src/planner/explain-plan.js';
import { plan } from '../../src/planner/plan.js';
import { catalog, d, expectAccepted, profile, sampleCourses } from './helpers.js';

const asOf = d('2026-11-01');
const trainer = profile([{ id: 'cpt', program: 'nasm-cpt', earned: '2026-11-01' }]);

describe('A NASM-CPT earned 2026-11-01, planned for two cycles with the sample catalog', async () => {
  const result = await plan(catalog, sampleCourses, trainer, asOf, { horizon: { cycles: 2 } });

  it('plans both renewals, 2028-11-01 and 2030-11-01, and proves the plan optimal', () => {
    expect(result.cycles.map((c) => [c.ordinal, c.cycleStart, c.end])).toEqual([[1, '2026-11-01', '2028-11-01'], [2, '2028-11-02', '2030-11-01']]);
    expect(result.status).toBe('optimal');
    expect(result.infeasible).toEqual([]);
  });

  it('takes one specialization plus a CPR/AED class in each cycle, and nothing else', () => {
    for (const cycle of result.cycles) {
      const steps = result.steps.filter((s) => cycle.steps.includes(s.id));
      const earned = steps.map((s) => s.earns?.program).sort();
      expect(steps, `cycle ${cycle.ordinal}`).toHaveLength(2);
      expect(earned[0] === 'cpr-aed' && ['nasm-ces', 'nasm-pes'].includes(earned[1]!), `cycle ${cycle.ordinal}: ${earned.join(', ')}`).toBe(true);
      for (const step of steps) expect(step.completed >= cycle.cycleStart && step.completed <= cycle.end).toBe(true);
    }
    const specializations = result.steps.map((s) => s.earns?.program).filter((p) => p !== 'cpr-aed').sort();
    expect(specializations).toEqual(['nasm-ces', 'nasm-pes']);
  });

  it('is accepted by the compliance engine on both deadlines', () => {
    expectAccepted(result, trainer, asOf, sampleCourses);
  });

  it('explains it: the specialization counts 1.9 CEU, the CPR/AED card is current on each deadline and counts 0.1', () => {
    const text = explainPlan(result).join('\n');
    expect(text).toContain('it earns NASM Corrective Exercise Specialist (NASM-CES), which counts 1.9 CEU');
    expect(text).toContain('it earns NASM Performance Enhancement Specialist (NASM-PES), which counts 1.9 CEU');
    expect(text).toContain('Adult CPR/AED card will be current on 2028-11-01');
    expect(text).toContain('Adult CPR/AED card will be current on 2030-11-01');
    expect(text).toMatch(/holding a current Adult CPR\/AED card on 2028-11-01 counts 0\.1 CEU/);
    expect(text).toContain('(proven optimal)');
    expect(text).toContain('sample course data');
  });

  it('is no dearer than the greedy plan, and says what it saves', () => {
    expect(result.totals.price).toBeLessThanOrEqual(result.greedy.totals.price);
    expect(explainPlan(result).join('\n')).toMatch(/Taking the cheapest course per unit, deadline by deadline, (would cost|gives the same)/);
  });
});
