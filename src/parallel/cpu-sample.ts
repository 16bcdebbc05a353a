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
  /** How many CPUs the counters cover (0 when the system gives none, as some containers do). */
  readonly cpus: number;
}

export function cpuSample(): CpuSample {
  let busy = 0;
  const list = cpus();
  for (const { times } of list) busy += times.user + times.nice + times.sys + times.irq;
  const own = process.cpuUsage();
  return { at: performance.now(), busy, own: (own.user + own.system) / 1000, cpus: list.length };
}

/** Below this window, CPU counters (10 ms ticks) say too little: the load average decides. */
const MIN_WINDOW_MS = 100;

/**
 * How many cores other processes kept busy on average between two samples, or undefined when the samples
 * cannot tell: a window too short for 10 ms counters, no counters at all, counters that did not move or
 * went backwards (a CPU taken away, a virtual machine's clock), or counters for other CPUs than the
 * `cores` this process may use (a container pinned to a few CPUs of a larger host sees the host's).
 * Pure: the samples carry everything.
 */
export function othersBusy(since: CpuSample, now: CpuSample, cores: number): number | undefined {
  const window = now.at - since.at;
  if (!(window >= MIN_WINDOW_MS) || now.cpus === 0 || now.cpus !== since.cpus || now.cpus !== cores) return undefined;
  const busy = now.busy - since.busy;
  if (!(busy > 0)) return undefined;
  const others = (busy - (now.own - since.own)) / window;
  // Counters tick in 10 ms steps: a small negative is rounding, a large one is bad data.
  if (!(others >= -0.25)) return undefined;
  return Math.max(0, others);
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
