/**
 * A profile's references against the rule catalog: programs exist, ids are unique, renewals name a
 * credential, credit lines name known bodies and categories, once per body. Free of zod and the located
 * parser (parse-profile-fast.ts uses it without them).
 */
import type { Catalog } from '../catalog/catalog.js';
import { unknownProgramMessage } from '../catalog/find-program.js';
import type { Issue } from '../shared/recert-error.js';
import type { Profile } from './profile-schema.js';

export function checkProfileReferences(profile: Profile, catalog: Catalog): Issue[] {
  const issues: Issue[] = [];
  const problem = (path: string, message: string): void => {
    issues.push({ code: 'PROFILE_REFERENCE', path, message });
  };
  const credentialIds = new Set<string>();
  profile.credentials.forEach((credential, i) => {
    if (credentialIds.has(credential.id)) problem(`credentials[${i}].id`, `credential id "${credential.id}" is used twice`);
    credentialIds.add(credential.id);
    if (!catalog.programs.has(credential.program)) {
      problem(`credentials[${i}].program`, unknownProgramMessage(catalog, credential.program));
    }
  });
  profile.renewals.forEach((renewal, i) => {
    if (!credentialIds.has(renewal.credential)) problem(`renewals[${i}].credential`, `no credential with id "${renewal.credential}"`);
  });
  const activityIds = new Set<string>();
  profile.activities.forEach((activity, i) => {
    if (activityIds.has(activity.id)) problem(`activities[${i}].id`, `activity id "${activity.id}" is used twice`);
    activityIds.add(activity.id);
    const seenBodies = new Set<string>();
    activity.credits.forEach((credit, c) => {
      if (seenBodies.has(credit.body)) problem(`activities[${i}].credits[${c}].body`, `two credit lines for body "${credit.body}"; give one per body`);
      seenBodies.add(credit.body);
      const body = catalog.bodies.get(credit.body);
      if (body === undefined) {
        problem(`activities[${i}].credits[${c}].body`, `unknown body "${credit.body}"; expected one of ${[...catalog.bodies.keys()].join(', ')}`);
      } else if (credit.category !== undefined && !body.categories.some((category) => category.id === credit.category)) {
        const known = body.categories.map((category) => category.id).join(', ');
        problem(`activities[${i}].credits[${c}].category`, `unknown ${credit.body} category "${credit.category}"; expected ${known === '' ? 'no category' : `one of ${known}`}`);
      }
    });
  });
  return issues;
}
