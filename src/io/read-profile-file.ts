import { existsSync, readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog.js';
import { parseProfile } from '../profile/parse-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { RecertError } from '../shared/recert-error.js';
import { withLocatedErrors } from './locate-errors.js';

export function readProfileFile(path: string, catalog: Catalog): Profile {
  if (!existsSync(path)) throw new RecertError([{ code: 'FILE_NOT_FOUND', file: path, path: '', message: 'profile file not found' }]);
  const text = readFileSync(path, 'utf8');
  return withLocatedErrors([{ file: path, text }], () => parseProfile(text, path, catalog));
}
