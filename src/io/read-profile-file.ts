import { existsSync, readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog.js';
import { parseProfile } from '../profile/parse-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { RecertError } from '../shared/recert-error.js';

export function readProfileFile(path: string, catalog: Catalog): Profile {
  if (!existsSync(path)) throw new RecertError([{ code: 'FILE_NOT_FOUND', file: path, path: '', message: 'profile file not found' }]);
  return parseProfile(readFileSync(path, 'utf8'), path, catalog);
}
