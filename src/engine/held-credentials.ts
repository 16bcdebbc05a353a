/** When a held credential (CPR/AED, a specialization) is valid, for requirements that depend on it. */
import type { Catalog } from '../catalog/catalog.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Credential, Profile, Renewal } from '../profile/profile-schema.js';
import { buildCycles, type CycleTrack } from './cycles.js';
import type { Program } from '../catalog/schema.js';

/** The cycles of one credential of the profile on the evaluation's date (buildCycles, or a memo of it). */
export type CyclesOf = (program: Program, credential: Credential) => CycleTrack;

export interface Validity {
  readonly credential: Credential;
  /** Last day valid; null when it never expires. */
  readonly validUntil: CalendarDate | null;
}

/**
 * Every credential of `program`, or of a program that stands in for it (`satisfies`), earned on or before
 * `asOf`, with the last day it is valid given its own program's rule and its renewals.
 */
export function heldValidities(
  catalog: Catalog, profile: Profile, program: string, asOf: CalendarDate,
  cyclesOf: CyclesOf = (definition, credential) => buildCycles(definition, credential, profile.renewals, asOf),
): Validity[] {
  if (!catalog.programs.has(program)) return [];
  return profile.credentials
    .filter((credential) => credential.earned <= asOf && (credential.program === program || (catalog.programs.get(credential.program)?.satisfies?.includes(program) ?? false)))
    .map((credential) => {
      const definition = catalog.programs.get(credential.program)!;
      const track = cyclesOf(definition, credential);
      if (track.kind === 'never-expires') return { credential, validUntil: null };
      if (track.kind === 'not-covered') return { credential, validUntil: credential.earned };
      const last = track.cycles[track.cycles.length - 1];
      return { credential, validUntil: last?.end ?? credential.earned };
    });
}

/** heldValidities for one profile and date, each program worked out once (an evaluation asks per credential). */
export function heldValiditiesOnce(catalog: Catalog, profile: Profile, asOf: CalendarDate, cyclesOf?: CyclesOf): (program: string) => readonly Validity[] {
  const known = new Map<string, readonly Validity[]>();
  return (program) => {
    let validities = known.get(program);
    if (validities === undefined) known.set(program, (validities = heldValidities(catalog, profile, program, asOf, cyclesOf)));
    return validities;
  };
}

/** The held credential of `program` valid on `date` (and `beyondDays` after it) that stays valid longest. */
export function currentHolder(validities: readonly Validity[], date: CalendarDate, validThrough: CalendarDate): Validity | undefined {
  const valid = validities.filter((v) => v.credential.earned <= date && (v.validUntil === null || v.validUntil >= validThrough));
  return valid.sort((a, b) => ((a.validUntil ?? '9999-12-31') > (b.validUntil ?? '9999-12-31') ? -1 : 1))[0];
}

/**
 * buildCycles for one profile and date, each credential worked out once: an evaluation needs a
 * credential's cycles for its own report and again when another credential depends on holding it
 * (CPR/AED, a grant). The renewals are grouped by credential once, so each build reads only its own.
 */
export function cyclesOnce(profile: Profile, asOf: CalendarDate): CyclesOf {
  const known = new Map<Credential, CycleTrack>();
  let renewalsOf: Map<string, Renewal[]> | undefined;
  return (program, credential) => {
    let track = known.get(credential);
    if (track === undefined) {
      if (renewalsOf === undefined) {
        renewalsOf = new Map();
        for (const renewal of profile.renewals) {
          const list = renewalsOf.get(renewal.credential);
          if (list === undefined) renewalsOf.set(renewal.credential, [renewal]);
          else list.push(renewal);
        }
      }
      known.set(credential, (track = buildCycles(program, credential, renewalsOf.get(credential.id) ?? NO_RENEWALS, asOf)));
    }
    return track;
  };
}

const NO_RENEWALS: readonly Renewal[] = [];
