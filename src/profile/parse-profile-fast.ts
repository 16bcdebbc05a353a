/**
 * A profile read by the fast path alone (fast-parse.ts, the hand-written check, the references), without
 * loading the located parser or zod. Undefined when the text is not accepted whole; the caller then uses
 * parse-profile.ts, which gives the same profile or reports every problem with its line and column.
 */
import type { Catalog } from '../catalog/catalog.js';
import { fastParse } from '../shared/fast-parse.js';
import { checkProfileFast } from './fast-profile-check.js';
import { checkProfileReferences } from './profile-references.js';
import type { Profile } from './profile-schema.js';

export function parseProfileFast(text: string, file: string, catalog: Catalog): Profile | undefined {
  const parsed = fastParse(text, file);
  const profile = parsed.ok ? checkProfileFast(parsed.value) : undefined;
  return profile !== undefined && checkProfileReferences(profile, catalog).length === 0 ? profile : undefined;
}
