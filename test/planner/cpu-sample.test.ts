import { describe, expect, it } from 'vitest';
import { cpuSample, othersBusy, shouldRace, type CpuSample } from '../../src/parallel/cpu-sample.js';

const sample = (at: number, busy: number, own: number): CpuSample => ({ at, busy, own });

describe('whether HiGHS threads race (cpu-sample.ts)', () => {
  it('counts what other processes used, not this process', () => {
    // 400 ms: the machine was busy 500 ms in all, 420 of them this process (its threads included).
    expect(othersBusy(sample(1000, 50_000, 900), sample(1400, 50_500, 1320))).toBeCloseTo(0.2);
    // Counter ticks can make this process look busier than the machine: never below zero.
    expect(othersBusy(sample(0, 100, 0), sample(200, 290, 200))).toBe(0);
  });

  it('says nothing from a window too short for 10 ms counters', () => {
    expect(othersBusy(sample(0, 0, 0), sample(99, 99, 0))).toBeUndefined();
    expect(othersBusy(sample(0, 0, 0), sample(100, 100, 0))).toBe(1);
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
