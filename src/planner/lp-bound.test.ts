import { describe, expect, it } from 'vitest';
import { lagrangianBound, lpReduce, subModel, survivors, toCsc } from './lp-bound.js';
import { MilpBuilder, type Milp } from './milp.js';
import { highsSolver } from './solve-highs.js';

/** min 6a + 5b + 9c + 4d, 3a + 2b + 5c + 2d ≥ 6, a + b ≤ 1, binaries: optimum 13 (c + d). */
function knapsack(): Milp {
  const b = new MilpBuilder();
  for (const [name, cost] of [['a', 6], ['b', 5], ['c', 9], ['d', 4]] as const) b.column(name, cost, 0, 1, true);
  b.row('cover', 6, Infinity, [[0, 3], [1, 2], [2, 5], [3, 2]]);
  b.row('pick', -Infinity, 1, [[0, 1], [1, 1]]);
  return b.build();
}

describe('the Lagrangian bound', () => {
  it('is a lower bound for any duals, including wrong-signed ones (they are clamped)', () => {
    const milp = knapsack();
    for (const duals of [[0, 0], [1, 0], [2.5, -1], [-3, 4], [10, 10]]) {
      const { value } = lagrangianBound(milp, toCsc(milp), duals);
      expect(value, JSON.stringify(duals)).toBeLessThanOrEqual(13 + 1e-9);
    }
  });

  it('equals the LP optimum at optimal duals, and fixing by reduced cost keeps the optimum', async () => {
    const milp = knapsack();
    const reduction = (await lpReduce(milp, 4, [0], (m) => highsSolver.solveLp!(m)))!;
    const lp = await highsSolver.solveLp!(milp);
    expect(reduction.bound).toBeCloseTo(lp.objective!, 6);
    const keep = survivors(reduction, 4, 14); // an incumbent of cost 14: keep what could reach 13
    const result = await highsSolver.solve(subModel(milp, keep), { timeLimitSeconds: 5 });
    expect(result.objective).toBe(13);
  });
});

describe('subModel', () => {
  it('drops rows left empty when 0 satisfies them, and keeps unsatisfiable ones', () => {
    const milp = knapsack();
    const onlyD = subModel(milp, [3]);
    expect(onlyD.rows.map((r) => r.name)).toEqual(['cover']);
    expect(subModel(milp, []).rows.map((r) => r.name)).toEqual(['cover']);
  });
});
