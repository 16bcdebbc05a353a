/** Reads every body file (`*.yaml`, `*.yml`, `*.json`) directly in a catalog folder and builds the catalog. */
import { buildCatalog, type Catalog } from '../catalog/catalog.js';
import { withLocatedErrors } from './locate-errors.js';
import { DEFAULT_CATALOG_DIR, findBuiltCatalog, rememberCatalog, type UnbuiltCatalog } from './load-catalog-dir.js';

// Defined in load-catalog-dir.ts, which does not load the catalog builder; exported here as before.
export { DEFAULT_CATALOG_DIR };

/** The catalog of `dir`: from this process's cache or the precompiled shipped catalog when its files match, else built. */
export function readCatalogDir(dir: string = DEFAULT_CATALOG_DIR): Catalog {
  const found = findBuiltCatalog(dir);
  return found.catalog ?? buildCatalogOf(found.unbuilt);
}

/** Builds (and caches) a catalog from its files, with line and column added to any error. */
export function buildCatalogOf({ files, key }: UnbuiltCatalog): Catalog {
  const catalog = withLocatedErrors(files, () => buildCatalog(files));
  rememberCatalog(key, catalog);
  return catalog;
}
