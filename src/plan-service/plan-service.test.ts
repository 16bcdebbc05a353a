import { describe, expect, it } from 'vitest';
import type { PlanJson } from '../planner/plan-json.js';
import type { PlanTask } from './plan-task.js';
import { MAX_PER_PERSON, PlanService, type PlanRunner } from './plan-service.js';

/** A runner whose tasks finish when the test says so, recording when each starts. */
function manualRunner() {
  const started: string[] = [];
  const finish = new Map<string, (plan: PlanJson) => void>();
  const runner: PlanRunner = {
    run(task) {
      const label = task.asOf;
      started.push(label);
      return new Promise((resolve) => finish.set(label, resolve));
    },
    async close() {},
  };
  return { runner, started, finish: (label: string) => finish.get(label)!({ asOf: label } as unknown as PlanJson) };
}

const task = (label: string, person = 'me'): [string, PlanTask] => [person, { asOf: label, profile: { credentials: [], renewals: [], activities: [] }, options: {}, ownOfferings: [] } as unknown as PlanTask];
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PlanService', () => {
  it('runs a second plan for the same person only after the first has finished, in the order asked', async () => {
    const { runner, started, finish } = manualRunner();
    const service = new PlanService(runner);
    const first = service.plan(...task('1'));
    const second = service.plan(...task('2'));
    await tick();
    expect(started).toEqual(['1']);
    expect(service.pending('me')).toBe(2);
    finish('1');
    expect(await first).toEqual({ asOf: '1' });
    await tick();
    expect(started).toEqual(['1', '2']);
    finish('2');
    expect(await second).toEqual({ asOf: '2' });
    await tick();
    expect(service.pending('me')).toBe(0);
  });

  it('runs different people side by side', async () => {
    const { runner, started, finish } = manualRunner();
    const service = new PlanService(runner);
    const a = service.plan(...task('a', 'ann'));
    const b = service.plan(...task('b', 'bob'));
    await tick();
    expect(started).toEqual(['a', 'b']);
    finish('b');
    finish('a');
    await Promise.all([a, b]);
  });

  it('keeps the queue going after a failed plan', async () => {
    let calls = 0;
    const service = new PlanService({
      run: async () => { calls++; if (calls === 1) throw new Error('boom'); return { ok: true } as unknown as PlanJson; },
      close: async () => {},
    });
    const first = service.plan(...task('1'));
    const second = service.plan(...task('2'));
    await expect(first).rejects.toThrow('boom');
    expect(await second).toEqual({ ok: true });
  });

  it(`refuses more than ${MAX_PER_PERSON} plans running or waiting for one person with PLAN_BUSY`, async () => {
    const { runner, finish } = manualRunner();
    const service = new PlanService(runner);
    const accepted = Array.from({ length: MAX_PER_PERSON }, (_, i) => service.plan(...task(String(i))));
    await expect(service.plan(...task('extra'))).rejects.toMatchObject({ issues: [{ code: 'PLAN_BUSY' }] });
    for (let i = 0; i < MAX_PER_PERSON; i++) {
      await tick();
      finish(String(i));
      await accepted[i];
    }
    await tick();
    expect(service.pending('me')).toBe(0);
  });
});
