import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate-courses.js';
import { coreBool, coreFloat, coreInt, isCoreBool, isCoreFloat, isCoreInt, isCoreNull, resolveCoreScalar } from './core-scalars.js';

/** The core schema by its regular expressions alone (what resolveCoreScalar gave before its shortcuts). */
function byRegularExpressions(data: string): string | number | boolean | null {
  if (isCoreNull(data)) return null;
  if (isCoreBool(data)) return coreBool(data);
  if (isCoreInt(data)) return coreInt(data);
  if (isCoreFloat(data)) return coreFloat(data);
  return data;
}

describe('resolveCoreScalar', () => {
  it('gives what the regular expressions give, for numbers, dates and their near misses', () => {
    const samples = ['', '0', '-0', '+0', '007', '12', '-12', '+12', '12.', '12.50', '.5', '-.5', '+.5', '.', '-', '+', '+-1', '1-', '-1-2',
      '2026-03-01', '2026-3-1', '1.5e3', '1e3', '1E-3', '.inf', '-.Inf', '.NaN', '0o17', '0x1F', '0b101', '1_000', '12:30', '1.2.3', '9'.repeat(30),
      'null', 'Null', '~', 'true', 'False', 'yes', 'no', 'abc', 'n/a', 'tbd', 'f'];
    const random = prng(11);
    const alphabet = '0123456789+-.eExXoO_: ~nt';
    for (let k = 0; k < 20_000; k++) {
      const length = Math.floor(random() * 9);
      samples.push(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    }
    for (const data of samples) expect(Object.is(resolveCoreScalar(data), byRegularExpressions(data)) || resolveCoreScalar(data) === byRegularExpressions(data), JSON.stringify(data)).toBe(true);
  });
});
