/**
 * A plan worker thread: receives the catalogs once (workerData), then solves one task at a time with
 * the pure planner on HiGHS (WebAssembly), off the server's event loop. plan-pool.ts starts these.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { withOwnOfferings } from '../catalog/own-offering.js';
import { planJson } from '../planner/plan-json.js';
import { plan } from '../planner/plan.js';
import { RecertError } from '../shared/recert-error.js';
import type { PlanReply, PlanTask, PlanWorkerData } from './plan-task.js';

const { catalog, courses } = workerData as PlanWorkerData;

parentPort!.on('message', (message: { id: number; task: PlanTask }) => {
  void solve(message.id, message.task).then((reply) => parentPort!.postMessage(reply));
});

async function solve(id: number, task: PlanTask): Promise<PlanReply> {
  try {
    const all = withOwnOfferings(courses, task.ownOfferings);
    const result = await plan(catalog, all, task.profile, task.asOf, task.options);
    return { id, ok: true, plan: planJson(catalog, all, task.profile, task.asOf, result) };
  } catch (error) {
    if (error instanceof RecertError) return { id, ok: false, issues: error.issues, message: error.message };
    return { id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
