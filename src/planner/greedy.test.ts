import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate-courses.js';
import { sortedBy } from './greedy.js';

describe('sortedBy', () => {
  it('orders by key and keeps the given order among equal keys, as a stable sort does', () => {
    const random = prng(7);
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(random() * 60);
      // Few distinct keys (many ties), fractions, zeros, large values and infinities.
      const pool = [0, 1, 2.5, 1 / 3, 2 / 3, 1e9, 123456.789, Infinity];
      const items = Array.from({ length: n }, (_, id) => ({ id, key: pool[Math.floor(random() * pool.length)]! }));
      const expected = items.slice().sort((a, b) => (a.key === b.key ? 0 : a.key < b.key ? -1 : 1));
      expect(sortedBy(items, (item) => item.key)).toEqual(expected);
    }
  });

  it('returns an empty list for no items', () => {
    expect(sortedBy([], () => 0)).toEqual([]);
  });
});
