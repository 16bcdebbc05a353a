/**
 * Reads a profile file by the fast path alone (parse-profile-fast.ts), for one-shot commands that should
 * not load zod and the located parser. Undefined when the file is missing or not accepted whole: the
 * caller then uses read-profile-file.ts, which gives the same profile or says what is wrong and where.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog.js';
import { parseProfileFast } from '../profile/parse-profile-fast.js';
import type { Profile } from '../profile/profile-schema.js';

export function readProfileFileFast(path: string, catalog: Catalog): Profile | undefined {
  return existsSync(path) ? parseProfileFast(readFileSync(path, 'utf8'), path, catalog) : undefined;
}
