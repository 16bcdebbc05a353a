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
/** A compiled WebAssembly module (opaque here: the project's type libraries declare no WebAssembly). */
export type CompiledWasm = { readonly __compiledWasm: unique symbol };
const webAssembly = (globalThis as unknown as { WebAssembly: { instantiate(module: CompiledWasm, imports: object): Promise<object> } }).WebAssembly;
type Instantiate = (imports: object, receive: (instance: object) => void) => void;
type Loader = (settings?: { instantiateWasm?: Instantiate }) => Promise<Highs>;
const exported = (highsModule as unknown as { default: Loader | { default: Loader } }).default;
const loadHighs: Loader = typeof exported === 'function' ? exported : exported.default;

let runtime: Promise<Highs> | undefined;
let compiled: Promise<CompiledWasm> | undefined;

/**
 * HiGHS's WebAssembly, compiled ahead by the caller (`recert plan` starts compiling it before it reads
 * its files: the compilation runs on V8's background threads meanwhile, instead of after the model is
 * built). Without it, or should its compilation or instantiation fail, the package loads and compiles
 * its own copy.
 */
export function useCompiledHighs(module: Promise<CompiledWasm>): void {
  // Handled here at once: the fallback in highs() attaches only when HiGHS is first needed (and never
  // when it is loaded already), and a rejection left unhandled meanwhile would end the process.
  module.catch(() => undefined);
  if (runtime === undefined) compiled = module;
}

function highs(): Promise<Highs> {
  runtime ??= compiled === undefined ? loadHighs() : compiled.then(fromCompiled).catch(() => loadHighs());
  return runtime;
}

/**
 * HiGHS instantiated from a compiled module. A failed instantiation (or a module that is not HiGHS's)
 * rejects, so that the caller can fall back: the loader itself would wait forever.
 */
function fromCompiled(module: CompiledWasm): Promise<Highs> {
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => { fail = reject; });
  const instantiateWasm: Instantiate = (imports, receive) => {
    webAssembly.instantiate(module, imports).then((instance) => {
      try { receive(instance); } catch (error) { fail(error); }
    }, fail);
  };
  return Promise.race([loadHighs({ instantiateWasm }), failed]);
}

/**
 * A proven optimum (zero gaps). Feasibility jump and restarts off: measured on the cores of both
 * generators (25 MILPs, idle machine), 19% less solver time in total, the same optima (docs/planner.md §5.4).
 */
export const MILP_OPTIONS = {
  output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, random_seed: 0,
  mip_heuristic_run_feasibility_jump: false, mip_allow_restart: false,
} as const;

/** HiGHS's options for one MILP. */
export function milpOptions(options: MilpSolveOptions): Record<string, unknown> {
  return {
    ...MILP_OPTIONS, time_limit: options.timeLimitSeconds,
    ...(options.rens === false ? { mip_heuristic_run_rens: false } : {}),
    ...(options.stopWithin !== undefined && options.stopWithin > 0 ? { mip_abs_gap: options.stopWithin } : {}),
  };
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
    return runMilp(h, modelData(h, milp, true), milpOptions(options), options.start);
  },
};

type ModelData = Parameters<ReturnType<Highs['createModel']>['passModel']>[0];

/**
 * Solves one MILP given as HiGHS model data. Self-contained (no imports, no outer names): the worker
 * threads of highs-workers.ts run its source text.
 */
export function runMilp(h: Highs, data: ModelData, options: Record<string, unknown>, start: MilpSolveOptions['start']): MilpResult {
  const infoOr = (m: { info: { get(name: string): number | bigint } }, name: string, fallback: number): number => {
    try { return Number(m.info.get(name)); } catch { return fallback; }
  };
  const model = h.createModel();
  try {
    model.passModel(data);
    model.options.set(options as Parameters<typeof model.options.set>[0]);
    if (start !== undefined) model.setSolution({ indices: [...start.indices], values: [...start.values] });
    const { modelStatus } = model.run();
    const seconds = model.getRunTime();
    const nodes = infoOr(model, 'mip_node_count', 0);
    if (modelStatus === 8) return { status: 'infeasible', objective: null, bound: null, gap: null, values: [], seconds, nodes };
    if (infoOr(model, 'primal_solution_status', 0) !== 2) {
      // 11–17: a limit (time, iterations, nodes, …) was reached without a solution.
      const limit = modelStatus >= 11 && modelStatus <= 17 && modelStatus !== 15;
      return { status: modelStatus !== 7 && limit ? 'no-solution' : 'error', objective: null, bound: null, gap: null, values: [], seconds, nodes, message: `HiGHS model status ${modelStatus}` };
    }
    const objective = model.getObjectiveValue();
    const dual = infoOr(model, 'mip_dual_bound', NaN);
    const bound = Number.isNaN(dual) ? objective : dual;
    // With an absolute gap asked for (MilpSolveOptions.stopWithin), HiGHS's "optimal" means "within that
    // gap": a proof only when the bound leaves no integer cost below the solution (integer costs).
    // The same test as optimalByBound (solve-part.ts), inlined (no outer names here); an unreadable bound
    // (NaN: every comparison false) proves nothing.
    const stopped = modelStatus === 7 && Number(options['mip_abs_gap'] ?? 0) > 0 && !(objective - 1 < dual - 1e-6 * Math.max(1, Math.abs(dual)));
    const gap = modelStatus === 7 && !stopped ? 0 : infoOr(model, 'mip_gap', NaN);
    return {
      status: stopped ? 'stopped' : modelStatus === 7 ? 'optimal' : 'feasible',
      objective,
      bound: modelStatus === 7 && !stopped ? objective : bound,
      gap: Number.isFinite(gap) ? gap : null,
      values: Array.from(model.getSolution().colValue),
      seconds,
      nodes,
    };
  } finally {
    model.dispose();
  }
}

export function modelData(h: Pick<Highs, 'infinity'>, milp: Milp, integer: boolean): ModelData {
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



function emptyModel(milp: Milp): MilpResult {
  const ok = milp.rows.every((r) => r.lb <= 0 && r.ub >= 0);
  return ok
    ? { status: 'optimal', objective: 0, bound: 0, gap: 0, values: [], seconds: 0, nodes: 0 }
    : { status: 'infeasible', objective: null, bound: null, gap: null, values: [], seconds: 0, nodes: 0 };
}
