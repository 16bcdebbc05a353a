/**
 * The fast evaluation says exactly what the eager one said. `evaluate` counts activities without
 * findings and builds each report's findings and sentences on first read (by counting again); the
 * activity summary indexes findings instead of searching them. On random wallets of both bench
 * shapes and several as-of dates: the lazy findings agree with the counted/not-counted lists the
 * report was built from, read in any order they are the same, they survive JSON and spreads as plain
 * fields, and the summary equals the previous (search-based) summary, kept below as the reference.
 */
import { describe, expect, it } from 'vitest';
import { generateWallets, type Shape } from '../../bench/generate-wallets.js';
import { summarizeActivities, type ActivityLine, type ActivitySummary } from '../../src/engine/activity-summary.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { explain, explainActivityLine } from '../../src/engine/explain.js';
import type { ComplianceReport, CredentialReport } from '../../src/engine/report.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import type { CalendarDate } from '../../src/shared/calendar-date.js';

const catalog = readCatalogDir();
const AS_OF = ['2018-07-01', '2024-12-31', '2026-06-01'] as CalendarDate[];

/** The summary as it was computed before the index: a search of the findings per activity and credential. */
function referenceSummary(report: ComplianceReport, profile: Profile): ActivitySummary[] {
  const lineFor = (c: CredentialReport, activityId: string, completed: string, granted: number | null): ActivityLine | null => {
    if (granted === null) return null;
    const base = { credential: c.id, program: c.program, programName: c.programName, unit: c.unit, granted };
    for (const f of c.findings) {
      if (f.kind === 'activity-counted' && f.activity === activityId) {
        const line = { ...base, outcome: 'counted' as const, units: f.units, cycle: c.cycle, reason: null };
        return { ...line, text: explainActivityLine(line) };
      }
      if (f.kind === 'activity-not-counted' && f.activity === activityId) {
        if (f.reason === 'not-approved') return null;
        const other = f.reason === 'earlier-cycle' || f.reason === 'later-cycle' ? c.history.find((h) => completed >= h.start && completed <= h.end) ?? null : null;
        const line = { ...base, outcome: 'not-counted' as const, units: null, cycle: other === null ? null : { start: other.start, end: other.end }, reason: f.reason };
        return { ...line, text: explainActivityLine(line) };
      }
    }
    return null;
  };
  return profile.activities.map((a) => ({
    activity: a.id,
    lines: report.credentials.flatMap((c) => {
      const line = lineFor(c, a.id, a.completed, a.credits.find((l) => l.body === c.body)?.units ?? null);
      return line === null ? [] : [line];
    }),
  }));
}

const wallets = (shape: Shape, seed: number): Profile[] => generateWallets(catalog, { people: 40, credentials: 2 + (seed % 4), activities: 25 + seed * 7, shape, seed });

describe('lazy findings and the indexed activity summary', () => {
  for (const shape of ['uniform', 'career'] as const) {
    it(`give the same answers as eager findings and the searched summary on ${shape} wallets`, () => {
      let checked = 0;
      for (const seed of [1, 2, 3, 4]) {
        for (const profile of wallets(shape, seed)) {
          for (const asOf of AS_OF) {
            const report = evaluate(catalog, profile, asOf);
            const again = evaluate(catalog, profile, asOf);
            // Sentences read before findings give the same as findings first; both are frozen and kept.
            expect(again.credentials.map((c) => c.explanation)).toEqual(report.credentials.map((c) => c.findings.map(explain)));
            for (const c of report.credentials) {
              expect(c.findings).toBe(c.findings);
              expect(Object.isFrozen(c.findings) && Object.isFrozen(c.explanation)).toBe(true);
              // The findings' activities are the lists the report was built from, in the same order.
              expect(c.findings.flatMap((f) => (f.kind === 'activity-counted' ? [f.activity] : []))).toEqual(c.counted);
              expect(c.findings.flatMap((f) => (f.kind === 'activity-not-counted' ? [{ id: f.activity, reason: f.reason }] : []))).toEqual(c.notCounted);
              // JSON and spreads see them as ordinary fields, before nextStep as before.
              const json = JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
              expect(Object.keys(json).slice(-3)).toEqual(['findings', 'explanation', 'nextStep']);
              expect(json.findings).toEqual(JSON.parse(JSON.stringify(c.findings)));
              expect({ ...c }.explanation).toEqual(c.explanation);
            }
            expect(summarizeActivities(report, profile)).toEqual(referenceSummary(report, profile));
            checked++;
          }
        }
      }
      expect(checked).toBe(4 * 40 * AS_OF.length);
    });
  }
});
