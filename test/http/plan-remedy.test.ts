/**
 * POST /api/people/:id/plan names each renewal that cannot be met with its sentence and what would
 * make it possible, from the options asked with, and gives its verdict and greedy comparison as
 * sentences of their own (the web app shows them as written); /openapi.json documents them. On both stores.
 */
import { describe, expect, it, vi } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { TWO_CYCLES } from './plan-fixtures.js';
import { startTestApp } from './start-test-app.js';
import { useApp } from './use-app.js';

vi.setConfig({ testTimeout: 60_000 });

await describeEachStore('HTTP plan: impossible renewals and their remedy', { describe, it }, (backend) => {
  const app = useApp('all', async () => {
    const app = await startTestApp(backend);
    expect((await app.call('POST', '/api/people/me/import', TWO_CYCLES)).status).toBe(200);
    return app;
  });

  it('with a $100 yearly budget, says both renewals cannot be met and that raising the budget would help', async () => {
    const response = await app.call('POST', '/api/people/me/plan', { horizonCycles: 2, yearlyBudget: 100 });
    expect(response.status).toBe(200);
    const { infeasible, explanation } = response.body;
    expect(infeasible.map((i: any) => [i.credential, i.ordinal]).sort()).toEqual([['cpt', 1], ['cpt', 2]]);
    for (const i of infeasible) {
      expect(explanation).toContain(i.text);
      expect(i.text).toMatch(/^NASM Certified Personal Trainer \(NASM-CPT\), cycle [12] \(.*\) cannot be met/);
      expect(i.remedy).toMatch(/^To make it possible: raise the yearly budget \(now \$100\)/);
    }
  });

  it('with NASM, blended and in-person courses left out, names what to allow again and the units missing', async () => {
    const response = await app.call('POST', '/api/people/me/plan', { horizonCycles: 1, excludeProviders: ['nasm'], excludeFormats: ['blended', 'in-person'] });
    expect(response.status).toBe(200);
    const [impossible] = response.body.infeasible;
    expect(impossible.reason.kind).toBe('units');
    expect(impossible.remedy).toMatch(/^To make it possible: allow blended courses or in-person courses, include "nasm" again or add a course .* that gives \d\.\d CEU more before \d{4}-\d{2}-\d{2}\.$/);
  });

  it('answers an empty list when every renewal can be met, with the verdict and the comparison as in the explanation', async () => {
    const response = await app.call('POST', '/api/people/me/plan', { horizonCycles: 2 });
    expect(response.body.infeasible).toEqual([]);
    expect(response.body.verdict).toBe('Total: $923 and 63 h: the lowest total price possible with this catalog (proven optimal).');
    expect(response.body.comparison).toMatch(/^Taking the cheapest course per unit, deadline by deadline, would cost \$\d+ and \d+ h: the optimized plan saves \$\d+\.$/);
    expect(response.body.explanation).toEqual(expect.arrayContaining([response.body.verdict, response.body.comparison]));
  });

  it('documents text, remedy, verdict and comparison in /openapi.json', async () => {
    const spec = (await app.call('GET', '/openapi.json')).body;
    const plan = spec.components.schemas.Plan;
    const item = plan.properties.infeasible.items;
    expect(item.required).toEqual(expect.arrayContaining(['text', 'remedy']));
    expect(plan.required).toEqual(expect.arrayContaining(['verdict', 'comparison']));
  });
});
