/** Reads every body file (`*.yaml`, `*.yml`, `*.json`) directly in a catalog folder and builds the catalog. */
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type Catalog } from '../catalog/catalog.js';
import { withLocatedErrors } from './locate-errors.js';
import { readDataFiles } from './read-data-files.js';

/** The catalog shipped with recert: `catalog/` at the package root. */
export const DEFAULT_CATALOG_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'catalog');

/**
 * Built catalogs by the content of their files: reading the files is cheap, building them is not, and a
 * process (the server, a test run) reads the same catalog many times. Catalogs are deeply frozen, so one
 * can be shared. Keyed by the files' names and text, so an edited file is always read again.
 */
const built = new Map<string, Catalog>();
const MAX_CACHED = 8;

export function readCatalogDir(dir: string = DEFAULT_CATALOG_DIR): Catalog {
  const files = readDataFiles(dir, 'catalog folder');
  const hash = createHash('sha256');
  for (const { file, text } of files) hash.update(`${file}\0${text}\0`);
  const key = hash.digest('hex');
  const cached = built.get(key);
  if (cached !== undefined) return cached;
  const catalog = withLocatedErrors(files, () => buildCatalog(files));
  if (built.size >= MAX_CACHED) built.delete(built.keys().next().value!);
  built.set(key, catalog);
  return catalog;
}
