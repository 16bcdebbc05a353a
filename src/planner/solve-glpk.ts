/**
 * glpk.js (GLPK compiled to WebAssembly) as a second MILP solver: used by the tests to cross-check HiGHS
 * and by the benchmark to compare the two. glpk.js is a dev dependency; the CLI never imports this file.
 * Gap 0 is requested; GLPK reports no bound on a time limit, so such a result has gap null.
 */
import GLPK from 'glpk.js/node';
import type { Milp, MilpResult, MilpSolveOptions, MilpSolver } from './milp.js';

type Glpk = Awaited<ReturnType<typeof GLPK>>;
let runtime: Promise<Glpk> | undefined;

export const glpkSolver: MilpSolver = {
  name: 'GLPK',
  async solve(milp: Milp, options: MilpSolveOptions): Promise<MilpResult> {
    runtime ??= GLPK();
    const glpk = await runtime;
    const name = (j: number): string => `c${j}`;
    const bound = (lb: number, ub: number): { type: number; lb: number; ub: number } => {
      if (lb === -Infinity && ub === Infinity) return { type: glpk.GLP_FR, lb: 0, ub: 0 };
      if (ub === Infinity) return { type: glpk.GLP_LO, lb, ub: 0 };
      if (lb === -Infinity) return { type: glpk.GLP_UP, lb: 0, ub };
      return lb === ub ? { type: glpk.GLP_FX, lb, ub } : { type: glpk.GLP_DB, lb, ub };
    };
    const lp = {
      name: 'recert-plan',
      objective: { direction: glpk.GLP_MIN, name: 'cost', vars: milp.columns.map((c, j) => ({ name: name(j), coef: c.cost })) },
      subjectTo: milp.rows.map((row, i) => ({
        name: `r${i}`,
        vars: row.idx.map((j, k) => ({ name: name(j), coef: row.val[k]! })),
        bnds: bound(row.lb, row.ub),
      })),
      bounds: milp.columns.map((c, j) => ({ name: name(j), ...bound(c.lb, c.ub) })),
      binaries: milp.columns.flatMap((c, j) => (c.integer && c.lb === 0 && c.ub === 1 ? [name(j)] : [])),
      generals: milp.columns.flatMap((c, j) => (c.integer && !(c.lb === 0 && c.ub === 1) ? [name(j)] : [])),
    };
    const result = glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, mipgap: 0, tmlim: options.timeLimitSeconds, presol: true });
    const status = result.result.status;
    const values = milp.columns.map((_, j) => result.result.vars[name(j)] ?? 0);
    const seconds = result.time;
    if (status === glpk.GLP_OPT) return { status: 'optimal', objective: result.result.z, bound: result.result.z, gap: 0, values, seconds, nodes: 0 };
    if (status === glpk.GLP_FEAS) return { status: 'feasible', objective: result.result.z, bound: null, gap: null, values, seconds, nodes: 0 };
    if (status === glpk.GLP_NOFEAS) return { status: 'infeasible', objective: null, bound: null, gap: null, values: [], seconds, nodes: 0 };
    return { status: 'no-solution', objective: null, bound: null, gap: null, values: [], seconds, nodes: 0, message: `GLPK status ${status}` };
  },
};
