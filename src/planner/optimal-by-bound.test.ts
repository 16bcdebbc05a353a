import { describe, expect, it } from 'vitest';
import { optimalByBound } from './solve-part.js';

describe('optimalByBound: an integer cost is optimal when no integer lies between the bound and it', () => {
  it('accepts a cost of ⌈L⌉', () => {
    expect(optimalByBound(100, 99.5)).toBe(true);
    expect(optimalByBound(100, 99.01)).toBe(true);
    expect(optimalByBound(100, 100)).toBe(true);
    expect(optimalByBound(107600, 107599.99999)).toBe(true);
  });

  it('refuses a cost of ⌈L⌉ + 1 or more', () => {
    expect(optimalByBound(101, 99.5)).toBe(false);
    expect(optimalByBound(101, 100)).toBe(false);
    expect(optimalByBound(107601, 107600)).toBe(false);
  });

  it('refuses a cost of ⌈L⌉ + 1 when L sits on an integer up to rounding (the tolerance only makes it stricter)', () => {
    expect(optimalByBound(100, 99.0000000001)).toBe(false);
    expect(optimalByBound(100, 98.99999999)).toBe(false);
  });
});
