import { describe, expect, it } from 'vitest';
import { MilpBuilder } from './milp.js';
import { highsSolver } from './solve-highs.js';

/** Cover 1,000 units with items of awkward sizes and prices: the LP bound is below the optimum. */
function knapsackCover() {
  const b = new MilpBuilder();
  const terms: [number, number][] = [];
  for (let i = 0; i < 40; i++) {
    const size = 97 + ((i * 37) % 113);
    terms.push([b.column(`x${i}`, size + ((i * 53) % 29), 0, 1, true), size]);
  }
  b.row('cover', 1000, Infinity, terms);
  return b.build();
}

describe('HiGHS with stopWithin', () => {
  it('"stopped" is never a proof: a plan at least 1 above the bound, never below the optimum; without it, the optimum', async () => {
    const milp = knapsackCover();
    const exact = await highsSolver.solve(milp, { timeLimitSeconds: 20 });
    expect(exact.status).toBe('optimal');
    const optimum = exact.objective!;
    const statuses: string[] = [];
    for (const stopWithin of [1, 10, 100, 10_000]) {
      const early = await highsSolver.solve(milp, { timeLimitSeconds: 20, stopWithin });
      expect(['optimal', 'stopped']).toContain(early.status);
      statuses.push(early.status);
      expect(early.objective!).toBeGreaterThanOrEqual(optimum - 1e-6);
      if (early.status === 'optimal') expect(early.objective!).toBeCloseTo(optimum, 6);
      else {
        expect(early.objective! - early.bound!).toBeGreaterThanOrEqual(1 - 1e-6);
        expect(early.bound!).toBeLessThanOrEqual(optimum + 1e-6);
        expect(early.objective! - early.bound!).toBeLessThanOrEqual(stopWithin + 1e-6);
      }
    }
    // The instance is chosen so that HiGHS does stop before a proof.
    expect(statuses).toContain('stopped');
  });
});
