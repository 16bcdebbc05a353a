/** A person's own offerings (CRUD, used by the planner) and planned items (add, list, replace, remove, done). */
import { describe, expect, it, vi } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp } from './start-test-app.js';
import { SEED, TWO_CYCLES } from './plan-fixtures.js';
import { useApp } from './use-app.js';

vi.setConfig({ testTimeout: 60_000 });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** A cheap local workshop worth a whole NASM cycle: the planner should pick it over any specialization. */
export const WORKSHOP = {
  title: 'Local strength workshop series',
  provider: { id: 'my-gym', name: 'My Gym' },
  price: 50,
  hours: 20,
  format: 'in-person',
  availability: { kind: 'sessions', dates: ['2026-09-12', '2027-03-13', '2028-03-11'] },
  credits: [{ body: 'nasm', units: 2.0 }],
  repeatable: true,
  url: 'https://example.org/workshops',
};

await describeEachStore('HTTP own offerings and planned items', { describe, it }, (backend) => {
  const app = useApp('each', () => startTestApp(backend));

  it('adds, lists, gets and removes own offerings, with change-log rows', async () => {
    const added = await app.call('POST', '/api/people/me/offerings', WORKSHOP);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ ...WORKSHOP, id: 'o1' });
    const second = await app.call('POST', '/api/people/me/offerings', { ...WORKSHOP, title: 'Another', availability: { kind: 'self-paced' } });
    expect(second.body.id).toBe('o2');
    expect((await app.call('GET', '/api/people/me/offerings')).body.map((o: any) => o.id)).toEqual(['o1', 'o2']);
    expect((await app.call('GET', '/api/people/me/offerings/o2')).body.title).toBe('Another');
    expect((await app.call('DELETE', '/api/people/me/offerings/o1')).status).toBe(204);
    expect((await app.call('GET', '/api/people/me/offerings/o1')).status).toBe(404);
    expect((await app.call('DELETE', '/api/people/me/offerings/o1')).status).toBe(404);
    const third = await app.call('POST', '/api/people/me/offerings', WORKSHOP);
    expect(third.body.id).toBe('o3');
    const changes = (await app.call('GET', '/api/people/me/changes')).body;
    expect(changes.filter((c: any) => c.entity === 'offering').map((c: any) => [c.action, c.entityId])).toEqual([['create', 'o3'], ['delete', 'o1'], ['create', 'o2'], ['create', 'o1']]);
  });

  it('refuses bad offerings with 400 and the field path', async () => {
    const cases: [unknown, string][] = [
      [{ ...WORKSHOP, credits: [{ body: 'nope', units: 1 }] }, 'body.credits[0].body'],
      [{ ...WORKSHOP, credits: [{ body: 'ace', units: 1, category: 'juggling' }] }, 'body.credits[0].category'],
      [{ ...WORKSHOP, earns: 'no-such-program' }, 'body.earns'],
      [{ ...WORKSHOP, price: -5 }, 'body.price'],
      [{ ...WORKSHOP, format: 'video' }, 'body.format'],
      [{ ...WORKSHOP, availability: { kind: 'sessions', dates: ['2026-02-30'] } }, 'body.availability.dates[0]'],
      [{ ...WORKSHOP, availability: { kind: 'self-paced', from: '2027-01-01', until: '2026-01-01' } }, 'body.availability.until'],
      [{ ...WORKSHOP, credits: [] }, 'body.credits'],
      [{ ...WORKSHOP, url: 'not a url' }, 'body.url'],
      [{ ...WORKSHOP, provider: { id: 'My Gym', name: 'x' } }, 'body.provider.id'],
    ];
    for (const [body, path] of cases) {
      const response = await app.call('POST', '/api/people/me/offerings', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.issues.map((i: any) => i.path), JSON.stringify(body)).toContain(path);
    }
    expect((await app.call('GET', '/api/people/me/offerings')).body).toEqual([]);
    expect((await app.call('POST', '/api/people/nobody/offerings', WORKSHOP)).status).toBe(404);
  });

  it('plans with the shipped catalog plus the person\'s own offerings, under "own:" ids', async () => {
    await app.call('POST', '/api/people/me/import', TWO_CYCLES);
    const before = await app.call('POST', '/api/people/me/plan', { horizonCycles: 2 });
    expect(before.body.totals.price).toBe(923);
    await app.call('POST', '/api/people/me/offerings', WORKSHOP);
    const after = await app.call('POST', '/api/people/me/plan', { horizonCycles: 2 });
    expect(after.status).toBe(200);
    expect(after.body.steps.map((s: any) => s.offering.id)).toContain('own:o1');
    expect(after.body.totals.price).toBeLessThan(923);
    expect(after.body.verification.ok).toBe(true);
    // Excluding its provider leaves it out again.
    const excluded = await app.call('POST', '/api/people/me/plan', { horizonCycles: 2, excludeProviders: ['my-gym'] });
    expect(excluded.body.totals.price).toBe(923);
  });

  it('adds a plan\'s steps as planned items with a server-side snapshot, lists, keeps or replaces them, and removes one', async () => {
    await app.call('POST', '/api/people/me/import', TWO_CYCLES);
    const plan = (await app.call('POST', '/api/people/me/plan', { horizonCycles: 2 })).body;
    const steps = plan.steps.map((s: any) => ({ ...s, offering: { ...s.offering, title: 'client says something else', price: 0 } }));
    const added = await app.call('POST', '/api/people/me/planned-items', { items: steps });
    expect(added.status).toBe(201);
    expect(added.body.removed).toEqual([]);
    expect(added.body.added.map((i: any) => i.id)).toEqual(steps.map((_: unknown, n: number) => `p${n + 1}`));
    const pes = added.body.added.find((i: any) => i.offeringId === 'nasm-pes-course');
    expect(pes).toMatchObject({ title: 'NASM Performance Enhancement Specialist (PES) course and exam', price: 449, hours: 30, format: 'online', earns: 'nasm-pes', credits: [] });
    // CES and PES cost the same in either cycle: which one the optimum puts first is a tie, so the
    // snapshot is checked against the plan's own step.
    const pesStep = plan.steps.find((s: any) => s.offering.id === 'nasm-pes-course');
    expect(pes.counts).toEqual([expect.objectContaining({ credential: 'cpt', ordinal: pesStep.counts[0].ordinal, via: 'grant', units: 1.9 })]);
    expect((await app.call('GET', '/api/people/me/planned-items')).body).toEqual(added.body.added);

    const kept = await app.call('POST', '/api/people/me/planned-items', { mode: 'keep', items: [plan.steps[0]] });
    expect(kept.body.added[0].id).toBe(`p${steps.length + 1}`);
    expect((await app.call('GET', '/api/people/me/planned-items')).body).toHaveLength(steps.length + 1);

    const replaced = await app.call('POST', '/api/people/me/planned-items', { mode: 'replace', items: [plan.steps[1]] });
    expect(replaced.body.removed).toHaveLength(steps.length + 1);
    const open = (await app.call('GET', '/api/people/me/planned-items')).body;
    expect(open.map((i: any) => i.offeringId)).toEqual([plan.steps[1].offering.id]);

    expect((await app.call('DELETE', `/api/people/me/planned-items/${open[0].id}`)).status).toBe(204);
    expect((await app.call('GET', '/api/people/me/planned-items')).body).toEqual([]);
    expect((await app.call('DELETE', `/api/people/me/planned-items/${open[0].id}`)).status).toBe(404);
  });

  it('refuses planned items naming unknown offerings or bad dates, writing nothing', async () => {
    await app.call('POST', '/api/people/me/import', TWO_CYCLES);
    const plan = (await app.call('POST', '/api/people/me/plan', { horizonCycles: 2 })).body;
    const bad = [plan.steps[0], { ...plan.steps[1], offering: { id: 'own:o9' } }, { ...plan.steps[0], by: '2020-01-01' }];
    const response = await app.call('POST', '/api/people/me/planned-items', { mode: 'replace', items: bad });
    expect(response.status).toBe(400);
    expect(response.body.issues.map((i: any) => i.path)).toEqual(['body.items[1].offering.id', 'body.items[2].by']);
    expect((await app.call('POST', '/api/people/me/planned-items', { items: [{ ...plan.steps[0], completed: '2027-02-29' }] })).body.issues[0].path).toBe('body.items[0].completed');
    expect((await app.call('POST', '/api/people/me/planned-items', { mode: 'merge', items: [] })).body.issues[0].path).toBe('body.mode');
    expect((await app.call('GET', '/api/people/me/planned-items')).body).toEqual([]);
  });

  it('marks a planned item done in one step: the activity (with its certificate) and the earned credential appear, the card turns current', async () => {
    await app.call('POST', '/api/people/me/import', SEED);
    // The seed's NASM-CPT was renewed early on 2027-01-10: the next cycle needs 2.0 CEU and a current CPR/AED card.
    const statusBefore = await app.call('GET', '/api/people/me/status?asOf=2029-01-15');
    expect(statusBefore.body.credentials.find((c: any) => c.id === 'cpt').status).not.toBe('current');
    const plan = (await app.call('POST', '/api/people/me/plan', {})).body;
    const { added } = (await app.call('POST', '/api/people/me/planned-items', { items: plan.steps })).body;
    const pes = added.find((i: any) => i.earns === 'nasm-pes');
    const cpr = added.find((i: any) => i.earns === 'cpr-aed');

    const form = new FormData();
    form.append('completed', '2027-03-01');
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'pes-certificate.pdf');
    const doneResponse = await fetch(`${app.base}/api/people/me/planned-items/${pes.id}/done`, { method: 'POST', body: form });
    const done = await doneResponse.json() as any;
    expect(doneResponse.status, JSON.stringify(done)).toBe(201);
    expect(done.activity).toMatchObject({ title: pes.title, completed: '2027-03-01', hours: 30, credits: [], evidence: [expect.objectContaining({ name: 'pes-certificate.pdf', type: 'application/pdf' })] });
    expect(done.credential).toMatchObject({ program: 'nasm-pes', earned: '2027-03-01' });
    expect(done.item.id).toBe(pes.id);

    const cprDone = await app.call('POST', `/api/people/me/planned-items/${cpr.id}/done`, { completed: cpr.planned });
    expect(cprDone.status).toBe(201);
    expect(cprDone.body.credential).toMatchObject({ program: 'cpr-aed', earned: cpr.planned });

    expect((await app.call('GET', '/api/people/me/planned-items')).body).toEqual([]);
    const activities = (await app.call('GET', '/api/people/me/activities')).body;
    expect(activities.map((a: any) => a.id)).toEqual(expect.arrayContaining([done.activity.id, cprDone.body.activity.id]));
    const statusAfter = await app.call('GET', '/api/people/me/status?asOf=2029-01-15');
    expect(statusAfter.body.credentials.find((c: any) => c.id === 'cpt').status).toBe('current');
    // Done twice: the second finds it gone.
    expect((await app.call('POST', `/api/people/me/planned-items/${pes.id}/done`, {})).status).toBe(404);
    const changes = (await app.call('GET', '/api/people/me/changes')).body;
    expect(changes.some((c: any) => c.entity === 'planned-item' && c.entityId === pes.id && c.action === 'delete')).toBe(true);
  });

  it('writes nothing when the certificate is refused, and marks it done once when asked twice at once', async () => {
    await app.call('POST', '/api/people/me/import', SEED);
    const plan = (await app.call('POST', '/api/people/me/plan', {})).body;
    const { added } = (await app.call('POST', '/api/people/me/planned-items', { items: plan.steps })).body;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('<html>nope</html>')]), 'certificate.pdf');
    const refused = await fetch(`${app.base}/api/people/me/planned-items/${added[0].id}/done`, { method: 'POST', body: form });
    expect(refused.status).toBe(415);
    expect((await app.call('GET', '/api/people/me/planned-items')).body).toHaveLength(added.length);
    const activitiesBefore = (await app.call('GET', '/api/people/me/activities')).body.length;
    expect((await app.call('POST', `/api/people/me/planned-items/${added[0].id}/done`, { completed: '2027-02-30' })).body.issues[0].path).toBe('body.completed');

    const both = await Promise.all([1, 2].map(() => app.call('POST', `/api/people/me/planned-items/${added[0].id}/done`, { completed: '2027-03-01' })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 404]);
    expect((await app.call('GET', '/api/people/me/activities')).body).toHaveLength(activitiesBefore + 1);
  });
});
