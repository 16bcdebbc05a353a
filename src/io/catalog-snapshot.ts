/**
 * The rule catalog, precompiled. Building a catalog from its files (YAML, zod validation, cross-checks)
 * takes ~50 ms, and loading zod and the YAML parsers for it ~70 ms more: a large part of a fresh
 * `recert` process. So `npm run build` builds the shipped catalog once and writes the result as JSON
 * (write-catalog-snapshot.ts); a process then reads that file instead, and loads no parser.
 *
 * The snapshot is keyed by the names and exact text of the catalog files and by the text of the compiled
 * modules that build a catalog: it stands in for the builder only when both are unchanged since it was
 * written, so an edited catalog file, another --catalog-dir or a changed schema always takes the builder.
 * This module loads neither zod nor a YAML parser (type imports only).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog, CatalogFileText } from '../catalog/catalog.js';
import type { Body, Program } from '../catalog/schema.js';

/** Bumped when the snapshot's layout changes, so an old file is never misread. */
const SNAPSHOT_FORMAT = 1;

/**
 * Where `npm run build` writes the snapshot: next to this module, in dist/io/. Running from src/ (the
 * tests) there is none, so the builder always runs there unless a test passes its own file.
 */
export const SNAPSHOT_FILE = fileURLToPath(new URL('./catalog-snapshot.json', import.meta.url));

/**
 * The modules whose code decides what a built catalog holds: the static imports of catalog/catalog.ts,
 * followed (catalog-snapshot.test.ts checks this list against them). Relative to this module; the
 * compiled `.js` files exist only in dist/.
 */
export const BUILDER_MODULES = [
  '../catalog/catalog.js',
  '../catalog/schema.js',
  '../shared/calendar-date.js',
  '../shared/parse-located.js',
  '../shared/recert-error.js',
];

/** A hash of the compiled builder's code, or undefined when it is not there to read (running from src/). */
export function builderFingerprint(): string | undefined {
  const hash = createHash('sha256');
  try {
    for (const module of BUILDER_MODULES) hash.update(`${module}\0${readFileSync(new URL(module, import.meta.url), 'utf8')}\0`);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/**
 * What a snapshot must have been written for: the builder and every file's name and text. The folder is
 * left out: a built catalog does not depend on where its files are, only on what they say.
 */
export function snapshotKey(files: readonly CatalogFileText[], builder: string): string {
  const hash = createHash('sha256').update(`${builder}\0`);
  for (const { file, text } of files) hash.update(`${basename(file)}\0${text}\0`);
  return hash.digest('hex');
}

interface Snapshot {
  format: number;
  key: string;
  bodies: [string, Body][];
  programs: [string, Program][];
}

/** The snapshot of a built catalog. The catalog holds only JSON values (strings, numbers, booleans, null, arrays, objects) in Maps. */
export function catalogSnapshotText(catalog: Catalog, key: string): string {
  const snapshot: Snapshot = { format: SNAPSHOT_FORMAT, key, bodies: [...catalog.bodies], programs: [...catalog.programs] };
  return JSON.stringify(snapshot);
}

/** The catalog a snapshot holds, deeply frozen as the builder leaves it; undefined when it was written for another key. */
export function catalogFromSnapshotText(text: string, key: string): Catalog | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(text) as Snapshot;
  } catch {
    return undefined;
  }
  if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.key !== key) return undefined;
  const bodies = new Map(freezeJson(snapshot.bodies));
  const programs = new Map(freezeJson(snapshot.programs));
  return Object.freeze({ bodies: Object.freeze(bodies), programs: Object.freeze(programs) });
}

/**
 * Freezes parsed JSON all the way down, as the builder's deepFreeze leaves a catalog (every object and
 * array frozen). Children first, with plain loops: ~4 times faster than deepFreeze on a fresh process.
 */
function freezeJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) freezeJson(value[i]);
  } else {
    for (const key in value) freezeJson(value[key]);
  }
  return Object.freeze(value);
}

/**
 * True when a and b are the same value in every way a reader could tell: same prototypes, own keys in
 * the same order, Map entries in the same order, frozenness, and primitives by Object.is (so -0 ≠ 0).
 * The build checks a snapshot with it before writing one; the tests compare both paths with it.
 */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Object.isFrozen(a) !== Object.isFrozen(b)) return false;
  if (a instanceof Map) {
    const entriesA = [...a];
    const entriesB = [...(b as Map<unknown, unknown>)];
    return entriesA.length === entriesB.length && entriesA.every(([k, v], i) => Object.is(k, entriesB[i]![0]) && isSameValue(v, entriesB[i]![1]));
  }
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.length !== keysB.length || keysA.some((k, i) => k !== keysB[i])) return false;
  return keysA.every((k) => {
    const da = Object.getOwnPropertyDescriptor(a, k)!;
    const db = Object.getOwnPropertyDescriptor(b, k)!;
    return da.enumerable === db.enumerable && da.writable === db.writable && isSameValue(da.value, db.value);
  });
}
