/** Plan options: what to minimize, budgets, study load, exclusions, credentials let lapse. */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/planner/plan.js';
import { loadLimit } from '../../src/planner/build-model.js';
import { addDays, yearOf } from '../../src/shared/calendar-date.js';
import { explainPlan } from '../../src/planner/explain-plan.js';
import { catalog, courses, d, expectAccepted, profile, sampleCourses } from './helpers.js';

const asOf = d('2026-03-15');
const nasm = profile([{ id: 'nasm', program: 'nasm-cpt', earned: '2026-03-15' }]);
const cpr = `  - { id: cpr, title: CPR/AED class, price: 50, hours: 4, format: in-person, earns: cpr-aed, repeatable: true,
      availability: { kind: recurring, first: "2026-01-03", every: { months: 1 }, until: "2031-12-31" } }
`;
const open = '{ kind: self-paced }';
const choice = courses(`${cpr}  - { id: cheap-long, title: Cheap and long, price: 100, hours: 30, format: online, availability: ${open}, credits: [{ body: nasm, units: 1.9 }] }
  - { id: dear-short, title: Dear and short, price: 300, hours: 19, format: in-person, availability: ${open}, credits: [{ body: nasm, units: 1.9 }] }
`);
const ids = (steps: readonly { offering: { id: string } }[]): string[] => steps.map((s) => s.offering.id).sort();

describe('what to minimize', () => {
  it('price by default, hours on request, or price plus a value per hour', async () => {
    const byPrice = await plan(catalog, choice, nasm, asOf, { horizon: { cycles: 1 } });
    const byHours = await plan(catalog, choice, nasm, asOf, { horizon: { cycles: 1 }, minimize: 'hours' });
    const mixed = await plan(catalog, choice, nasm, asOf, { horizon: { cycles: 1 }, hourValue: 20 });
    expect(ids(byPrice.steps)).toEqual(['cheap-long', 'cpr']);
    expect(ids(byHours.steps)).toEqual(['cpr', 'dear-short']);
    expect(byHours.totals.hours).toBe(23);
    // 100 + 30 h × $20 = 700 against 300 + 19 h × $20 = 680.
    expect(ids(mixed.steps)).toEqual(['cpr', 'dear-short']);
    for (const r of [byPrice, byHours, mixed]) expectAccepted(r, nasm, asOf, choice);
  });
});

describe('exclusions and lapses', () => {
  it('leaves out a provider or a format', async () => {
    const other = courses(`  - { id: other-course, title: Other provider's course, price: 400, hours: 19, format: online, availability: ${open}, credits: [{ body: nasm, units: 1.9 }] }\n`, 'other');
    const both = { offerings: [...choice.offerings, ...other.offerings], sampleData: true };
    const noTest = await plan(catalog, { offerings: [...other.offerings, ...choice.offerings.filter((o) => o.id === 'cpr').map((o) => ({ ...o, provider: 'cpr-provider' }))], sampleData: true }, nasm, asOf, { horizon: { cycles: 1 } });
    expect(ids(noTest.steps)).toEqual(['cpr', 'other-course']);
    const excluded = await plan(catalog, both, nasm, asOf, { horizon: { cycles: 1 }, excludeProviders: ['other'] });
    expect(ids(excluded.steps)).toEqual(['cheap-long', 'cpr']);
    const inPerson = await plan(catalog, both, nasm, asOf, { horizon: { cycles: 1 }, excludeFormats: ['online'] });
    expect(ids(inPerson.steps)).toEqual(['cpr', 'dear-short']);
  });

  it('plans nothing for a credential let lapse, and says so', async () => {
    const two = profile([{ id: 'nasm', program: 'nasm-cpt', earned: '2026-03-15' }, { id: 'ace', program: 'ace-cpt', earned: '2026-03-15' }]);
    const result = await plan(catalog, choice, two, asOf, { horizon: { cycles: 1 }, letLapse: ['ace'] });
    expect(result.lettingLapse).toEqual(['ace']);
    expect(result.cycles.map((c) => c.credential)).toEqual(['nasm']);
    expect(result.infeasible).toEqual([]);
  });
});

