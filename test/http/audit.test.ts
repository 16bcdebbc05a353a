/** Transcript PDF and audit packet ZIP over HTTP, read back with pdftotext and a ZIP reader. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { pdfText, unzip } from '../audit/read-documents.js';
import { startTestApp, type TestApp } from './start-test-app.js';

const PDF_A = Buffer.from('%PDF-1.4\n% kettlebell certificate\n%%EOF\n');
const PDF_B = Buffer.from('%PDF-1.4\n% nutrition certificate, page 1\n%%EOF\n');
const PNG_B = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const PDF_C = Buffer.from('%PDF-1.4\n% ace only\n%%EOF\n');

await describeEachStore('HTTP transcript and audit packet', { describe, it }, (backend) => {
  let app: TestApp;
  const upload = async (activity: string, name: string, bytes: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const response = await fetch(`${app.base}/api/people/me/activities/${activity}/evidence`, { method: 'POST', body: form });
    expect(response.status).toBe(201);
  };
  const download = async (path: string) => {
    const response = await fetch(`${app.base}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeEach(async () => {
    app = await startTestApp(backend);
    await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15', number: 'NASM-88123' });
    await app.call('POST', '/api/people/me/activities', { id: 'a1', title: 'Kettlebell workshop', completed: '2025-03-01', hours: 4, provider: 'Iron Academy', credits: [{ body: 'nasm', units: 0.4 }] });
    await app.call('POST', '/api/people/me/activities', { id: 'a2', title: 'Nutrition Coaching!', completed: '2026-03-12', hours: 10, provider: 'Food Lab', credits: [{ body: 'nasm', units: 1.0 }] });
    await app.call('POST', '/api/people/me/activities', { id: 'a3', title: 'Yoga basics', completed: '2026-04-01', credits: [{ body: 'ace', units: 1.5 }] });
    await app.call('POST', '/api/people/me/activities', { id: 'a4', title: 'Mobility course', completed: '2027-03-01', hours: 19, credits: [{ body: 'nasm', units: 1.9 }] });
    await app.call('POST', '/api/people/me/credentials/cpt/renewals', { date: '2027-01-10' });
    await upload('a1', 'scan.pdf', PDF_A);
    await upload('a2', 'nutrition.pdf', PDF_B);
    await upload('a2', 'badge.png', PNG_B);
    await upload('a3', 'yoga.pdf', PDF_C);
  });
  afterEach(async () => {
    await app.close();
  });

  it('renders the cycle 1 transcript with every counted activity, the totals, the rule source and what did not count', async () => {
    const pdf = await download('/api/people/me/credentials/cpt/transcript.pdf?cycle=1&asOf=2027-06-01');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toContain('filename="transcript-cpt-cycle-1.pdf"');
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Person: Sam (me)');
    expect(text).toContain('NASM Certified Personal Trainer');
    expect(text).toContain('Credential number: NASM-88123');
    expect(text).toContain('Cycle 1: 2025-01-15 to 2027-01-15');
    expect(text).toContain('Renewed on: 2027-01-10');
    expect(text).toMatch(/1\s+2025-03-01\s+Kettlebell workshop\s+Iron Academy\s+4\s+0\.4\s+-\s+01-2025-03-01-kettlebell-workshop\.pdf/);
    expect(text).toMatch(/2\s+2026-03-12\s+Nutrition Coaching!\s+Food Lab\s+10\s+1\.0\s+-\s+02-2026-03-12-nutrition-coaching\.pdf\n\s+02-2026-03-12-nutrition-coaching-2\.png/);
    expect(text).toContain('02-2026-03-12-nutrition-coaching-2.png');
    expect(text).toContain('Earned: 1.4 CEU of 2.0 CEU required.');
    expect(text).toContain('Missing: 0.6 CEU.');
    expect(text).toContain('Hours logged on counted activities: 14.0.');
    expect(text).toContain('At the end of this cycle (2027-01-15): the requirements were not met.');
    expect(text).toMatch(/Current Adult CPR and AED certification with a hands-on component: NOT met/);
    expect(text).toContain('Does not count "Yoga basics" (2026-04-01): the course carries no units from this body.');
    expect(text).not.toContain('Mobility course');
    expect(text).toMatch(/In force from \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Required: 2 CEU\. Confidence: \w+\. Source: .+/);
  });

  it('defaults to the current cycle, which holds only its own activities', async () => {
    const text = pdfText((await download('/api/people/me/credentials/cpt/transcript.pdf?asOf=2027-06-01')).bytes);
    expect(text).toContain('Cycle 2: 2027-01-16 to 2029-01-15 (current cycle)');
    expect(text).toMatch(/1\s+2027-03-01\s+Mobility course\s+-\s+19\s+1\.9/);
    expect(text).not.toContain('Kettlebell workshop');
    expect(text).toContain('Earned: 1.9 CEU of 2.0 CEU required.');
  });

  it('packs the transcript and the certificates of the counted activities, byte for byte, named for a reviewer', async () => {
    const zip = await download('/api/people/me/credentials/cpt/audit-packet.zip?cycle=1&asOf=2027-06-01');
    expect(zip.status).toBe(200);
    expect(zip.type).toBe('application/zip');
    expect(zip.disposition).toContain('filename="audit-packet-cpt-cycle-1.zip"');
    const entries = await unzip(zip.bytes);
    expect([...entries.keys()]).toEqual([
      '00-transcript-cpt-cycle-1.pdf',
      '01-2025-03-01-kettlebell-workshop.pdf',
      '02-2026-03-12-nutrition-coaching.pdf',
      '02-2026-03-12-nutrition-coaching-2.png',
    ]);
    expect(entries.get('01-2025-03-01-kettlebell-workshop.pdf')).toEqual(PDF_A);
    expect(entries.get('02-2026-03-12-nutrition-coaching.pdf')).toEqual(PDF_B);
    expect(entries.get('02-2026-03-12-nutrition-coaching-2.png')).toEqual(PNG_B);
    expect(pdfText(entries.get('00-transcript-cpt-cycle-1.pdf')!)).toContain('Earned: 1.4 CEU of 2.0 CEU required.');
  });

  it('refuses a cycle that does not exist or is not a number, naming querystring.cycle', async () => {
    for (const [query, message] of [['cycle=3&asOf=2027-06-01', 'expected a cycle from 1 to 2'], ['cycle=0', 'expected a cycle number of 1 or more'], ['cycle=x', 'expected a cycle number'], ['cycle=1.5', 'expected a whole cycle number']] as const) {
      const response = await app.call('GET', `/api/people/me/credentials/cpt/audit-packet.zip?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.issues[0], query).toMatchObject({ code: 'REQUEST_INVALID', path: 'querystring.cycle' });
      expect(response.body.issues[0].message, query).toContain(message);
    }
    const missing = await app.call('GET', '/api/people/me/credentials/nope/transcript.pdf');
    expect(missing.status).toBe(404);
    expect(missing.body.issues[0].path).toBe('params.credentialId');
  });
});
