import { describe, expect, it } from 'vitest';
import type { Requirement } from './requirement.js';
import { RequirementState } from './requirement-state.js';

const acsm = {
  index: 0, demandMilli: 45000, minimums: [], coverage: [], spread: null,
  limits: new Map([['committee', { category: 'committee', cycleRoom: 24000, perYear: 8000, yearUsed: new Map([[2026, 3000]]) }]]),
} as unknown as Requirement;

describe('counting as the engine does', () => {
  it('caps a category per year (after what is already used) and per cycle', () => {
    const state = new RequirementState(acsm);
    state.apply({ kind: 'credit', req: 0, category: 'committee', year: 2026, milli: 10000 });
    expect(state.cappedCount('committee')).toBe(5000);
    for (const year of [2027, 2028, 2029]) state.apply({ kind: 'credit', req: 0, category: 'committee', year, milli: 10000 });
    expect(state.cappedCount('committee')).toBe(24000);
    state.apply({ kind: 'credit', req: 0, category: null, year: 0, milli: 30000 });
    expect(state.counted()).toBe(54000);
    expect(state.satisfied()).toBe(true);
  });
});
