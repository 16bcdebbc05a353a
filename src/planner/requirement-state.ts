/**
 * What a set of chosen slots gives one requirement, counted as the model counts it (caps per cycle and
 * per year, minimums, spread, coverage). Used by the greedy plan, the explanation, and the tests'
 * brute-force oracle. Mutable on purpose (apply/undo), and local to those callers.
 */
import type { Requirement } from './requirement.js';
import type { Effect } from './slots.js';

export class RequirementState {
  private uncapped = 0;
  private grants = 0;
  private readonly byCategory = new Map<string, number>();
  private readonly byYear = new Map<string, Map<number, number>>();
  private readonly covered = new Map<number, number>();

  constructor(readonly requirement: Requirement) {}

  apply(effect: Effect, sign: 1 | -1 = 1): void {
    if (effect.req !== this.requirement.index) return;
    switch (effect.kind) {
      case 'grant':
        this.grants += sign * effect.milli;
        return;
      case 'cover':
        this.covered.set(effect.coverage, (this.covered.get(effect.coverage) ?? 0) + sign);
        return;
      case 'credit': {
        const g = effect.category;
        if (g !== null) this.byCategory.set(g, (this.byCategory.get(g) ?? 0) + sign * effect.milli);
        if (g === null || !this.requirement.limits.has(g)) { this.uncapped += sign * effect.milli; return; }
        const years = this.byYear.get(g) ?? new Map<number, number>();
        years.set(effect.year, (years.get(effect.year) ?? 0) + sign * effect.milli);
        this.byYear.set(g, years);
      }
    }
  }

  /** Units a capped category counts: per year up to the room left that year, then up to the cycle room. */
  cappedCount(category: string): number {
    const limit = this.requirement.limits.get(category);
    if (limit === undefined) return this.byCategory.get(category) ?? 0;
    let sum = 0;
    for (const [year, milli] of this.byYear.get(category) ?? []) {
      sum += limit.perYear === null ? milli : Math.min(milli, Math.max(0, limit.perYear - (limit.yearUsed.get(year) ?? 0)));
    }
    return limit.cycleRoom === null ? sum : Math.min(sum, limit.cycleRoom);
  }

  /** Everything counted toward the unit total, in thousandths. */
  counted(): number {
    let total = this.uncapped + this.grants;
    for (const category of this.byYear.keys()) total += this.cappedCount(category);
    this.requirement.coverage.forEach((c, k) => {
      if (c.kind === 'grant' && (this.covered.get(k) ?? 0) > 0) total += c.milli;
    });
    return total;
  }

  /** Categories in which new CE counts more than 0 (for a spread such as NSCA's 2 of A–D). */
  newCategories(): string[] {
    const out: string[] = [];
    for (const [category, milli] of this.byCategory) {
      if (milli <= 0 || this.requirement.spread?.used.includes(category)) continue;
      if (this.cappedCount(category) > 0) out.push(category);
    }
    return out.sort();
  }

  isCovered(coverage: number): boolean {
    return (this.covered.get(coverage) ?? 0) > 0;
  }

  unmet(): { units: number; minimums: string[]; spread: number; coverage: number[] } {
    const r = this.requirement;
    return {
      units: Math.max(0, r.demandMilli - this.counted()),
      minimums: r.minimums.filter((m) => this.cappedCount(m.category) < m.milli).map((m) => m.category),
      spread: r.spread === null ? 0 : Math.max(0, r.spread.need - this.newCategories().length),
      coverage: r.coverage.flatMap((c, k) => (c.kind === 'component' && !this.isCovered(k) ? [k] : [])),
    };
  }

  satisfied(): boolean {
    const u = this.unmet();
    return u.units === 0 && u.minimums.length === 0 && u.spread === 0 && u.coverage.length === 0;
  }
}
