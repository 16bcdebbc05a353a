/** Reads the data files (`*.yaml`, `*.yml`, `*.json`) directly in a folder, sorted by name, with their text. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogFileText } from '../catalog/catalog.js';
import { RecertError } from '../shared/recert-error.js';

const DATA_FILE = /\.(ya?ml|json)$/;

/** `what` names the folder in errors ("catalog folder", "course catalog folder"). */
export function readDataFiles(dir: string, what: string): CatalogFileText[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new RecertError([{ code: 'FILE_NOT_FOUND', file: dir, path: '', message: `${what} not found` }]);
  }
  return readdirSync(dir)
    .filter((name) => DATA_FILE.test(name))
    .sort()
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}
