/**
 * Whether the machine has a core to spare for HiGHS worker threads, judged by what other processes did
 * over the last moments: two samples of the machine's busy CPU time and of this process's own. Small on
 * purpose: `recert plan` takes its first sample before it loads anything else.
 */
import { cpus } from 'node:os';

/** The machine's busy CPU time and this process's own, at one moment. */
export interface CpuSample {
  /** performance.now() when taken, ms. */
  readonly at: number;
  /** Busy time of all cores since boot (user, nice, system, irq), ms. */
  readonly busy: number;
  /** This process's CPU time (every thread: V8's compiler and GC threads included), ms. */
  readonly own: number;
}

export function cpuSample(): CpuSample {
  let busy = 0;
  for (const { times } of cpus()) busy += times.user + times.nice + times.sys + times.irq;
  const own = process.cpuUsage();
  return { at: performance.now(), busy, own: (own.user + own.system) / 1000 };
}

/** Below this window, CPU counters (10 ms ticks) say too little: the load average decides. */
const MIN_WINDOW_MS = 100;

/**
 * How many cores other processes kept busy on average between two samples, or undefined when the window
 * is too short to tell. Pure: the samples carry everything.
 */
export function othersBusy(since: CpuSample, now: CpuSample): number | undefined {
  const window = now.at - since.at;
  if (!(window >= MIN_WINDOW_MS)) return undefined;
  return Math.max(0, (now.busy - since.busy - (now.own - since.own)) / window);
}

/**
 * Whether to race: with two cores or more, when other processes leave at least half a core beside the
 * planner's own thread. `others`: their average use over the last moments (othersBusy), or else the
 * one-minute load average, which also counts this process and any recert run that just ended.
 */
export function shouldRace(cores: number, others: number | undefined, loadAverage: number): boolean {
  if (cores < 2) return false;
  return others !== undefined ? others <= cores - 1.5 : loadAverage <= cores - 0.5;
}
