/**
 * Build step (the last of `npm run build`): builds the shipped rule catalog with the compiled builder and
 * writes its snapshot (catalog-snapshot.ts) to dist/io/catalog-snapshot.json. Run from dist/ only:
 * `node dist/io/write-catalog-snapshot.js`.
 *
 * It never fails the build: when the catalog does not build (a maintainer's work in progress) or the
 * snapshot would not read back as exactly the same catalog, it writes none and says why; recert then
 * builds the catalog at run time, as it did before snapshots, with the same result and the same errors.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { builderSources, catalogFromSnapshotText, catalogSnapshotText, isSameValue, SNAPSHOT_FILE } from './catalog-snapshot.js';
import { readCatalogDir } from './read-catalog-dir.js';
import { DEFAULT_CATALOG_DIR } from './load-catalog-dir.js';
import { readDataFiles } from './read-data-files.js';

// An old snapshot goes first, so that the catalog below is built, not read back from it.
rmSync(SNAPSHOT_FILE, { force: true });
const builder = builderSources();
if (builder === undefined) {
  // Run from src/, or zod/yaml/js-yaml not at the package's own node_modules/: there is nothing to key a snapshot by.
  process.stderr.write('write-catalog-snapshot: the compiled builder or its libraries are not where expected; no snapshot (recert builds the catalog at run time)\n');
} else {
  try {
    const files = readDataFiles(DEFAULT_CATALOG_DIR, 'catalog folder');
    const catalog = readCatalogDir(DEFAULT_CATALOG_DIR);
    const text = catalogSnapshotText(catalog, files, builder);
    const readBack = catalogFromSnapshotText(text, files, builder);
    if (readBack === undefined || !isSameValue(readBack, catalog)) {
      process.stderr.write('write-catalog-snapshot: the snapshot would not read back as the same catalog; none written (recert builds the catalog at run time)\n');
    } else {
      writeFileSync(SNAPSHOT_FILE, text);
    }
  } catch (error) {
    process.stderr.write(`write-catalog-snapshot: the shipped catalog does not build, so no snapshot (recert reports this at run time):\n${error instanceof Error ? error.message : String(error)}\n`);
  }
}
