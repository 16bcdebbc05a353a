import { describe, expect, it, vi } from 'vitest';
import type { Milp } from '../planner/milp.js';

/** min x + y with x + y ≥ 1, x, y binary: optimum 1. */
const tiny: Milp = {
  columns: [{ name: 'x', cost: 1, lb: 0, ub: 1, integer: true }, { name: 'y', cost: 1, lb: 0, ub: 1, integer: true }],
  rows: [{ name: 'r', lb: 1, ub: Infinity, idx: [0, 1], val: [1, 1] }],
};

async function freshSolver(): Promise<typeof import('../planner/solve-highs.js')> {
  vi.resetModules();
  return import('../planner/solve-highs.js');
}

describe('HiGHS compiled ahead', () => {
  it('solves from the module compiled by compileHighs', async () => {
    const solver = await freshSolver();
    const { compileHighs } = await import('./compile-highs.js');
    const compiled = compileHighs();
    solver.useCompiledHighs(compiled);
    await compiled;
    const result = await solver.highsSolver.solve(tiny, { timeLimitSeconds: 5 });
    expect(result).toMatchObject({ status: 'optimal', objective: 1 });
  });

  it('falls back to the package loading its own copy when the compilation failed', async () => {
    const solver = await freshSolver();
    solver.useCompiledHighs(Promise.reject(new Error('no WebAssembly here')));
    const result = await solver.highsSolver.solve(tiny, { timeLimitSeconds: 5 });
    expect(result).toMatchObject({ status: 'optimal', objective: 1 });
  });

  it('falls back also when the compilation failed long before HiGHS is needed (no unhandled rejection)', async () => {
    const solver = await freshSolver();
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      solver.useCompiledHighs(Promise.reject(new Error('no WebAssembly here')));
      // recert plan reads its files (and yields to the event loop) before it first needs HiGHS.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const result = await solver.highsSolver.solve(tiny, { timeLimitSeconds: 5 });
      expect(result).toMatchObject({ status: 'optimal', objective: 1 });
      // A later `recert plan` in the same process (HiGHS loaded already) whose compilation fails.
      solver.useCompiledHighs(Promise.reject(new Error('no WebAssembly here either')));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('falls back, rather than waiting forever, when the compiled module cannot be instantiated', async () => {
    const solver = await freshSolver();
    // A valid module with nothing HiGHS needs: the loader's instantiation cannot complete with it.
    const empty = (globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<never> } }).WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    solver.useCompiledHighs(empty);
    const result = await solver.highsSolver.solve(tiny, { timeLimitSeconds: 5 });
    expect(result).toMatchObject({ status: 'optimal', objective: 1 });
  });
});
