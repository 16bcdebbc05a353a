/**
 * HiGHS in worker threads, so that two MILPs can run at once on a machine with two or more cores (a MILP
 * blocks the thread that runs it: HiGHS's `run()` is synchronous). `recert plan` passes them to `plan()`
 * (PlanOptions.runners), whose solve-part.ts races the cores of different guessed costs on them; the
 * answer is the one the MILPs solved one after another would give. Outside the domain: threads and the
 * load average are the process's business (the API server has its own pool of plan threads instead).
 *
 * The workers run the source text of `runMilp` (solve-highs.ts), so they need no TypeScript loader; they
 * are created on first use, up to two are kept idle for the life of the process, and they do not keep it
 * alive (`unref`). A job can be cancelled: its thread is terminated mid-run (HiGHS's run cannot be
 * interrupted otherwise) and a new one is started for a later job.
 */
import { availableParallelism, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { cpuSample, othersBusy, shouldRace, type CpuSample } from './cpu-sample.js';
import type { Milp, MilpJob, MilpResult, MilpRunner, MilpSolveOptions } from '../planner/milp.js';
import { milpOptions, modelData, runMilp } from '../planner/solve-highs.js';

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

/** Idle worker threads with HiGHS loaded (or loading), ready for a job. */
const idle: Worker[] = [];
/** Idle threads kept at most; a thread leased beyond that is ended when its job is done. */
const KEEP_IDLE = 2;
let highsUrl: string | undefined;

function spawn(): Worker {
  highsUrl ??= pathToFileURL(createRequire(import.meta.url).resolve('highs')).href.replace(/highs\.js$/, 'highs.mjs');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { highs: highsUrl } });
  worker.unref();
  return worker;
}

/**
 * Each job leases a thread of its own (an idle one, or a new one), so that plans made at the same time
 * (the API server) never share a run, and cancelling a job ends only its own thread.
 */
class WorkerRunner implements MilpRunner {
  warm(): void {
    if (idle.length < KEEP_IDLE) idle.push(spawn());
  }

  run(milp: Milp, options: MilpSolveOptions): MilpJob {
    const worker = idle.pop() ?? spawn();
    const data = modelData({ infinity: Infinity }, milp, true);
    let settle: { resolve: (r: MilpResult) => void; reject: (e: Error) => void } | null = null;
    const result = new Promise<MilpResult>((resolve, reject) => { settle = { resolve, reject }; });
    const onMessage = (message: { ok: boolean; result?: MilpResult; message?: string }): void => {
      detach();
      if (idle.length < KEEP_IDLE) idle.push(worker);
      else void worker.terminate();
      if (message.ok) settle!.resolve(message.result!);
      else settle!.reject(new Error(message.message));
    };
    const onError = (error: Error): void => { detach(); settle!.reject(error); };
    const onExit = (code: number): void => { detach(); settle!.reject(new Error(`HiGHS worker thread exited (${code})`)); };
    const detach = (): void => { worker.off('message', onMessage); worker.off('error', onError); worker.off('exit', onExit); };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ data, options: milpOptions(options), start: options.start });
    return {
      result,
      cancel: () => {
        detach();
        void worker.terminate();
      },
    };
  }
}

const pool: readonly MilpRunner[] = [new WorkerRunner(), new WorkerRunner(), new WorkerRunner()];

/**
 * HiGHS worker threads, one per core up to three (two on this two-core machine), when the machine has a
 * core to spare (shouldRace): the threads only help when they really run at the same time as the
 * planner's own thread (on a machine whose other core is busy, racing MILPs made each plan slower). Give
 * `since`, a cpuSample() taken a moment before (`recert plan` takes it when it starts, before reading its
 * files), to judge by what other processes did since then; without it, or after less than 100 ms, the
 * one-minute load average judges (it lags: runs that just ended still count). The planner races on all
 * but the last while its own thread solves a MILP, and on the last one too once its own thread only
 * waits (solve-part.ts), so that as many MILPs run as there are cores. Else none, and the caller solves
 * in its own thread, one MILP after another.
 */
export function highsRunners(since?: CpuSample): readonly MilpRunner[] {
  const cores = availableParallelism();
  const others = since === undefined ? undefined : othersBusy(since, cpuSample(), cores);
  return shouldRace(cores, others, loadavg()[0]!) ? pool.slice(0, Math.min(cores, pool.length)) : [];
}

/** The HiGHS worker threads (three), whatever the load (for measurements). */
export function highsWorkerPool(): readonly MilpRunner[] {
  return pool;
}
