/** Reads every body file (`*.yaml`, `*.yml`, `*.json`) directly in a catalog folder and builds the catalog. */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type Catalog } from '../catalog/catalog.js';
import { withLocatedErrors } from './locate-errors.js';
import { readDataFiles } from './read-data-files.js';

/** The catalog shipped with recert: `catalog/` at the package root. */
export const DEFAULT_CATALOG_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'catalog');

export function readCatalogDir(dir: string = DEFAULT_CATALOG_DIR): Catalog {
  const files = readDataFiles(dir, 'catalog folder');
  return withLocatedErrors(files, () => buildCatalog(files));
}
