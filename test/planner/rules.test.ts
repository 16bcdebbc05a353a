/** The planner respects the rules the engine checks: caps, cross-body credit, components; says what it cannot do. */
import { describe, expect, it } from 'vitest';
import { explainPlan } from '../../src/planner/explain-plan.js';
import { plan } from '../../src/planner/plan.js';
import { catalog, courses, d, expectAccepted, profile } from './helpers.js';

const cpr = `  - { id: cpr, title: CPR/AED class, price: 50, hours: 4, format: in-person, earns: cpr-aed, repeatable: true,
      availability: { kind: recurring, first: "2026-01-03", every: { months: 1 }, until: "2031-12-31" } }
`;
const selfPaced = '{ kind: self-paced }';

describe('caps', () => {
  const offerings = courses(`${cpr}  - { id: present, title: Give a workshop, price: 10, hours: 15, format: in-person, availability: ${selfPaced}, credits: [{ body: ace, units: 1.5, category: presentation }] }
  - { id: ethics, title: Ethics, price: 20, hours: 1, format: online, availability: ${selfPaced}, credits: [{ body: ace, units: 0.1, category: ethics }] }
  - { id: a, title: Course A, price: 150, hours: 10, format: online, availability: ${selfPaced}, credits: [{ body: ace, units: 1.0 }] }
  - { id: b, title: Course B, price: 80, hours: 5, format: online, availability: ${selfPaced}, credits: [{ body: ace, units: 0.5 }] }
  - { id: c, title: Course C, price: 250, hours: 15, format: online, availability: ${selfPaced}, credits: [{ body: ace, units: 1.5 }] }
`);
  const person = profile([{ id: 'ace', program: 'ace-cpt', earned: '2026-03-15' }]);
  const asOf = d('2026-03-15');

  it('An ACE presentation counts only 0.5 CEC a cycle however long it is, so the plan adds 1.5 CEC elsewhere', async () => {
    const result = await plan(catalog, offerings, person, asOf, { horizon: { cycles: 1 } });
    const present = result.steps.find((s) => s.offering.id === 'present');
    expect(present?.counts.map((c) => c.units)).toEqual([0.5]);
    expect(result.steps.map((s) => s.offering.id).sort()).toEqual(['a', 'b', 'cpr', 'ethics', 'present']);
    expect(result.totals.price).toBe(310);
    expectAccepted(result, person, asOf, offerings);
  });
});

describe('cross-body sharing', () => {
  const offerings = courses(`${cpr}  - { id: shared, title: Approved by ACE and NASM, price: 300, hours: 20, format: online, availability: ${selfPaced}, credits: [{ body: ace, units: 2.0 }, { body: nasm, units: 1.9 }] }
  - { id: ace-only, title: ACE course, price: 200, hours: 20, format: online, availability: ${selfPaced}, credits: [{ body: ace, units: 2.0 }] }
  - { id: nasm-only, title: NASM course, price: 200, hours: 19, format: online, availability: ${selfPaced}, credits: [{ body: nasm, units: 1.9 }] }
  - { id: ethics, title: Ethics, price: 20, hours: 1, format: online, availability: ${selfPaced}, credits: [{ body: ace, units: 0.1, category: ethics }] }
`);
  const person = profile([{ id: 'ace', program: 'ace-cpt', earned: '2026-03-15' }, { id: 'nasm', program: 'nasm-cpt', earned: '2026-03-15' }]);
  const asOf = d('2026-03-15');

  it('One course approved by ACE and NASM serves both credentials, and one CPR/AED class both deadlines', async () => {
    const result = await plan(catalog, offerings, person, asOf, { horizon: { cycles: 1 } });
    expect(result.steps.map((s) => s.offering.id).sort()).toEqual(['cpr', 'ethics', 'shared']);
    const shared = result.steps.find((s) => s.offering.id === 'shared')!;
    expect(shared.counts.map((c) => `${c.credential} ${c.units}`).sort()).toEqual(['ace 2', 'nasm 1.9']);
    const card = result.steps.find((s) => s.offering.id === 'cpr')!;
    expect(new Set(card.counts.map((c) => c.credential))).toEqual(new Set(['ace', 'nasm']));
    expect(result.totals.price).toBe(370);
    expectAccepted(result, person, asOf, offerings);
  });
});

