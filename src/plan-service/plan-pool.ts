/**
 * A fixed pool of plan worker threads (node:worker_threads), started on first use. Each worker solves
 * one task at a time; further tasks wait in one FIFO queue. A worker that dies fails its task and is
 * replaced. close() terminates every worker and fails what is still waiting.
 * Under tsx or vitest (this file is .ts) the workers load TypeScript through tsx's loader.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RecertError } from '../shared/recert-error.js';
import type { PlanJson } from '../planner/plan-json.js';
import type { PlanReply, PlanTask, PlanWorkerData } from './plan-task.js';

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './plan-worker.ts' : './plan-worker.js', import.meta.url);

interface Job {
  readonly id: number;
  readonly task: PlanTask;
  resolve(plan: PlanJson): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | null;
}

/** Default size: one worker per spare core, at least one, at most four. RECERT_PLAN_WORKERS overrides. */
export function defaultPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.RECERT_PLAN_WORKERS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export class PlanPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly data: PlanWorkerData, readonly size: number = defaultPoolSize()) {}

  /** Starts every worker now (each runs the warm-up plan, if any) instead of on the first plans. */
  start(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  run(task: PlanTask): Promise<PlanJson> {
    if (this.closed) return Promise.reject(new Error('the plan pool is closed'));
    return new Promise<PlanJson>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('the server is shutting down'));
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.job?.reject(new Error('the server is shutting down'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (slot === undefined && this.slots.length < this.size) slot = this.spawn();
      if (slot === undefined) return;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  private spawn(): Slot {
    const worker = WORKER_URL.pathname.endsWith('.ts')
      // Source run (tests, tsx): register tsx's loader inside the worker, then load the TypeScript file.
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`, { eval: true, workerData: this.data })
      : new Worker(WORKER_URL, { workerData: this.data });
    const slot: Slot = { worker, job: null };
    worker.on('message', (reply: PlanReply) => {
      const job = slot.job;
      if (job === null || job.id !== reply.id) return;
      slot.job = null;
      if (reply.ok) job.resolve(reply.plan);
      else job.reject(reply.issues !== undefined ? new RecertError(reply.issues) : new Error(`plan worker: ${reply.message}`));
      this.dispatch();
    });
    const fail = (error: Error): void => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      slot.job?.reject(error);
      slot.job = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`plan worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }
}

export const planWorkerPath = (): string => fileURLToPath(WORKER_URL);
