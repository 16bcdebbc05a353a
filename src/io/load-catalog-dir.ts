/**
 * The rule catalog of a folder, without loading the catalog builder (zod, the YAML parsers) when it is
 * not needed: a catalog already built in this process, or the precompiled shipped catalog
 * (catalog-snapshot.ts), is returned as is. Only a folder whose files match neither is built, by
 * read-catalog-dir.ts, which `loadCatalogDir` imports on demand.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog, CatalogFileText } from '../catalog/catalog.js';
import { builderSources, catalogFromSnapshotText, SNAPSHOT_FILE, type Texts } from './catalog-snapshot.js';
import { readDataFiles } from './read-data-files.js';

/** The catalog shipped with recert: `catalog/` at the package root. */
export const DEFAULT_CATALOG_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'catalog');

/**
 * Built catalogs by the content of their files: reading the files is cheap, building them is not, and a
 * process (the server, a test run) reads the same catalog many times. Catalogs are deeply frozen, so one
 * can be shared. Keyed by the files' names and text, so an edited file is always read again (the text
 * itself is the key: V8 hashes a string key once, and node:crypto would cost ~4 ms to load).
 */
const built = new Map<string, Catalog>();
const MAX_CACHED = 8;

/** A folder's catalog files that neither the cache nor the snapshot answers for: what the builder needs. */
export interface UnbuiltCatalog {
  readonly files: CatalogFileText[];
  readonly key: string;
}

/** Where a snapshot is and which builder the running code is (tests pass their own). */
export interface SnapshotSource {
  readonly file: string;
  readonly builder: () => Texts | undefined;
}

/** The compiled builder's code (what the shipped snapshot is keyed by), read once: it does not change under a running process. */
let shippedBuilder: Texts | null | undefined;
const SHIPPED_SNAPSHOT: SnapshotSource = {
  file: SNAPSHOT_FILE,
  builder: () => (shippedBuilder === undefined ? (shippedBuilder = builderSources() ?? null) : shippedBuilder) ?? undefined,
};

/** The catalog of `dir` if it is already built (in this process, or precompiled), else its files to build. */
export function findBuiltCatalog(dir: string, snapshot: SnapshotSource = SHIPPED_SNAPSHOT): { catalog: Catalog } | { catalog: undefined; unbuilt: UnbuiltCatalog } {
  const files = readDataFiles(dir, 'catalog folder');
  const key = files.map(({ file, text }) => `${file}\0${text}\0`).join('');
  const cached = built.get(key) ?? fromSnapshot(files, snapshot);
  if (cached !== undefined) {
    rememberCatalog(key, cached);
    return { catalog: cached };
  }
  return { catalog: undefined, unbuilt: { files, key } };
}

export function rememberCatalog(key: string, catalog: Catalog): void {
  if (built.get(key) === catalog) return;
  if (built.size >= MAX_CACHED) built.delete(built.keys().next().value!);
  built.set(key, catalog);
}

/** Like readCatalogDir (same catalog, same errors), loading the builder only when the catalog must be built. */
export async function loadCatalogDir(dir: string = DEFAULT_CATALOG_DIR): Promise<Catalog> {
  const found = findBuiltCatalog(dir);
  if (found.catalog !== undefined) return found.catalog;
  const { buildCatalogOf } = await import('./read-catalog-dir.js');
  return buildCatalogOf(found.unbuilt);
}

/** Snapshot files read in this process, by path (null: none there). */
const snapshotTexts = new Map<string, string | null>();

function fromSnapshot(files: readonly CatalogFileText[], snapshot: SnapshotSource): Catalog | undefined {
  let text = snapshotTexts.get(snapshot.file);
  if (text === undefined) {
    try {
      text = readFileSync(snapshot.file, 'utf8');
    } catch {
      text = null;
    }
    snapshotTexts.set(snapshot.file, text);
  }
  if (text === null) return undefined;
  const builder = snapshot.builder();
  return builder === undefined ? undefined : catalogFromSnapshotText(text, files, builder);
}
