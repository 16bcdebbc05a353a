/** POST /api/people/:id/plan: the planner over HTTP, in worker threads, one queue per person. */
import { describe, expect, it, vi } from 'vitest';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { DEFAULT_COURSE_DIR, readCourseDir } from '../../src/io/read-course-dir.js';
import { planJson } from '../../src/planner/plan-json.js';
import { plan } from '../../src/planner/plan.js';
import { profileSchema } from '../../src/profile/profile-schema.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { SEED, TWO_CYCLES } from './plan-fixtures.js';
import { startTestApp, TODAY } from './start-test-app.js';
import { useApp } from './use-app.js';


// Plans take a second or two each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const titles = (body: any): string[] => body.steps.map((s: any) => s.offering.title);
const withoutTimings = (json: any) => ({ ...json, stats: { ...json.stats, solverSeconds: 0 } });

await describeEachStore('HTTP plan', { describe, it }, (backend) => {
  const app = useApp('all', async () => {
    const app = await startTestApp(backend);
    expect((await app.call('POST', '/api/people/me/import', SEED)).status).toBe(200);
    expect((await app.call('POST', '/api/people', { id: 'two', name: 'Two cycles' })).status).toBe(201);
    expect((await app.call('POST', '/api/people/two/import', TWO_CYCLES)).status).toBe(200);
    return app;
  });

  it('answers the same JSON as `recert plan --json` for the seed wallet, as of the server\'s today', async () => {
    const response = await app.call('POST', '/api/people/me/plan', {});
    expect(response.status).toBe(200);
    const catalog = readCatalogDir();
    const courses = readCourseDir(DEFAULT_COURSE_DIR, catalog);
    const profile = profileSchema.parse(SEED);
    const expected = planJson(catalog, courses, profile, TODAY, await plan(catalog, courses, profile, TODAY));
    expect(withoutTimings(response.body)).toEqual(withoutTimings(JSON.parse(JSON.stringify(expected))));
    expect(response.body).toMatchObject({ asOf: '2026-06-01', status: 'optimal', verification: { ok: true }, sampleData: true });
    expect(titles(response.body).filter((t) => /Specialist/.test(t))).toHaveLength(1);
  });

  it('plans two cycles with one specialization in each', async () => {
    const response = await app.call('POST', '/api/people/two/plan', { horizonCycles: 2 });
    expect(response.status).toBe(200);
    const { body } = response;
    expect(body.cycles.map((c: any) => [c.credential, c.ordinal])).toEqual([['cpt', 1], ['cpt', 2]]);
    for (const cycle of body.cycles) {
      const specializations = body.steps.filter((s: any) => cycle.steps.includes(s.id) && s.earns !== null && /^nasm-/.test(s.earns.program));
      expect(specializations).toHaveLength(1);
    }
    expect(new Set(body.steps.filter((s: any) => s.earns?.program.startsWith('nasm-')).map((s: any) => s.earns.program))).toEqual(new Set(['nasm-pes', 'nasm-ces']));
    expect(body.totals).toEqual({ price: 923, hours: 63, cost: 92300 });
  });

  it('takes the what-if options: at most 5 hours a month, excluded formats and providers, hours, weighted', async () => {
    const slow = await app.call('POST', '/api/people/two/plan', { horizonCycles: 2, maxHoursPerMonth: 5 });
    expect(slow.status).toBe(200);
    const fast = await app.call('POST', '/api/people/two/plan', { horizonCycles: 2 });
    expect(slow.body.steps.map((s: any) => [s.offering.id, s.from])).not.toEqual(fast.body.steps.map((s: any) => [s.offering.id, s.from]));
    const noBlended = await app.call('POST', '/api/people/two/plan', { horizonCycles: 2, excludeFormats: ['blended'] });
    expect(noBlended.body.steps.every((s: any) => s.offering.format !== 'blended')).toBe(true);
    const noNasm = await app.call('POST', '/api/people/two/plan', { horizonCycles: 2, excludeProviders: ['nasm'] });
    expect(noNasm.body.steps.every((s: any) => s.offering.provider !== 'nasm')).toBe(true);
    const hours = await app.call('POST', '/api/people/two/plan', { horizonCycles: 2, minimize: 'hours' });
    expect(hours.body.minimize).toBe('hours');
    expect(hours.body.totals.hours).toBeLessThanOrEqual(fast.body.totals.hours);
    const weighted = await app.call('POST', '/api/people/two/plan', { horizonCycles: 2, minimize: 'weighted', hourValue: 50 });
    expect(weighted.status).toBe(200);
    expect(weighted.body.totals.cost).toBe(Math.round(weighted.body.totals.price * 100 + 5000 * weighted.body.totals.hours));
  });

  it('lets a held credential lapse by id or by program, and refuses one not held with the field path', async () => {
    const lapse = await app.call('POST', '/api/people/two/plan', { horizonCycles: 2, letLapse: ['nasm-cpt'] });
    expect(lapse.status).toBe(200);
    expect(lapse.body.lettingLapse).toEqual(['cpt']);
    expect(lapse.body.steps).toEqual([]);
    const bad = await app.call('POST', '/api/people/two/plan', { letLapse: ['cpt', 'ace-cpt'] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ code: 'REQUEST_INVALID', path: 'body.letLapse[1]' })]);
  });

  it('answers 400 with the field path for unknown option values and a budget below zero', async () => {
    const cases: [unknown, string][] = [
      [{ minimize: 'fun' }, 'body.minimize'],
      [{ excludeFormats: ['video'] }, 'body.excludeFormats[0]'],
      [{ yearlyBudget: -1 }, 'body.yearlyBudget'],
      [{ horizonYears: 0 }, 'body.horizonYears'],
      [{ horizonYears: 2, horizonCycles: 2 }, 'body.horizonCycles'],
      [{ minimize: 'weighted' }, 'body.hourValue'],
      [{ asOf: '2026-02-30' }, 'body.asOf'],
      [{ timeLimitSeconds: 3600 }, 'body.timeLimitSeconds'],
      [{ colour: 'red' }, 'body'],
    ];
    for (const [body, path] of cases) {
      const response = await app.call('POST', '/api/people/me/plan', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.issues.map((i: any) => i.path), JSON.stringify(body)).toContain(path);
    }
    expect((await app.call('POST', '/api/people/nobody/plan', {})).status).toBe(404);
  });

  it('plans with a yearly budget of 0 only from free offerings, naming what cannot be met', async () => {
    const response = await app.call('POST', '/api/people/two/plan', { horizonCycles: 2, yearlyBudget: 0 });
    expect(response.status).toBe(200);
    expect(response.body.totals.price).toBe(0);
    expect(response.body.infeasible.length + response.body.steps.length).toBeGreaterThan(0);
  });

  it('answers two plans for the same person sent at once, each with its own options (the second queues)', async () => {
    const [first, second] = await Promise.all([
      app.call('POST', '/api/people/two/plan', { horizonCycles: 2 }),
      app.call('POST', '/api/people/two/plan', { horizonCycles: 2, minimize: 'hours' }),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body.minimize).toBe('price');
    expect(second.body.minimize).toBe('hours');
  });

  it('plans for two people at once', async () => {
    const [me, two] = await Promise.all([app.call('POST', '/api/people/me/plan', {}), app.call('POST', '/api/people/two/plan', { horizonCycles: 2 })]);
    expect([me.status, two.status]).toEqual([200, 200]);
    expect(me.body.cycles[0].credential).toBe('cpt');
    expect(two.body.totals.price).toBe(923);
  });

  it('keeps answering /api/health while a plan is being solved', async () => {
    const planning = app.call('POST', '/api/people/two/plan', { horizonCycles: 3, minimize: 'weighted', hourValue: 7 });
    let done = false;
    void planning.then(() => { done = true; });
    const latencies: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 20));
    while (!done && latencies.length < 50) {
      const start = performance.now();
      expect((await app.call('GET', '/api/health')).status).toBe(200);
      latencies.push(performance.now() - start);
    }
    expect((await planning).status).toBe(200);
    // At least one health answer came back while the plan was still running.
    expect(latencies.length).toBeGreaterThan(0);
  });

  it('documents the route and its response in /openapi.json', async () => {
    const doc = (await app.call('GET', '/openapi.json')).body;
    const route = doc.paths['/api/people/{personId}/plan'].post;
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '429']));
    expect(JSON.stringify(route.requestBody)).toContain('PlanRequest');
    expect(Object.keys(doc.components.schemas.PlanRequest.properties)).toEqual(expect.arrayContaining(['asOf', 'horizonYears', 'minimize', 'yearlyBudget', 'letLapse', 'timeLimitSeconds']));
    expect(JSON.stringify(route.responses['200'])).toContain('Plan');
    expect(Object.keys(doc.components.schemas.Plan.properties)).toEqual(expect.arrayContaining(['steps', 'cycles', 'greedy', 'explanation', 'verification']));
  });
});
