/** One-line summaries of each program's latest rule version, for `recert programs` and the README table. */
import type { Catalog } from './catalog.js';
import type { Sourced } from './schema.js';
import { formatUnits } from '../shared/units.js';

export interface ProgramSummary {
  id: string;
  name: string;
  body: string;
  kind: string;
  unit: string;
  from: string;
  validity: string;
  requirement: string;
  components: string;
  grace: string;
  grants: string;
  unconfirmed: string[];
}

const EXPIRES: Record<string, string> = { anniversary: 'on the anniversary', 'end-of-month': 'at month end', 'end-of-year': 'on 31 December' };

const mark = (value: Sourced<unknown> | undefined): string => (value === undefined || value.confidence === 'own' ? '' : ` (${value.confidence})`);

export function describePrograms(catalog: Catalog): ProgramSummary[] {
  const rows: ProgramSummary[] = [];
  for (const program of [...catalog.programs.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const rule = program.rules[program.rules.length - 1]!;
    const unconfirmed: string[] = [];
    const note = (label: string, value: Sourced<unknown> | undefined): void => {
      if (value?.confidence === 'unconfirmed') unconfirmed.push(label);
    };
    const v = rule.validity;
    let validity: string;
    if (v.kind === 'never') validity = `never expires${v.confidence === 'own' ? '' : ` (${v.confidence})`}`;
    else if (v.kind === 'months') {
      validity = `${v.months.value ?? '?'} months${mark(v.months)}, expires ${EXPIRES[v.expiresOn.value ?? ''] ?? 'on an unknown day'}${mark(v.expiresOn)}`;
      note('expiry day', v.expiresOn);
    } else validity = `fixed ${v.years.value ?? '?'}-year periods from ${v.anchor}${mark(v.years)}`;

    const req = rule.requirements;
    const requirement = req === undefined
      ? rule.renewal?.method === 'new-course' ? 'renew by taking a new course' : ''
      : `${req.totalUnits.value === null ? '?' : formatUnits(req.totalUnits.value)} ${rule.unit.name}${mark(req.totalUnits)}${req.proration === undefined ? '' : ', prorated in the first period'}${req.firstCycleUnits?.value == null ? '' : ` (${formatUnits(req.firstCycleUnits.value)} in the first cycle)`}`;
    if (req !== undefined) note('required total', req.totalUnits);
    const components = (req?.components ?? []).map((c) => c.label);
    const caps = (req?.categories ?? [])
      .filter((c) => c.maxPerCycle !== undefined || c.maxPerYear !== undefined)
      .map((c) => `${c.name} ≤ ${[c.maxPerCycle?.value != null ? `${formatUnits(c.maxPerCycle.value)}/cycle` : '', c.maxPerYear?.value != null ? `${formatUnits(c.maxPerYear.value)}/year` : ''].filter(Boolean).join(', ')}`);
    const grace = rule.renewal?.grace;
    if (grace !== undefined) note('grace period', grace);
    if (rule.renewal !== undefined) note('where the next cycle starts', rule.renewal.extendsFrom);
    const period = (p: { months: number } | { days: number }): string => ('months' in p ? `${p.months} months` : `${p.days} days`);
    const ceWindow = rule.renewal?.ceWindow;
    if (ceWindow !== undefined) note('CE window after expiry', ceWindow);
    const graceText = grace?.value == null ? '' : `${period(grace.value)}${mark(grace)}${ceWindow?.value == null ? '' : `, if CE is done by ${period(ceWindow.value)} after expiry${mark(ceWindow)}`}`;
    const grants = rule.grants.map((g) => {
      note(`units for ${g.program}`, g.units);
      return `${g.units.value === null ? '?' : formatUnits(g.units.value)} for ${g.program}${mark(g.units)}`;
    });
    rows.push({
      id: program.id, name: program.name, body: program.body, kind: program.kind, from: rule.from, validity,
      unit: rule.requirements === undefined ? '' : `${rule.unit.name}${rule.unit.hoursPerUnit.value === null ? '' : ` = ${rule.unit.hoursPerUnit.value} h`}${mark(rule.unit.hoursPerUnit)}`,
      requirement: [requirement, ...caps].filter(Boolean).join('; '), components: components.join('; '), grace: graceText, grants: grants.join('; '), unconfirmed,
    });
  }
  return rows;
}
