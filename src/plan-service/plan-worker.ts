/**
 * A plan worker thread: receives the catalogs once (workerData), then solves one task at a time with
 * the pure planner on HiGHS (WebAssembly), off the server's event loop. plan-pool.ts starts these.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { withOwnOfferings } from '../catalog/own-offering.js';
import { planJson } from '../planner/plan-json.js';
import { plan } from '../planner/plan.js';
import { RecertError } from '../shared/recert-error.js';
import { PLAN_WORKER_NICE, type PlanReply, type PlanTask, type PlanWorkerData } from './plan-task.js';

const { catalog, courses, warmUp } = workerData as PlanWorkerData;

// Solving is background work; answering requests is not. On Linux a priority set with pid 0 applies to
// the calling thread only, so this worker yields the CPU to the server's event loop when both want it.
try {
  setPriority(0, PLAN_WORKER_NICE);
} catch {
  // Not permitted or not supported here: run at normal priority.
}

// Requests that arrive during the warm-up wait for it (one solve at a time per worker).
const ready: Promise<unknown> = warmUp === undefined ? Promise.resolve() : solve(0, warmUp);

parentPort!.on('message', (message: { id: number; task: PlanTask }) => {
  void ready.then(() => solve(message.id, message.task)).then((reply) => parentPort!.postMessage(reply));
});

async function solve(id: number, task: PlanTask): Promise<PlanReply> {
  try {
    const all = withOwnOfferings(courses, task.ownOfferings);
    const result = await plan(catalog, all, task.profile, task.asOf, task.options);
    return { id, ok: true, plan: planJson(catalog, all, task.profile, task.asOf, result, task.options) };
  } catch (error) {
    if (error instanceof RecertError) return { id, ok: false, issues: error.issues, message: error.message };
    return { id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
