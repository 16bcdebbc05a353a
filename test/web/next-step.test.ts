/** The card's next step, from real engine reports: the catalog's when the server sends one, else built from the status. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { profileSchema } from '../../src/profile/profile-schema.js';
import { calendarDate } from '../../src/shared/calendar-date.js';
import type { CredentialReport } from '../../web/src/api-types.js';
import { nextStepOf } from '../../web/src/next-step.js';

const catalog = readCatalogDir();
const profile = profileSchema.parse({
  credentials: [
    { id: 'nasm', program: 'nasm-cpt', earned: '2025-01-15' },
    { id: 'ace', program: 'ace-cpt', earned: '2024-03-10' },
    { id: 'cpr', program: 'cpr-aed', earned: '2025-10-01' },
  ],
  activities: [{ id: 'a1', title: 'Ethics', completed: '2025-05-01', credits: [{ body: 'ace', units: 0.9, category: 'ethics' }] }],
});
/** The report as the web app receives it: JSON over HTTP. */
const served = (id: string, asOf: string): CredentialReport =>
  JSON.parse(JSON.stringify(evaluate(catalog, profile, calendarDate(asOf)).credentials.find((c) => c.id === id)));
/** A report from a server that sends no next step (the card then builds its own sentence). */
const report = (id: string, asOf: string): CredentialReport => {
  const { nextStep: _omitted, ...rest } = served(id, asOf);
  return rest;
};

describe('the next step on a card', () => {
  it("shows the engine's sentence as served, with the catalog's fee and renewal page", () => {
    const nasm = served('nasm', '2026-12-01');
    expect(nextStepOf(nasm, 'NASM')?.text).toMatch(/^Complete 1\.9 CEU by 2027-01-15, then renew\. Renewal fee: \$\d+.*Renew at https:\/\/www\.nasm\.org\/\S+\.$/);
    expect(nextStepOf(nasm, 'NASM')?.url).toMatch(/^https:\/\/www\.nasm\.org\//);
  });

  it('says exactly what is missing, by when, while due soon or in progress', () => {
    const nasm = report('nasm', '2026-12-01');
    expect(nasm.status).toBe('due-soon');
    expect(nextStepOf(nasm, 'NASM')?.text).toBe('Complete 1.9 CEU more by 15 Jan 2027, then renew.');
  });

  it('says renew late by the grace end, and what still counts, in grace', () => {
    const ace = report('ace', '2026-05-15');
    expect(ace.status).toBe('grace');
    expect(nextStepOf(ace, 'ACE')?.text).toBe('Renew late by 30 Sep 2026. Still missing: 1.1 CEC more. CE completed since it expired counts toward the next cycle, so ask ACE whether this cycle can still be completed.');
  });

  it('points to reinstatement once lapsed, and to "renew by" when current', () => {
    expect(nextStepOf(report('ace', '2027-06-01'), 'ACE')?.text).toBe('Ask ACE how to reinstate it: its reinstatement rules apply, and CE from the lapse does not count.');
    expect(nextStepOf(report('cpr', '2026-01-01'), 'the card provider')?.text).toBe('Take a renewal course by 31 Oct 2027 to keep it current.');
  });

  it('shows the catalog\'s next step, fee and link when the report carries one', () => {
    const nasm = { ...report('nasm', '2026-12-01'), nextStep: { kind: 'complete-ce', date: '2027-01-15', text: 'From the catalog.', fee: { usd: 99, confidence: 'own' }, url: 'https://example.org/renew' } };
    expect(nextStepOf(nasm, 'NASM')).toEqual({ text: 'From the catalog.', fee: { usd: 99, confidence: 'own' }, url: 'https://example.org/renew' });
  });
});
