/**
 * Units (CEU, CEC, hours) are decimals in a program's own unit. Sums and comparisons are done in
 * integer thousandths so that ten times 0.1 is exactly 1.0. Not in any source: rounding to 0.1 is
 * for display only.
 */
const SCALE = 1000;

/** Units in integer thousandths. */
export function toMilli(units: number): number {
  return Math.round(units * SCALE);
}

export function fromMilli(milli: number): number {
  return milli / SCALE;
}

export function sumMilli(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Display form: one decimal, as the bodies print units ("1.9 CEU"), or as many decimals as needed (up to
 * three) when the value is not a whole tenth, so that "1.85 earned of 2.0" never shows as "1.9 of 2.0".
 */
export function formatUnits(units: number): string {
  const milli = Math.round(units * SCALE);
  if (milli % 100 === 0) return (milli / SCALE).toFixed(1);
  return (milli / SCALE).toFixed(3).replace(/0+$/, '');
}
