/**
 * Starts compiling HiGHS's WebAssembly (the `highs` package's `highs/runtime` file) and returns at once:
 * V8 compiles it on background threads while the caller goes on (see useCompiledHighs in solve-highs.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CompiledWasm } from '../planner/solve-highs.js';

const webAssembly = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledWasm> } }).WebAssembly;

export function compileHighs(): Promise<CompiledWasm> {
  try {
    return webAssembly.compile(readFileSync(createRequire(import.meta.url).resolve('highs/runtime')));
  } catch (error) {
    return Promise.reject(error);
  }
}
