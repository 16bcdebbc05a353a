/**
 * The precompiled rule catalog (src/io/catalog-snapshot.ts) must give exactly the catalog the builder
 * gives, and must never stand in for it when the files or the builder changed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogDir, DEFAULT_CATALOG_DIR } from '../../src/io/read-catalog-dir.js';
import { findBuiltCatalog, loadCatalogDir } from '../../src/io/load-catalog-dir.js';
import { BUILDER_MODULES, catalogFromSnapshotText, catalogSnapshotText, isSameValue } from '../../src/io/catalog-snapshot.js';
import { readDataFiles } from '../../src/io/read-data-files.js';
import { RecertError } from '../../src/shared/recert-error.js';

const temp = mkdtempSync(join(tmpdir(), 'recert-snapshot-'));
let folders = 0;

/** A copy of the shipped catalog in its own folder: the process cache is keyed by path, so this one is not cached yet. */
function catalogCopy(): string {
  const dir = join(temp, `catalog-${++folders}`);
  cpSync(DEFAULT_CATALOG_DIR, dir, { recursive: true });
  return dir;
}

/** A snapshot of the shipped catalog, written for `builder`, in a file of its own. */
function shippedSnapshot(builder: string): string {
  // A stand-in for the compiled builder's code (running from src/ there is none).
  const file = join(temp, `snapshot-${++folders}.json`);
  writeFileSync(file, catalogSnapshotText(readCatalogDir(), readDataFiles(DEFAULT_CATALOG_DIR, 'catalog folder'), [['b', builder]]));
  return file;
}

describe('the precompiled rule catalog', () => {
  it('reads back as exactly the catalog the builder builds: Maps in order, key order, frozen throughout', () => {
    const built = readCatalogDir();
    const snapshot = shippedSnapshot('builder-a');
    const found = findBuiltCatalog(catalogCopy(), { file: snapshot, builder: () => [['b', 'builder-a']] });
    expect(found.catalog).toBeDefined();
    expect(found.catalog).not.toBe(built);
    expect(isSameValue(found.catalog, built)).toBe(true);
    expect(found.catalog).toStrictEqual(built);
    expect(Object.isFrozen(found.catalog!.programs)).toBe(true);
    expect(Object.isFrozen(found.catalog!.programs.get('nasm-cpt')!.rules[0]!.fees)).toBe(true);
  });

  it('is not used when a catalog file changed, or for another builder, or when unreadable', () => {
    const snapshot = shippedSnapshot('builder-b');
    const edited = catalogCopy();
    appendFileSync(join(edited, readdirSync(edited).find((name) => name.endsWith('.yaml'))!), '\n# edited\n');
    expect(findBuiltCatalog(edited, { file: snapshot, builder: () => [['b', 'builder-b']] }).catalog).toBeUndefined();
    expect(findBuiltCatalog(catalogCopy(), { file: snapshot, builder: () => [['b', 'builder-c']] }).catalog).toBeUndefined();
    expect(findBuiltCatalog(catalogCopy(), { file: snapshot, builder: () => undefined }).catalog).toBeUndefined();
    // Cut short in its key, or in its catalog.
    for (const [name, cut] of [['cut-key.json', 1000], ['cut-catalog.json', -10]] as const) {
      const corrupt = join(temp, name);
      writeFileSync(corrupt, readFileSync(snapshot, 'utf8').slice(0, cut));
      expect(findBuiltCatalog(catalogCopy(), { file: corrupt, builder: () => [['b', 'builder-b']] }).catalog).toBeUndefined();
    }
    expect(findBuiltCatalog(catalogCopy(), { file: join(temp, 'missing.json'), builder: () => [['b', 'builder-b']] }).catalog).toBeUndefined();
    // The edited folder still builds, to the same catalog (a comment changes nothing).
    expect(readCatalogDir(edited)).toStrictEqual(readCatalogDir());
  });

  it('keys the builder by every module catalog.ts runs (its static imports, followed)', () => {
    const src = join(import.meta.dirname, '..', '..', 'src');
    const reached = new Set<string>();
    const visit = (file: string): void => {
      const rel = relative(join(src, 'io'), file).replace(/\.ts$/, '.js');
      if (reached.has(rel)) return;
      reached.add(rel);
      const text = readFileSync(file, 'utf8');
      // Value imports only: `import type` and `export type` are erased from the compiled module.
      for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
        visit(join(file, '..', m[1]!.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(src, 'catalog', 'catalog.ts'));
    expect([...reached].sort()).toEqual([...BUILDER_MODULES].sort());
  });

  it('compares values strictly: -0, key order, Map order, frozenness', () => {
    expect(isSameValue({ a: 0 }, { a: -0 })).toBe(false);
    expect(isSameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(isSameValue(new Map([['a', 1], ['b', 2]]), new Map([['b', 2], ['a', 1]]))).toBe(false);
    expect(isSameValue(Object.freeze({ a: [1] }), { a: [1] })).toBe(false);
    expect(isSameValue([1, { a: 'x' }], [1, { a: 'x' }])).toBe(true);
    const files = readDataFiles(DEFAULT_CATALOG_DIR, 'catalog folder');
    const text = catalogSnapshotText(readCatalogDir(), files, [['b', 'k']]);
    expect(catalogFromSnapshotText(text, files, [['b', 'other']])).toBeUndefined();
    expect(catalogFromSnapshotText(text, files, [['b', 'k'], ['c', '']])).toBeUndefined();
    expect(catalogFromSnapshotText(text, files.slice(1), [['b', 'k']])).toBeUndefined();
    expect(catalogFromSnapshotText(text, [...files, { file: 'x.yaml', text: '' }], [['b', 'k']])).toBeUndefined();
    expect(catalogFromSnapshotText(text, files.map((f, i) => (i === 0 ? { ...f, file: 'renamed.yaml' } : f)), [['b', 'k']])).toBeUndefined();
    expect(catalogFromSnapshotText(text, files, [['b', 'k']])).toBeDefined();
  });
});

describe('loadCatalogDir', () => {
  it('gives the catalog readCatalogDir gives, building it when there is no snapshot (as under src/)', async () => {
    const dir = catalogCopy();
    expect(await loadCatalogDir(dir)).toStrictEqual(readCatalogDir());
    expect(await loadCatalogDir()).toBe(readCatalogDir());
  });

  it('reports the same errors as readCatalogDir', async () => {
    const broken = catalogCopy();
    writeFileSync(join(broken, 'zz-broken.yaml'), 'schemaVersion: 1\nbody: { id: Bad Id, name: x }\n');
    const missing = join(temp, 'no-such-folder');
    for (const dir of [broken, missing]) {
      let expected: unknown;
      try {
        readCatalogDir(dir);
      } catch (error) {
        expected = error;
      }
      expect(expected).toBeInstanceOf(RecertError);
      await expect(loadCatalogDir(dir)).rejects.toThrow((expected as RecertError).message);
    }
  });
});
