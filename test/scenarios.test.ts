/**
 * Scenario tests as data: every `test/scenarios/*.yaml` file holds scenarios with sentence names, a
 * profile, an as-of date and the expected outcome per credential, checked against the shipped catalog.
 * Only the fields a scenario states are compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/engine/evaluate.js';
import { readCatalogDir } from '../src/io/read-catalog-dir.js';
import { checkProfileReferences } from '../src/profile/parse-profile.js';
import { profileSchema } from '../src/profile/profile-schema.js';
import { calendarDate } from '../src/shared/calendar-date.js';

interface Expectation {
  credential: string;
  status?: string;
  cycle?: { start: string; end: string } | null;
  deadline?: string | null;
  required?: number | null;
  earned?: number;
  missing?: number | null;
  counted?: string[];
  notCounted?: Record<string, string>;
  components?: Record<string, boolean>;
  contributions?: Record<string, number>;
  explanationMentions?: string[];
  explanationLacks?: string[];
  ceWindowEnds?: string | null;
  nextStep?: { kind?: string; date?: string | null; feeUsd?: number | null; url?: string; textMentions?: string[] };
}

interface Scenario {
  name: string;
  asOf: string;
  profile: unknown;
  expect: Expectation[];
}

const dir = join(import.meta.dirname, 'scenarios');
const catalog = readCatalogDir();

for (const file of readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort()) {
  const scenarios = parse(readFileSync(join(dir, file), 'utf8')) as Scenario[];
  describe(file.replace(/\.yaml$/, ''), () => {
    for (const scenario of scenarios) {
      it(scenario.name, () => {
        const profile = profileSchema.parse(scenario.profile);
        expect(checkProfileReferences(profile, catalog)).toEqual([]);
        const report = evaluate(catalog, profile, calendarDate(scenario.asOf));
        for (const want of scenario.expect) {
          const got = report.credentials.find((c) => c.id === want.credential);
          expect(got, `credential ${want.credential}`).toBeDefined();
          if (got === undefined) continue;
          const context = `${want.credential}: ${got.explanation.join(' | ')}`;
          if (want.status !== undefined) expect(got.status, context).toBe(want.status);
          if (want.cycle !== undefined) expect(got.cycle, context).toEqual(want.cycle);
          if (want.deadline !== undefined) expect(got.deadline, context).toBe(want.deadline);
          if (want.required !== undefined) expect(got.required, context).toBe(want.required);
          if (want.earned !== undefined) expect(got.earned, context).toBeCloseTo(want.earned, 6);
          if (want.missing !== undefined) expect(got.missing, context).toBe(want.missing);
          if (want.counted !== undefined) expect([...got.counted].sort(), context).toEqual([...want.counted].sort());
          if (want.notCounted !== undefined) {
            expect(Object.fromEntries(got.notCounted.map((n) => [n.id, n.reason])), context).toEqual(want.notCounted);
          }
          if (want.components !== undefined) {
            expect(Object.fromEntries(got.components.map((c) => [c.id, c.met])), context).toEqual(want.components);
          }
          if (want.contributions !== undefined) {
            expect(Object.fromEntries(got.contributions.map((c) => [c.id, c.units])), context).toEqual(want.contributions);
          }
          if (want.ceWindowEnds !== undefined) expect(got.ceWindowEnds, context).toBe(want.ceWindowEnds);
          if (want.nextStep !== undefined) {
            const step = got.nextStep;
            const stepContext = `${context} | next step: ${JSON.stringify(step)}`;
            if (want.nextStep.kind !== undefined) expect(step.kind, stepContext).toBe(want.nextStep.kind);
            if (want.nextStep.date !== undefined) expect(step.date, stepContext).toBe(want.nextStep.date);
            if (want.nextStep.feeUsd !== undefined) expect(step.fee?.usd ?? null, stepContext).toBe(want.nextStep.feeUsd);
            if (want.nextStep.url !== undefined) expect(step.url, stepContext).toBe(want.nextStep.url);
            for (const phrase of want.nextStep.textMentions ?? []) expect(step.text, stepContext).toContain(phrase);
          }
          const text = got.explanation.join('\n');
          for (const phrase of want.explanationMentions ?? []) expect(text, context).toContain(phrase);
          for (const phrase of want.explanationLacks ?? []) expect(text, context).not.toContain(phrase);
        }
      });
    }
  });
}
