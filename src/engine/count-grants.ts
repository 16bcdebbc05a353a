/** Units a credential receives for holding other programs (NASM CES → 1.9 CEU toward NASM CPT). */
import type { Catalog } from '../catalog/catalog.js';
import type { RuleVersion } from '../catalog/schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { toMilli, fromMilli } from '../shared/units.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Contribution } from './count-activities.js';
import type { Cycle } from './cycles.js';
import { finding, type Finding } from './findings.js';
import { currentHolder, heldValidities, type Validity } from './held-credentials.js';

export function countGrants(
  catalog: Catalog,
  profile: Profile,
  rule: RuleVersion,
  cycle: Cycle,
  asOf: CalendarDate,
  unit: string,
  held: (program: string) => readonly Validity[] = (program) => heldValidities(catalog, profile, program, asOf),
): { contributions: Contribution[]; findings: Finding[] } {
  const contributions: Contribution[] = [];
  const findings: Finding[] = [];
  for (const grant of rule.grants) {
    const programName = catalog.programs.get(grant.program)?.name ?? grant.program;
    const validities = held(grant.program);
    if (validities.length === 0) continue;
    if (grant.units.value === null) {
      for (const { credential } of validities) {
        findings.push(finding({ kind: 'grant-not-counted', credential: credential.id, program: grant.program, programName, reason: 'unconfirmed', candidates: grant.units.candidates }));
      }
      continue;
    }
    const units = grant.units.value;
    if (grant.counts === 'current-at-check') {
      const holder = currentHolder(validities, asOf, asOf);
      if (holder === undefined) {
        findings.push(finding({ kind: 'grant-not-counted', credential: validities[0]!.credential.id, program: grant.program, programName, reason: 'not-current' }));
        continue;
      }
      contributions.push({ source: 'grant', id: holder.credential.id, milli: toMilli(units) });
      findings.push(finding({ kind: 'grant-counted', credential: holder.credential.id, program: grant.program, programName, units: fromMilli(toMilli(units)), unit, counts: grant.counts, earned: holder.credential.earned }));
      continue;
    }
    // A program held twice grants once: only the first time it was earned counts.
    const [first, ...again] = validities.slice().sort((a, b) => (a.credential.earned < b.credential.earned ? -1 : a.credential.earned > b.credential.earned ? 1 : 0));
    for (const { credential } of again) {
      findings.push(finding({ kind: 'grant-not-counted', credential: credential.id, program: grant.program, programName, reason: 'already-held' }));
    }
    for (const { credential } of first === undefined ? [] : [first]) {
      if (credential.earned >= cycle.countFrom && credential.earned <= cycle.windowEnd) {
        contributions.push({ source: 'grant', id: credential.id, milli: toMilli(units) });
        findings.push(finding({ kind: 'grant-counted', credential: credential.id, program: grant.program, programName, units, unit, counts: grant.counts, earned: credential.earned }));
      } else {
        findings.push(finding({ kind: 'grant-not-counted', credential: credential.id, program: grant.program, programName, reason: 'earned-outside-cycle' }));
      }
    }
  }
  return { contributions, findings };
}
