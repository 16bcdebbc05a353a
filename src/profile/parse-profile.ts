/**
 * Parses and checks a profile: its shape (with the JSON path of each problem) and its references
 * against the catalog (programs exist, ids are unique, renewals name a credential).
 */
import type { Catalog } from '../catalog/catalog.js';
import { parseLocated } from '../shared/parse-located.js';
import { RecertError } from '../shared/recert-error.js';
import { checkProfileFast } from './fast-profile-check.js';
import { checkProfileReferences } from './profile-references.js';
import { profileSchema, type Profile } from './profile-schema.js';

export { checkProfileReferences } from './profile-references.js';

export function parseProfile(text: string, file: string, catalog: Catalog): Profile {
  const result = parseLocated(text, file, profileSchema, { syntax: 'PROFILE_SYNTAX', schema: 'PROFILE_SCHEMA' }, { fastCheck: checkProfileFast });
  if (!result.ok) throw new RecertError(result.issues);
  const issues = checkProfileReferences(result.value, catalog).map((issue) => ({ ...issue, file }));
  if (issues.length > 0) throw new RecertError(issues);
  return result.value;
}
