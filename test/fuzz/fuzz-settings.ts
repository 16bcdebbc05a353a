/**
 * How many cases each property runs, and with which seed. `npm test` runs a small number (the
 * default each test passes); `npm run fuzz` sets RECERT_FUZZ_RUNS (default there 100,000) for a long
 * run. RECERT_FUZZ_SEED replays a run: fast-check prints the seed and the path of every failure.
 */
import type { Parameters } from 'fast-check';

/** The cases for one property: RECERT_FUZZ_RUNS when set, else `small`, scaled by `weight` (a slow property runs fewer). */
export function fuzzRuns(small: number, weight = 1): number {
  const configured = Number(process.env.RECERT_FUZZ_RUNS ?? '');
  if (!Number.isInteger(configured) || configured <= 0) return small;
  return Math.max(1, Math.round(configured * weight));
}

/** True in `npm run fuzz`: tests give themselves time for the long run. */
export const LONG_RUN = process.env.RECERT_FUZZ_RUNS !== undefined && process.env.RECERT_FUZZ_RUNS !== '';

export function fuzzParameters<T>(small: number, weight = 1): Parameters<T> {
  const seed = Number(process.env.RECERT_FUZZ_SEED ?? '');
  return {
    numRuns: fuzzRuns(small, weight),
    ...(Number.isInteger(seed) && process.env.RECERT_FUZZ_SEED !== '' && process.env.RECERT_FUZZ_SEED !== undefined ? { seed } : {}),
    // Long runs report the seed at the end so docs/fuzz.md can name it.
    verbose: 1,
  };
}

/** A vitest timeout for a property: generous in the long run, ordinary otherwise. */
export function fuzzTimeout(smallMs = 20_000): number {
  return LONG_RUN ? 6 * 60 * 60 * 1000 : smallMs;
}
