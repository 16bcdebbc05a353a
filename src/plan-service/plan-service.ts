/**
 * Plans for people over HTTP: loads nothing itself (the route passes the wallet), runs the planner in
 * the worker pool, and keeps one queue per person: a second plan request for someone whose plan is
 * still being solved waits for it, then runs (FIFO). At most MAX_PER_PERSON requests per person are
 * running or waiting; more are refused with PLAN_BUSY (HTTP 429) instead of piling up.
 * Different people's plans run side by side, up to the pool's size.
 */
import { RecertError } from '../shared/recert-error.js';
import type { PlanJson } from '../planner/plan-json.js';
import { PlanPool } from './plan-pool.js';
import type { PlanTask, PlanWorkerData } from './plan-task.js';

/** What solves one task: the worker pool; tests pass a stand-in. */
export interface PlanRunner {
  run(task: PlanTask): Promise<PlanJson>;
  close(): Promise<void>;
}

export const MAX_PER_PERSON = 4;

export class PlanService {
  private readonly pool: PlanRunner;
  private readonly tails = new Map<string, { tail: Promise<unknown>; count: number }>();

  constructor(runner: PlanRunner);
  constructor(data: PlanWorkerData, poolSize?: number);
  constructor(source: PlanWorkerData | PlanRunner, poolSize?: number) {
    this.pool = 'run' in source ? source : new PlanPool(source, poolSize);
  }

  /** Runs after every earlier request of the same person has finished. */
  plan(personId: string, task: PlanTask): Promise<PlanJson> {
    const queue = this.tails.get(personId) ?? { tail: Promise.resolve(), count: 0 };
    if (queue.count >= MAX_PER_PERSON) {
      return Promise.reject(new RecertError([{ code: 'PLAN_BUSY', path: 'params.personId', message: `${queue.count} plans for "${personId}" are already running or waiting; try again when one has finished` }]));
    }
    const run = queue.tail.then(() => this.pool.run(task), () => this.pool.run(task));
    const settled = run.then(() => undefined, () => undefined);
    queue.count++;
    queue.tail = settled;
    this.tails.set(personId, queue);
    void settled.then(() => {
      queue.count--;
      if (queue.count === 0 && this.tails.get(personId) === queue) this.tails.delete(personId);
    });
    return run;
  }

  /** Starts the workers now rather than on the first plan (the server does, at start). */
  start(): void {
    if (this.pool instanceof PlanPool) this.pool.start();
  }

  /** Plans running or waiting for a person (for tests and the health of the queue). */
  pending(personId: string): number {
    return this.tails.get(personId)?.count ?? 0;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
