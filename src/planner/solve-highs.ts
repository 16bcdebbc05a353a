/**
 * HiGHS (compiled to WebAssembly, npm `highs`) as the planner's MILP solver. The model is passed as
 * structured data (CSR), not as an LP-format string, so there is nothing to parse and no name limits.
 * A proven optimum is requested: mip_rel_gap = mip_abs_gap = 0, with a time limit; when the limit is
 * reached the incumbent is returned with HiGHS's own gap and bound.
 */
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { LpResult, Milp, MilpResult, MilpSolveOptions, MilpSolver } from './milp.js';

// The package's types describe a CommonJS module, but Node's `import` loads its ES build, whose default
// export is the loader itself; accept either shape.
type Loader = () => Promise<Highs>;
const exported = (highsModule as unknown as { default: Loader | { default: Loader } }).default;
const loadHighs: Loader = typeof exported === 'function' ? exported : exported.default;

let runtime: Promise<Highs> | undefined;

function highs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

export const highsSolver: MilpSolver = {
  name: 'HiGHS',
  async solveLp(milp: Milp): Promise<LpResult> {
    const h = await highs();
    const model = h.createModel();
    try {
      model.passModel(modelData(h, milp, false));
      model.options.set({ output_flag: false, random_seed: 0 });
      const { modelStatus } = model.run();
      if (modelStatus === 8) return { status: 'infeasible', objective: null, values: [], rowDual: [] };
      if (modelStatus !== 7) return { status: 'other', objective: null, values: [], rowDual: [] };
      const solution = model.getSolution();
      return { status: 'optimal', objective: model.getObjectiveValue(), values: Array.from(solution.colValue), rowDual: Array.from(solution.rowDual) };
    } finally {
      model.dispose();
    }
  },
  async solve(milp: Milp, options: MilpSolveOptions): Promise<MilpResult> {
    const h = await highs();
    if (milp.columns.length === 0) return emptyModel(milp);
    const model = h.createModel();
    try {
      model.passModel(modelData(h, milp, true));
      model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, time_limit: options.timeLimitSeconds, random_seed: 0 });
      if (options.start !== undefined) model.setSolution({ indices: options.start.indices, values: options.start.values });
      const { modelStatus } = model.run();
      const seconds = model.getRunTime();
      const nodes = Number(infoOr(model, 'mip_node_count', 0));
      if (modelStatus === 8) return { status: 'infeasible', objective: null, bound: null, gap: null, values: [], seconds, nodes };
      const hasSolution = Number(infoOr(model, 'primal_solution_status', 0)) === 2;
      if (!hasSolution) {
        const status = modelStatus === 7 ? 'error' : limitStatus(modelStatus) ? 'no-solution' : 'error';
        return { status, objective: null, bound: null, gap: null, values: [], seconds, nodes, message: `HiGHS model status ${modelStatus}` };
      }
      const objective = model.getObjectiveValue();
      const bound = Number(infoOr(model, 'mip_dual_bound', objective));
      const gap = modelStatus === 7 ? 0 : Number(infoOr(model, 'mip_gap', NaN));
      return {
        status: modelStatus === 7 ? 'optimal' : 'feasible',
        objective,
        bound: modelStatus === 7 ? objective : bound,
        gap: Number.isFinite(gap) ? gap : null,
        values: Array.from(model.getSolution().colValue),
        seconds,
        nodes,
      };
    } finally {
      model.dispose();
    }
  },
};

function modelData(h: Highs, milp: Milp, integer: boolean): Parameters<ReturnType<Highs['createModel']>['passModel']>[0] {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of milp.rows) {
    for (const j of row.idx) indices.push(j);
    for (const v of row.val) values.push(v);
    starts.push(indices.length);
  }
  const inf = (v: number): number => (v === Infinity ? h.infinity : v === -Infinity ? -h.infinity : v);
  return {
    numCols: milp.columns.length,
    numRows: milp.rows.length,
    colCost: milp.columns.map((c) => c.cost),
    colLower: milp.columns.map((c) => inf(c.lb)),
    colUpper: milp.columns.map((c) => inf(c.ub)),
    rowLower: milp.rows.map((r) => inf(r.lb)),
    rowUpper: milp.rows.map((r) => inf(r.ub)),
    matrix: { format: 'csr', numRows: milp.rows.length, numCols: milp.columns.length, starts, indices, values },
    ...(integer ? { integrality: milp.columns.map((c) => (c.integer ? 1 : 0) as 0 | 1) } : {}),
  };
}

function limitStatus(status: number): boolean {
  return status === 11 || status === 12 || status === 13 || status === 14 || status === 16 || status === 17;
}

function infoOr(model: { info: { get(name: string): number | bigint } }, name: string, fallback: number): number | bigint {
  try {
    return model.info.get(name);
  } catch {
    return fallback;
  }
}

function emptyModel(milp: Milp): MilpResult {
  const ok = milp.rows.every((r) => r.lb <= 0 && r.ub >= 0);
  return ok
    ? { status: 'optimal', objective: 0, bound: 0, gap: 0, values: [], seconds: 0, nodes: 0 }
    : { status: 'infeasible', objective: null, bound: null, gap: null, values: [], seconds: 0, nodes: 0 };
}
