/** The human-readable compliance report: one block per credential with a progress bar and the reasons. */
import pc from 'picocolors';
import type { ComplianceReport, CredentialReport, Status } from '../engine/report.js';
import { formatUnits } from '../shared/units.js';

const STATUS_STYLE: Record<Status, (text: string) => string> = {
  current: pc.green,
  'never-expires': pc.green,
  'in-progress': pc.cyan,
  'due-soon': pc.yellow,
  grace: pc.yellow,
  lapsed: pc.red,
  'not-yet-earned': pc.dim,
  'not-covered': pc.magenta,
  unconfirmed: pc.magenta,
};

export function progressBar(earned: number, required: number, width = 24): string {
  const ratio = required <= 0 ? 1 : Math.min(1, earned / required);
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

export function renderReport(report: ComplianceReport): string {
  const lines = [pc.bold(`recert compliance report as of ${report.asOf}`), ''];
  if (report.credentials.length === 0) lines.push('No credentials in this profile.');
  for (const credential of report.credentials) lines.push(...renderCredential(credential), '');
  return lines.join('\n');
}

function renderCredential(c: CredentialReport): string[] {
  const status = STATUS_STYLE[c.status](c.status.toUpperCase());
  const lines = [`${pc.bold(c.programName)} ${pc.dim(`(${c.id}, ${c.program})`)}  ${status}`];
  if (c.cycle !== null) lines.push(`  cycle ${c.cycle.start} → ${c.cycle.end}${c.deadline !== null && c.deadline !== c.cycle.end ? `, grace until ${c.deadline}` : ''}`);
  if (c.required !== null && c.unit !== null) {
    const bar = progressBar(c.earned, c.required);
    lines.push(`  ${bar} ${formatUnits(c.earned)} / ${formatUnits(c.required)} ${c.unit}${c.missing ? pc.yellow(`  (${formatUnits(c.missing)} missing)`) : ''}`);
  }
  for (const component of c.components) {
    const mark = component.unconfirmed ? pc.magenta('?') : component.met ? pc.green('✓') : pc.red('✗');
    lines.push(`  ${mark} ${component.detail.startsWith(component.label) ? component.detail : `${component.label}: ${component.detail}`}`);
  }
  if (c.nextStep.kind !== 'none') lines.push(`  ${pc.bold('Next step:')} ${c.nextStep.text}`);
  const notes = c.explanation.filter((s) => s.startsWith('Note:') || s.startsWith('Unconfirmed:'));
  const shown = new Set([...notes, ...c.components.map((component) => component.detail)]);
  for (const sentence of c.explanation.filter((s) => !shown.has(s))) lines.push(`  - ${sentence}`);
  for (const note of notes) lines.push(pc.dim(`  * ${note}`));
  return lines;
}
