import { describe, expect, it } from 'vitest';
import type { Offering } from '../catalog/course-schema.js';
import { dominatedOfferings } from './dominance.js';
import { resolveOptions } from './plan-options.js';
import type { Requirement } from './requirement.js';
import type { Slot } from './slots.js';

const offering = (id: string, price: number, milli: number, category?: string): Offering => ({
  id, title: id, provider: 'p', providerName: 'P', priceCents: price * 100, hours: milli / 100, format: 'online',
  availability: { kind: 'self-paced' }, credits: [{ body: 'nasm', milli, category }], repeatable: false, sampleData: true,
});
const requirement = { index: 0, body: 'nasm', demandMilli: 2000, limits: new Map(), minimums: [], spread: null } as unknown as Requirement;
const slotsOf = (offerings: readonly Offering[]): Slot[] => offerings.map((o, k) => ({
  index: k, offering: k, buckets: [0], dates: [], year: 2026, effects: [{ kind: 'credit', req: 0, category: o.credits[0]!.category ?? null, year: 0, milli: o.credits[0]!.milli }],
}));

describe('dominance pruning', () => {
  const offerings = [offering('good', 100, 1000), offering('worse', 150, 800), offering('same-as-good', 100, 1000), offering('other-category', 50, 1000, 'x')];
  const run = (upperBound: number): string[] => [...dominatedOfferings({ offerings, slots: slotsOf(offerings), requirements: [requirement], options: resolveOptions(), bucketCount: 1, upperBound })].map((o) => offerings[o]!.id).sort();

  it('drops an offering whose dominators together cost more than a known plan', () => {
    // worse (150) is dominated by good and same-as-good: 150 + 100 + 100 = 350 > 300.
    expect(run(30000)).toEqual(['worse']);
  });

  it('keeps it when a plan could still afford it with all its dominators', () => {
    expect(run(35000)).toEqual([]);
  });

  it('breaks ties between equal offerings by position, and never compares different categories', () => {
    // same-as-good is dominated by good only (earlier); 100 + 100 = 200 > 150.
    expect(run(15000)).toEqual(['same-as-good', 'worse']);
  });
});
