import { describe, expect, it } from 'vitest';
import { cpuSample, othersBusy, shouldRace, type CpuSample } from '../../src/parallel/cpu-sample.js';

const sample = (at: number, busy: number, own: number, cpus = 2): CpuSample => ({ at, busy, own, cpus });

describe('whether HiGHS threads race (cpu-sample.ts)', () => {
  it('counts what other processes used, not this process', () => {
    // 400 ms: the machine was busy 500 ms in all, 420 of them this process (its threads included).
    expect(othersBusy(sample(1000, 50_000, 900), sample(1400, 50_500, 1320), 2)).toBeCloseTo(0.2);
    // Counter ticks can make this process look a little busier than the machine: never below zero.
    expect(othersBusy(sample(0, 100, 0), sample(200, 290, 200), 2)).toBe(0);
  });

  it('says nothing from a window too short for 10 ms counters', () => {
    expect(othersBusy(sample(0, 0, 0), sample(99, 99, 0), 2)).toBeUndefined();
    expect(othersBusy(sample(0, 0, 0), sample(100, 100, 0), 2)).toBe(1);
  });

  it('says nothing from counters it cannot trust (then the load average decides)', () => {
    // No counters (some containers): busy time never moves, which must not read as an idle machine.
    expect(othersBusy(sample(0, 0, 0, 0), sample(500, 0, 400, 0), 2)).toBeUndefined();
    expect(othersBusy(sample(0, 1000, 0), sample(500, 1000, 400), 2)).toBeUndefined();
    // Counters that went backwards, or far below this process's own time.
    expect(othersBusy(sample(0, 1000, 0), sample(500, 900, 100), 2)).toBeUndefined();
    expect(othersBusy(sample(0, 1000, 0), sample(500, 1100, 400), 2)).toBeUndefined();
    // A CPU taken away between the samples, or counters for more CPUs than this process may use.
    expect(othersBusy(sample(0, 1000, 0, 2), sample(500, 1500, 100, 1), 2)).toBeUndefined();
    expect(othersBusy(sample(0, 1000, 0, 64), sample(500, 9000, 100, 64), 2)).toBeUndefined();
  });

  it('races on two cores when others leave at least half a core beside the planner', () => {
    expect(shouldRace(2, 0.1, 3)).toBe(true); // a high load average from runs that just ended does not count
    expect(shouldRace(2, 0.5, 0)).toBe(true);
    expect(shouldRace(2, 0.6, 0)).toBe(false); // another process keeps the second core busy
    expect(shouldRace(4, 2.4, 0)).toBe(true);
  });

  it('falls back on the load average without a measurement, and never races on one core', () => {
    expect(shouldRace(2, undefined, 1.2)).toBe(true);
    expect(shouldRace(2, undefined, 1.6)).toBe(false);
    expect(shouldRace(1, 0, 0)).toBe(false);
  });

  it('samples this process\'s own CPU time as it works', () => {
    const before = cpuSample();
    const until = performance.now() + 120;
    let spin = 0;
    while (performance.now() < until) spin++;
    const after = cpuSample();
    expect(spin).toBeGreaterThan(0);
    expect(after.own - before.own).toBeGreaterThan(60);
    expect(after.at - before.at).toBeGreaterThanOrEqual(120);
    expect(after.busy).toBeGreaterThanOrEqual(before.busy);
  });
});
