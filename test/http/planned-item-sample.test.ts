/**
 * Planned items say whether their price is sample data: true for an offering of a shipped course file
 * marked sampleData, false for the person's own offering. The web app shows the sample-data banner
 * with them. On both stores.
 */
import { describe, expect, it, vi } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { TWO_CYCLES } from './plan-fixtures.js';
import { startTestApp } from './start-test-app.js';
import { useApp } from './use-app.js';

/** A cheap local workshop worth a whole NASM cycle: the planner picks it over any specialization. */
const WORKSHOP = {
  title: 'Local strength workshop series', provider: { id: 'my-gym', name: 'My Gym' }, price: 50, hours: 20, format: 'in-person',
  availability: { kind: 'sessions', dates: ['2026-09-12', '2027-03-13'] }, credits: [{ body: 'nasm', units: 2.0 }], repeatable: true,
};

vi.setConfig({ testTimeout: 60_000 });

await describeEachStore('HTTP planned items: sample prices flagged', { describe, it }, (backend) => {
  const app = useApp('all', async () => {
    const app = await startTestApp(backend);
    expect((await app.call('POST', '/api/people/me/import', TWO_CYCLES)).status).toBe(200);
    return app;
  });

  it('flags a shipped sample offering as sample data and the person\'s own offering as not', async () => {
    const shipped = await app.call('POST', '/api/people/me/plan', { horizonCycles: 1 });
    expect(shipped.body.sampleData).toBe(true);
    const added = await app.call('POST', '/api/people/me/planned-items', { mode: 'keep', items: shipped.body.steps });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.added.map((i: any) => i.sampleData)).toEqual(shipped.body.steps.map(() => true));

    expect((await app.call('POST', '/api/people/me/offerings', WORKSHOP)).status).toBe(201);
    const own = await app.call('POST', '/api/people/me/plan', { horizonCycles: 1 });
    const workshop = own.body.steps.filter((s: any) => s.offering.id === 'own:o1');
    expect(workshop).toHaveLength(1);
    const replaced = await app.call('POST', '/api/people/me/planned-items', { mode: 'replace', items: workshop });
    expect(replaced.body.added.map((i: any) => [i.offeringId, i.sampleData])).toEqual([['own:o1', false]]);

    const listed = (await app.call('GET', '/api/people/me/planned-items')).body;
    expect(listed.map((i: any) => [i.offeringId, i.sampleData])).toEqual([['own:o1', false]]);
  });
});
