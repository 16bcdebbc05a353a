/**
 * A solver-neutral mixed-integer program (minimize), built by build-model.ts and handed to a MilpSolver
 * (HiGHS by default, glpk.js in tests). Rows are sparse: parallel arrays of column indices and values.
 */
export interface MilpColumn {
  readonly name: string;
  readonly cost: number;
  readonly lb: number;
  readonly ub: number;
  readonly integer: boolean;
}

export interface MilpRow {
  readonly name: string;
  readonly lb: number;
  readonly ub: number;
  readonly idx: readonly number[];
  readonly val: readonly number[];
}

export interface Milp {
  readonly columns: readonly MilpColumn[];
  readonly rows: readonly MilpRow[];
}

export type MilpStatus = 'optimal' | 'stopped' | 'feasible' | 'infeasible' | 'no-solution' | 'error';

export interface MilpResult {
  /**
   * optimal: proven; stopped: a solution within the caller's `stopWithin` of the solver's bound, not proven
   * optimal (asked for, never a proof); feasible: a solution, not proven optimal (limit reached);
   * no-solution: limit reached without one.
   */
  readonly status: MilpStatus;
  readonly objective: number | null;
  /** Best proven lower bound (null when unknown). */
  readonly bound: number | null;
  /** Relative gap (objective − bound) / objective, 0 when proven. */
  readonly gap: number | null;
  readonly values: readonly number[];
  /** Solver-reported run time, seconds. */
  readonly seconds: number;
  readonly nodes: number;
  readonly message?: string | undefined;
}

export interface MilpSolveOptions {
  readonly timeLimitSeconds: number;
  /** Values of some columns of a known feasible solution (the others are completed by the solver), to start from. */
  readonly start?: { readonly indices: readonly number[]; readonly values: readonly number[] } | undefined;
  /**
   * false: skip the solver's RENS heuristic (a sub-MIP around the LP solution). Only about speed: it finds
   * the optimum at the root when the LP bound is tight, and costs more than it gains on the later, larger
   * guesses of solve-part.ts, which exist only because the bound was not tight. Default true.
   */
  readonly rens?: boolean | undefined;
  /**
   * Stop at the first solution whose cost is at most this much above the solver's own bound (status
   * `stopped`; a solution proven optimal by the solver's numbers is still `optimal`). For an incumbent
   * that a later, smaller MILP will prove or improve (solve-part.ts); unset: a proven optimum.
   */
  readonly stopWithin?: number | undefined;
}

export interface LpResult {
  readonly status: 'optimal' | 'infeasible' | 'other';
  readonly objective: number | null;
  readonly values: readonly number[];
  /** Row duals y with reduced costs c − Aᵀy (minimization). */
  readonly rowDual: readonly number[];
}

export interface MilpJob {
  readonly result: Promise<MilpResult>;
  /** Stops the run (its result then never settles). */
  cancel(): void;
}

/** A thread that solves one MILP at a time (src/parallel/highs-workers.ts). */
export interface MilpRunner {
  run(milp: Milp, options: MilpSolveOptions): MilpJob;
  /** Gets ready for a job that may come soon (starts a thread and loads HiGHS in it). */
  warm?(): void;
}

export interface MilpSolver {
  readonly name: string;
  solve(milp: Milp, options: MilpSolveOptions): Promise<MilpResult>;
  /** The LP relaxation (integrality dropped), with row duals; solvers without it skip the LP-based reductions. */
  solveLp?(milp: Milp): Promise<LpResult>;
}

/** Mutable builder; `build()` returns the frozen model. */
export class MilpBuilder {
  private readonly columns: MilpColumn[] = [];
  private readonly rows: MilpRow[] = [];

  column(name: string, cost: number, lb: number, ub: number, integer: boolean): number {
    this.columns.push({ name, cost, lb, ub, integer });
    return this.columns.length - 1;
  }

  private mark = new Int32Array(1024);
  private slot = new Int32Array(1024);
  private stamp = 0;

  /** Adds a row; repeated columns are merged and zero coefficients dropped. */
  row(name: string, lb: number, ub: number, terms: ReadonlyMap<number, number> | readonly (readonly [number, number])[]): void {
    if (this.mark.length < this.columns.length) {
      this.mark = new Int32Array(this.columns.length * 2);
      this.slot = new Int32Array(this.columns.length * 2);
      this.stamp = 0;
    }
    this.stamp += 1;
    const idx: number[] = [];
    const val: number[] = [];
    for (const [column, value] of terms instanceof Map ? terms.entries() : terms as readonly (readonly [number, number])[]) {
      if (this.mark[column] === this.stamp) { val[this.slot[column]!]! += value; continue; }
      this.mark[column] = this.stamp;
      this.slot[column] = idx.length;
      idx.push(column);
      val.push(value);
    }
    if (!val.includes(0)) { this.rows.push({ name, lb, ub, idx, val }); return; }
    this.rows.push({ name, lb, ub, idx: idx.filter((_, k) => val[k] !== 0), val: val.filter((v) => v !== 0) });
  }

  get columnCount(): number {
    return this.columns.length;
  }

  build(): Milp {
    return { columns: this.columns.slice(), rows: this.rows.slice() };
  }
}

/** Objective value of `values`, and whether they satisfy every bound and row (within `tolerance`). */
export function checkSolution(milp: Milp, values: readonly number[], tolerance = 1e-6): { feasible: boolean; objective: number } {
  let objective = 0;
  let feasible = values.length === milp.columns.length;
  milp.columns.forEach((c, j) => {
    const v = values[j] ?? 0;
    objective += c.cost * v;
    if (v < c.lb - tolerance || v > c.ub + tolerance) feasible = false;
    if (c.integer && Math.abs(v - Math.round(v)) > tolerance) feasible = false;
  });
  for (const row of milp.rows) {
    let activity = 0;
    row.idx.forEach((j, k) => { activity += row.val[k]! * (values[j] ?? 0); });
    if (activity < row.lb - tolerance * Math.max(1, Math.abs(row.lb)) || activity > row.ub + tolerance * Math.max(1, Math.abs(row.ub))) feasible = false;
  }
  return { feasible, objective };
}
