/** Reads every body file (`*.yaml`, `*.yml`, `*.json`) directly in a catalog folder and builds the catalog. */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type Catalog } from '../catalog/catalog.js';
import { RecertError } from '../shared/recert-error.js';

/** The catalog shipped with recert: `catalog/` at the package root. */
export const DEFAULT_CATALOG_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'catalog');

const BODY_FILE = /\.(ya?ml|json)$/;

export function readCatalogDir(dir: string = DEFAULT_CATALOG_DIR): Catalog {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new RecertError([{ code: 'FILE_NOT_FOUND', file: dir, path: '', message: 'catalog folder not found' }]);
  }
  const files = readdirSync(dir)
    .filter((name) => BODY_FILE.test(name))
    .sort()
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
  return buildCatalog(files);
}
