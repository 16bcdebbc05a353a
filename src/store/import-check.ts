/**
 * Builds an import's `check` from a whole-profile check (the edges pass `checkProfileReferences`
 * with the catalog). In merge mode the check sees the stored entries followed by the file's, so each
 * issue's index is turned back into the file's own row ("activities[3].credits[0].units" is the
 * fourth activity of the file); issues on stored rows were there before and do not block the import.
 */
import type { Activity, Credential, Profile } from '../profile/profile-schema.js';
import type { Issue } from '../shared/recert-error.js';
import type { ImportOptions } from './store.js';

const ROW = /^(credentials|renewals|activities)\[(\d+)\](.*)$/s;

export function importCheck(mode: ImportOptions['mode'], check: (profile: Profile) => readonly Issue[]): ImportOptions['check'] {
  return (merged, existing) => {
    const issues = check(merged);
    if (mode === 'replace') return issues;
    const out: Issue[] = [];
    for (const issue of issues) {
      const match = ROW.exec(issue.path);
      if (match === null) {
        out.push(issue);
        continue;
      }
      const [, list, index, rest] = match as unknown as [string, 'credentials' | 'renewals' | 'activities', string, string];
      const row = Number(index) - existing[list].length;
      if (row >= 0) out.push({ ...issue, path: `${list}[${row}]${rest}` });
    }
    return out;
  };
}

/**
 * Checks one new credential or activity with the same whole-profile check, and reports paths
 * relative to the entry ("program", "credits[0].body").
 */
export function entryIssues(
  entry: { credential: Credential } | { activity: Activity },
  check: (profile: Profile) => readonly Issue[],
): Issue[] {
  const profile: Profile = 'credential' in entry
    ? { credentials: [entry.credential], renewals: [], activities: [] }
    : { credentials: [], renewals: [], activities: [entry.activity] };
  const prefix = 'credential' in entry ? 'credentials[0]' : 'activities[0]';
  return check(profile).map((issue) => ({
    ...issue,
    path: issue.path.startsWith(`${prefix}.`) ? issue.path.slice(prefix.length + 1) : issue.path,
  }));
}
