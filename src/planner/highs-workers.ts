/**
 * HiGHS in worker threads, so that two MILPs can run at once on a machine with two or more cores (a MILP
 * blocks the thread that runs it: HiGHS's `run()` is synchronous). solve-part.ts uses them to race the
 * cores of different guessed costs; each of those MILPs answers an independent exact question, so which
 * one finishes first changes the time, not the answer's cost.
 *
 * The workers run the source text of `runMilp` (solve-highs.ts), so they need no TypeScript loader; they
 * are created on first use, kept for the life of the process and do not keep it alive (`unref`). A job can
 * be cancelled: the worker is terminated mid-run and a fresh one takes its place on the next job.
 */
import { availableParallelism, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Milp, MilpResult, MilpSolveOptions } from './milp.js';
import { milpOptions, modelData, runMilp } from './solve-highs.js';

export interface MilpJob {
  readonly result: Promise<MilpResult>;
  /** Stops the run (its result then never settles). */
  cancel(): void;
}

/** A thread that solves one MILP at a time. */
export interface MilpRunner {
  run(milp: Milp, options: MilpSolveOptions): MilpJob;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const __name = (f) => f;
const runMilp = ${runMilp.toString()};
const ready = import(workerData.highs).then((m) => {
  const loader = typeof m.default === 'function' ? m.default : m.default.default;
  return loader();
});
parentPort.on('message', async ({ data, options, start }) => {
  try {
    const h = await ready;
    parentPort.postMessage({ ok: true, result: runMilp(h, data, options, start) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.stack || error) });
  }
});
`;

class WorkerRunner implements MilpRunner {
  private worker: Worker | null = null;

  constructor(private readonly highsUrl: string) {}

  /** Starts the thread and its HiGHS now (compiling the WebAssembly takes a while), if not running. */
  warm(): void {
    this.thread();
  }

  private thread(): Worker {
    if (this.worker === null) {
      this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { highs: this.highsUrl } });
      this.worker.unref();
    }
    return this.worker;
  }

  run(milp: Milp, options: MilpSolveOptions): MilpJob {
    const worker = this.thread();
    const data = modelData({ infinity: Infinity }, milp, true);
    let settle: { resolve: (r: MilpResult) => void; reject: (e: Error) => void } | null = null;
    const result = new Promise<MilpResult>((resolve, reject) => { settle = { resolve, reject }; });
    const onMessage = (message: { ok: boolean; result?: MilpResult; message?: string }): void => {
      done();
      if (message.ok) settle!.resolve(message.result!);
      else settle!.reject(new Error(message.message));
    };
    const onError = (error: Error): void => { done(); this.worker = null; settle!.reject(error); };
    const done = (): void => { worker.off('message', onMessage); worker.off('error', onError); };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ data, options: milpOptions(options), start: options.start });
    return {
      result,
      cancel: () => {
        done();
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
      },
    };
  }
}

let pool: WorkerRunner[] | null = null;

/**
 * Two HiGHS worker threads when the machine has a core to spare: at least two cores, and a one-minute
 * load average at least half a core below their number (the threads only help when they really run at
 * the same time: on a machine whose other core is busy, racing two MILPs made each plan slower). Else
 * none, and the caller solves in its own thread, one MILP after another.
 */
export function highsRunners(): readonly MilpRunner[] {
  const cores = availableParallelism();
  if (cores < 2 || loadavg()[0]! > cores - 0.5) return [];
  if (pool === null) {
    const highsUrl = pathToFileURL(createRequire(import.meta.url).resolve('highs')).href.replace(/highs\.js$/, 'highs.mjs');
    pool = [new WorkerRunner(highsUrl), new WorkerRunner(highsUrl)];
  }
  return pool;
}

/** Starts the worker threads (and their HiGHS) of `runners` ahead of their first MILP. */
export function warmRunners(runners: readonly MilpRunner[]): void {
  for (const runner of runners) if (runner instanceof WorkerRunner) runner.warm();
}
