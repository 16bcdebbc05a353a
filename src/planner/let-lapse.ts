/** Checks the credentials a person asks to let lapse: each must name one they hold, by id or program. */
import type { Profile } from '../profile/profile-schema.js';
import type { Issue } from '../shared/recert-error.js';

/** Each entry must name a credential the person holds, by its id or its program. Issues with paths `${at}[i]` (`body.letLapse[1]` for the API, `--let-lapse[1]` for the CLI). */
export function letLapseIssues(profile: Profile, letLapse: readonly string[], at: string, code: Issue['code'] = 'REQUEST_INVALID'): Issue[] {
  const held = new Set(profile.credentials.flatMap((c) => [c.id, c.program]));
  return letLapse.flatMap((id, index): Issue[] => held.has(id) ? [] : [{
    code, path: `${at}[${index}]`,
    message: `the person holds no credential "${id}" (by id or program); held: ${profile.credentials.map((c) => `${c.id} (${c.program})`).join(', ') || 'none'}`,
  }]);
}