describe('budget and study load', () => {
  const small = courses(`${cpr}  - { id: a, title: A, price: 200, hours: 10, format: online, availability: ${open}, credits: [{ body: nasm, units: 1.0 }] }
  - { id: b, title: B, price: 200, hours: 10, format: online, availability: ${open}, credits: [{ body: nasm, units: 1.0 }] }
  - { id: c, title: C, price: 200, hours: 10, format: online, availability: ${open}, credits: [{ body: nasm, units: 1.0 }] }
  - { id: e, title: E, price: 200, hours: 10, format: online, availability: ${open}, credits: [{ body: nasm, units: 1.0 }] }
`);

  it('spends at most the yearly budget in any calendar year', async () => {
    const result = await plan(catalog, small, nasm, asOf, { horizon: { cycles: 2 }, yearlyBudget: 300 });
    const spent = new Map<number, number>();
    for (const s of result.steps) spent.set(yearOf(s.completed), (spent.get(yearOf(s.completed)) ?? 0) + s.offering.price);
    expect(Math.max(...spent.values())).toBeLessThanOrEqual(300);
    expect(result.cycles).toHaveLength(2);
    expectAccepted(result, nasm, asOf, small);
  });

  it('keeps the hours completed by any date within the monthly study load', async () => {
    const result = await plan(catalog, small, nasm, asOf, { horizon: { cycles: 2 }, maxHoursPerMonth: 1 });
    let cumulative = 0;
    for (const s of result.steps) {
      cumulative += s.offering.hours;
      expect(cumulative, `by ${s.completed}`).toBeLessThanOrEqual(loadLimit(asOf, s.completed, 1) + 1e-9);
    }
    expectAccepted(result, nasm, asOf, small);
  });

  it('prints each self-paced range from the earliest day the study load allows, given the steps before it', async () => {
    const person = profile([{ id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' }, { id: 'cpr', program: 'cpr-aed', earned: '2025-12-01' }],
      { activities: [{ id: 'x', title: 'Course', completed: d('2025-03-01'), credits: [{ body: 'nasm', units: 1.9 }] }] });
    const from = d('2026-01-15');
    const result = await plan(catalog, sampleCourses, person, from, { horizon: { cycles: 2 }, maxHoursPerMonth: 1.5 });
    const course = result.steps.find((s) => s.session === null && s.offering.hours === 30)!;
    // 3 h of CPR/AED class first, then 30 h: 33 h at 1.5 h a month needs 22 months, so not before 2027-11-15
    // (the bucket itself starts with the cycle on 2027-01-16).
    expect([course.from, course.by]).toEqual(['2027-11-15', '2029-01-15']);
    let cumulative = 0;
    for (const s of result.steps) {
      cumulative += s.offering.hours;
      // Completing every step on the first day of its range keeps the load within the limit, and a day earlier would not.
      expect(cumulative, `${s.offering.id} from ${s.from}`).toBeLessThanOrEqual(loadLimit(from, s.from, 1.5) + 1e-9);
      if (s.session === null && s.from > from) expect(cumulative).toBeGreaterThan(loadLimit(from, addDays(s.from, -1), 1.5));
    }
    expect(explainPlan(result).join('\n')).toContain('between 2027-11-15 and 2029-01-15');
    expectAccepted(result, person, from, sampleCourses);
  });

  it('gives up a renewal the budget cannot pay for, and says so', async () => {
    const result = await plan(catalog, small, nasm, asOf, { horizon: { cycles: 2 }, yearlyBudget: 100 });
    expect(result.cycles).toHaveLength(0);
    // $100 a year buys no $200 course: the latest renewal is given up first, then the one before it.
    expect(result.infeasible.map((i) => `${i.ordinal} ${i.reason.kind}`)).toEqual(['2 combination', '1 combination']);
  });
});
