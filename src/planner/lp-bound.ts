/**
 * LP-based reductions, exact. The LP relaxation of the planning model is solved by column generation
 * (start from a few hundred promising slots, price every other slot against the duals, add those with a
 * negative reduced cost, repeat). From any duals y, recomputed here in double precision,
 *     L(y) = Σ_i y_i·(row bound it presses on) + Σ_j min(d_j·lb_j, d_j·ub_j),   d = c − Aᵀy,
 * is a valid lower bound on every feasible plan (Lagrangian duality; y_i is zeroed where its sign would
 * need an infinite bound), and a plan using slot j costs at least L + d_j when d_j > 0. Costs are
 * integers, so with an incumbent of cost U, a slot with L + d_j > U − 1 can be in no better plan and is
 * dropped (reduced-cost fixing); and when ⌈L⌉ ≥ U the incumbent is proven optimal.
 */
import type { LpResult, Milp } from './milp.js';

export interface Csc {
  readonly start: Int32Array;
  readonly row: Int32Array;
  readonly val: Float64Array;
}

export function toCsc(milp: Milp): Csc {
  const n = milp.columns.length;
  const count = new Int32Array(n + 1);
  for (const r of milp.rows) for (const j of r.idx) count[j + 1]!++;
  for (let j = 0; j < n; j++) count[j + 1]! += count[j]!;
  const start = count.slice();
  const fill = count.slice(0, n);
  const row = new Int32Array(start[n]!);
  const val = new Float64Array(start[n]!);
  milp.rows.forEach((r, i) => r.idx.forEach((j, k) => {
    const at = fill[j]!++;
    row[at] = i;
    val[at] = r.val[k]!;
  }));
  return { start, row, val };
}

export interface Bound {
  readonly value: number;
  readonly reducedCost: Float64Array;
}

/** L(y) and the reduced costs d = c − Aᵀy, with y clamped to the signs its rows allow. */
export function lagrangianBound(milp: Milp, csc: Csc, rowDual: readonly number[]): Bound {
  const y = milp.rows.map((r, i) => {
    const v = rowDual[i] ?? 0;
    if (v > 0 && r.lb === -Infinity) return 0;
    if (v < 0 && r.ub === Infinity) return 0;
    return v;
  });
  let value = 0;
  milp.rows.forEach((r, i) => { if (y[i]! > 0) value += y[i]! * r.lb; else if (y[i]! < 0) value += y[i]! * r.ub; });
  const d = new Float64Array(milp.columns.length);
  milp.columns.forEach((c, j) => {
    let dj = c.cost;
    for (let k = csc.start[j]!; k < csc.start[j + 1]!; k++) dj -= csc.val[k]! * y[csc.row[k]!]!;
    d[j] = dj;
    value += dj > 0 ? dj * c.lb : dj * c.ub;
  });
  return { value: Number.isNaN(value) ? -Infinity : value, reducedCost: d };
}

/**
 * The model restricted to `columns` (in that order). Rows left without a column are dropped when 0
 * satisfies them and kept (unsatisfiable) otherwise, so the restriction stays exact.
 */
export function subModel(milp: Milp, columns: readonly number[]): Milp {
  return restrict(milp, columns).model;
}

/** subModel, with the original index of each row kept. */
export function restrict(milp: Milp, columns: readonly number[]): { model: Milp; rowOf: number[] } {
  const position = new Int32Array(milp.columns.length).fill(-1);
  columns.forEach((j, k) => { position[j] = k; });
  const rows: Milp['rows'][number][] = [];
  const rowOf: number[] = [];
  milp.rows.forEach((r, i) => {
    const idx: number[] = [];
    const val: number[] = [];
    r.idx.forEach((j, k) => { const p = position[j]!; if (p >= 0) { idx.push(p); val.push(r.val[k]!); } });
    if (idx.length > 0 || r.lb > 0 || r.ub < 0) { rows.push({ name: r.name, lb: r.lb, ub: r.ub, idx, val }); rowOf.push(i); }
  });
  return { model: { columns: columns.map((j) => milp.columns[j]!), rows }, rowOf };
}

export interface LpReduction {
  readonly bound: number;
  readonly reducedCost: Float64Array;
  /** Columns of the last restricted LP: a good small set for a first MILP (its optimum is an incumbent). */
  readonly working: readonly number[];
  /** The LP optimum's value of every column (0 outside the working set). */
  readonly values: Float64Array;
  readonly rounds: number;
}

/**
 * Column generation over the x columns `0 .. xCount − 1`; every other column is always in. Returns null
 * when the LP cannot be solved (the caller then solves the model as it is).
 */
export async function lpReduce(
  milp: Milp, xCount: number, initial: Iterable<number>, solveLp: (m: Milp) => Promise<LpResult>, maxRounds = 40,
): Promise<LpReduction | null> {
  const csc = toCsc(milp);
  const inSet = new Uint8Array(milp.columns.length);
  for (let j = xCount; j < milp.columns.length; j++) inSet[j] = 1;
  for (const j of initial) inSet[j] = 1;
  for (let round = 1; round <= maxRounds; round++) {
    const working = [...inSet.keys()].filter((j) => inSet[j] === 1);
    const { model, rowOf } = restrict(milp, working);
    const lp = await solveLp(model);
    if (lp.status === 'infeasible' && working.length < milp.columns.length) { inSet.fill(1); continue; }
    if (lp.status !== 'optimal') return null;
    const duals = new Array<number>(milp.rows.length).fill(0);
    rowOf.forEach((i, k) => { duals[i] = lp.rowDual[k] ?? 0; });
    const bound = lagrangianBound(milp, csc, duals);
    const negative: number[] = [];
    for (let j = 0; j < xCount; j++) if (inSet[j] === 0 && bound.reducedCost[j]! < -1e-9) negative.push(j);
    if (negative.length === 0) {
      const values = new Float64Array(milp.columns.length);
      working.forEach((j, k) => { values[j] = lp.values[k] ?? 0; });
      return { bound: bound.value, reducedCost: bound.reducedCost, working: working.filter((j) => j < xCount), values, rounds: round };
    }
    negative.sort((a, b) => bound.reducedCost[a]! - bound.reducedCost[b]!);
    for (const j of negative.slice(0, Math.max(200, Math.ceil(working.length / 2)))) inSet[j] = 1;
  }
  return null;
}

/** x columns that may still be in a plan cheaper than `incumbent` (integer costs). */
export function survivors(reduction: LpReduction, xCount: number, incumbent: number): number[] {
  const keep: number[] = [];
  const limit = incumbent - 1 + 1e-6 * Math.max(1, Math.abs(incumbent));
  for (let j = 0; j < xCount; j++) if (reduction.bound + Math.max(0, reduction.reducedCost[j]!) <= limit) keep.push(j);
  return keep;
}