describe('infeasible requirements', () => {
  const offerings = courses(`  - { id: cpr-2027, title: CPR/AED class, price: 50, hours: 4, format: in-person, earns: cpr-aed, repeatable: true,
      availability: { kind: recurring, first: "2026-04-04", every: { months: 1 }, until: "2027-12-31" } }
  - { id: nasm-course, title: NASM course, price: 200, hours: 19, format: online, availability: ${selfPaced}, credits: [{ body: nasm, units: 1.9 }] }
  - { id: nasm-course-2, title: Another NASM course, price: 220, hours: 19, format: online, availability: ${selfPaced}, credits: [{ body: nasm, units: 1.9 }] }
  - { id: issa-course, title: ISSA course, price: 99, hours: 10, format: online, availability: ${selfPaced}, credits: [{ body: issa, units: 10 }] }
`);
  const person = profile([{ id: 'nasm', program: 'nasm-cpt', earned: '2026-03-15' }, { id: 'issa', program: 'issa-cpt', earned: '2026-03-15' }]);
  const asOf = d('2026-03-15');

  it('names the requirement and why, drops only what cannot be met, and still plans the rest', async () => {
    const result = await plan(catalog, offerings, person, asOf, { horizon: { cycles: 2 } });
    const reasons = Object.fromEntries(result.infeasible.map((i) => [`${i.credential}#${i.ordinal}`, i.reason.kind]));
    expect(reasons).toEqual({ 'nasm#2': 'component', 'issa#1': 'units' });
    expect(result.cycles.map((c) => `${c.credential}#${c.ordinal}`)).toEqual(['nasm#1']);
    const text = explainPlan(result).join('\n');
    expect(text).toContain('No offering in the catalog earns Adult CPR/AED card between 2028-03-01 and 2030-03-15, so none would be current on 2030-03-15');
    expect(text).toContain('20.0 CE hour are still needed, but the offerings that can be completed in the cycle give at most 10.0 CE hour');
    expectAccepted(result, person, asOf, offerings);
  });

  it('plans nothing and says why when no offering fits at all', async () => {
    const result = await plan(catalog, courses(`  - { id: issa-course, title: ISSA course, price: 99, hours: 10, format: online, availability: ${selfPaced}, credits: [{ body: issa, units: 10 }] }\n`),
      profile([{ id: 'issa', program: 'issa-cpt', earned: '2026-03-15' }]), asOf, { horizon: { cycles: 1 } });
    expect(result.steps).toEqual([]);
    expect(result.infeasible.map((i) => i.reason.kind)).toEqual(['component']);
  });
});

describe('greedy comparison', () => {
  it('beats cheapest-per-unit-first when the cheapest unit price leaves an expensive remainder', async () => {
    const offerings = courses(`${cpr}  - { id: x, title: X, price: 90, hours: 10, format: online, availability: ${selfPaced}, credits: [{ body: nasm, units: 1.0 }] }
  - { id: y, title: Y, price: 95, hours: 10, format: online, availability: ${selfPaced}, credits: [{ body: nasm, units: 1.0 }] }
  - { id: z, title: Z, price: 180, hours: 19, format: online, availability: ${selfPaced}, credits: [{ body: nasm, units: 1.9 }] }
`);
    const person = profile([{ id: 'nasm', program: 'nasm-cpt', earned: '2026-03-15' }]);
    const result = await plan(catalog, offerings, person, d('2026-03-15'), { horizon: { cycles: 1 } });
    expect(result.steps.map((s) => s.offering.id).sort()).toEqual(['cpr', 'z']);
    // Greedy: X first ($90 per CEU), then Z ($94.7 per CEU beats Y's $95).
    expect(result.greedy.steps.map((s) => s.offering.id).sort()).toEqual(['cpr', 'x', 'z']);
    expect(result.greedy.totals.price - result.totals.price).toBe(90);
    expect(explainPlan(result).join('\n')).toContain('the optimized plan saves $90');
    expectAccepted(result, person, d('2026-03-15'), offerings);
  });
});
