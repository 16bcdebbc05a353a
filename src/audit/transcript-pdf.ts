/**
 * The transcript as a PDF (pdfkit, its built-in Helvetica): a header with the person, credential,
 * number and cycle; one table row per counted activity; the totals against the requirement; the
 * components; what did not count and why; the rule version and its sources.
 */
import PDFDocument from 'pdfkit';
import type { Transcript } from '../engine/transcript.js';
import { formatUnits } from '../shared/units.js';
import type { PacketFile } from './packet-names.js';

export interface TranscriptPdfInput {
  readonly transcript: Transcript;
  readonly person: { readonly id: string; readonly name: string };
  /** Certificate file names per activity number, as they appear in the packet. */
  readonly files: readonly PacketFile[];
  /** Written into the PDF's metadata; the edge passes its clock. */
  readonly createdAt: Date;
}

const COLUMNS = [
  { key: 'number', label: 'No.', width: 26 },
  { key: 'date', label: 'Date', width: 58 },
  { key: 'title', label: 'Title', width: 190 },
  { key: 'provider', label: 'Provider', width: 120 },
  { key: 'hours', label: 'Hours', width: 40 },
  { key: 'units', label: 'Units', width: 56 },
  { key: 'category', label: 'Category', width: 60 },
  { key: 'file', label: 'Certificate', width: 0 },
] as const;

type Row = Record<(typeof COLUMNS)[number]['key'], string>;

/** Keeps to what the standard PDF fonts can draw (WinAnsi): other characters become "?". */
function printable(text: string): string {
  return text.replace(/[^\n\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');
}

export function renderTranscriptPdf(input: TranscriptPdfInput): Promise<Buffer> {
  const { transcript: t, person } = input;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 40,
    info: {
      Title: printable(`CE transcript: ${t.credential.programName}${t.cycle === null ? '' : `, cycle ${t.cycle.number}`}`),
      Author: printable(person.name),
      Creator: 'recert',
      CreationDate: input.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;
  const width = right - left;
  const unit = t.unit ?? 'units';
  const heading = (text: string): void => {
    if (doc.y + 40 > bottom()) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(printable(text), left, doc.y, { width }).moveDown(0.3).font('Helvetica').fontSize(9);
  };
  const line = (text: string): void => {
    doc.font('Helvetica').fontSize(9).text(printable(text), left, doc.y, { width });
  };

  doc.font('Helvetica-Bold').fontSize(16).text('Continuing education transcript', left, doc.y, { width });
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  line(`Person: ${person.name} (${person.id})`);
  line(`Credential: ${t.credential.programName} (${t.credential.program}), id ${t.credential.id}`);
  line(`Credential number: ${t.credential.number ?? 'not recorded'}`);
  if (t.cycle === null) line(`Cycle: none (status ${t.status})`);
  else {
    line(`Cycle ${t.cycle.number}: ${t.cycle.start} to ${t.cycle.end}${t.cycle.current ? ' (current cycle)' : ''}`);
    if (t.cycle.renewedOn !== null) line(`Renewed on: ${t.cycle.renewedOn}`);
  }
  if (t.cycle !== null && !t.cycle.current) {
    line(`At the end of this cycle (${t.evaluatedOn}): the requirements were ${t.status === 'current' ? 'met' : 'not met'}.`);
  } else {
    line(`Status: ${t.status}${t.deadline === null ? '' : `, deadline ${t.deadline}`}${t.graceEnds === null ? '' : `, grace ends ${t.graceEnds}`}`);
  }
  line(`Figures as of: ${t.evaluatedOn}`);

  heading(`Counted activities (${t.activities.length})`);
  const rows: Row[] = t.activities.map((a) => ({
    number: String(a.number),
    date: a.completed,
    title: a.title,
    provider: a.provider ?? '-',
    hours: a.hours === null ? '-' : String(a.hours),
    units: a.units === a.granted ? formatUnits(a.units) : `${formatUnits(a.units)} of ${formatUnits(a.granted)}`,
    category: a.category ?? '-',
    file: input.files.filter((f) => f.activityNumber === a.number).map((f) => f.fileName).join('\n') || 'none',
  }));
  const widths = COLUMNS.map((c, i) => (i === COLUMNS.length - 1 ? width - COLUMNS.slice(0, -1).reduce((s, x) => s + x.width, 0) : c.width));
  const drawRow = (row: Row, bold: boolean): void => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const height = Math.max(...COLUMNS.map((c, i) => doc.heightOfString(printable(row[c.key]), { width: widths[i]! - 4 }))) + 4;
    if (doc.y + height > bottom()) doc.addPage();
    const y = doc.y;
    let x = left;
    COLUMNS.forEach((c, i) => {
      doc.text(printable(row[c.key]), x, y, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + height;
  };
  const header = Object.fromEntries(COLUMNS.map((c) => [c.key, c.label])) as Row;
  drawRow(header, true);
  if (rows.length === 0) line('No activity counts in this cycle.');
  for (const row of rows) drawRow(row, false);
  for (const grant of t.grants) line(grant.sentence);

  heading('Totals');
  if (t.required === null) line(`Earned: ${formatUnits(t.earned)} ${unit}. Required: ${t.unit === null ? 'nothing to earn in this cycle' : 'unconfirmed'}.`);
  else {
    line(`Earned: ${formatUnits(t.earned)} ${unit} of ${formatUnits(t.required)} ${unit} required.`);
    line(`Missing: ${formatUnits(t.missing ?? 0)} ${unit}.`);
  }
  line(`Hours logged on counted activities: ${formatUnits(t.activities.reduce((sum, a) => sum + (a.hours ?? 0), 0))}.`);

  heading('Components');
  if (t.components.length === 0) line('None beyond the units.');
  for (const c of t.components) line(c.detail);

  heading(`Did not count (${t.notCounted.length})`);
  if (t.notCounted.length === 0) line('Nothing in this cycle was left out.');
  for (const n of t.notCounted) line(n.sentence);

  heading('Rule version');
  if (t.rule === null) line('No rule version applies.');
  else {
    line(`In force from ${t.rule.from} (${t.rule.fromBasis}).`);
    for (const s of t.rule.sources) {
      line(`${s.what}. Confidence: ${s.confidence}. Source: ${s.source === null ? 'none found' : `${s.source.title}${s.source.url === undefined ? '' : ` <${s.source.url}>`}`}.`);
    }
  }

  doc.moveDown(1).fontSize(7).fillColor('#555555');
  line(`Generated by recert on ${input.createdAt.toISOString().slice(0, 10)} from the wallet of ${person.id}, evaluated as of ${t.asOf}.`);
  doc.end();
  return done;
}
