/**
 * The rule catalog, precompiled. Building a catalog from its files (YAML, zod validation, cross-checks)
 * takes ~50 ms, and loading zod and the YAML parsers for it ~70 ms more: a large part of a fresh
 * `recert` process. So `npm run build` builds the shipped catalog once and writes the result as JSON
 * (write-catalog-snapshot.ts); a process then reads that file instead, and loads no parser.
 *
 * The snapshot holds the names and exact text of the catalog files and the text of the compiled modules
 * that build a catalog, and stands in for the builder only when all of them are unchanged since it was
 * written: an edited catalog file, another --catalog-dir or a changed schema always takes the builder.
 * (Texts compared whole rather than hashed: comparing ~150 KB of strings takes far less than loading
 * node:crypto, ~4 ms. They come first in the file, outside the JSON, so a mismatch costs no parsing.)
 * This module loads neither zod nor a YAML parser (type imports only).
 */
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
  '../shared/block-yaml.js',
  '../shared/calendar-date.js',
  '../shared/core-scalars.js',
  '../shared/fast-parse.js',
  '../shared/parse-located.js',
  '../shared/recert-error.js',
];

/**
 * What else a snapshot depends on: this module (how a snapshot is read) and the versions of the libraries
 * the builder parses and validates with. A library not found here (installed elsewhere) means no snapshot.
 */
const ALSO_KEYED = ['./catalog-snapshot.js', '../../node_modules/zod/package.json', '../../node_modules/yaml/package.json', '../../node_modules/js-yaml/package.json'];

/** Names and texts, in order. */
export type Texts = readonly (readonly [name: string, text: string])[];

/** The compiled builder's code (and ALSO_KEYED), or undefined when it is not there to read (running from src/). */
export function builderSources(): Texts | undefined {
  try {
    return [...BUILDER_MODULES, ...ALSO_KEYED].map((file) => [file, readFileSync(new URL(file, import.meta.url), 'utf8')] as const);
  } catch {
    return undefined;
  }
}

/**
 * What a snapshot is written for: the builder's code and every catalog file's name and text. The folder
 * is left out: a built catalog does not depend on where its files are, only on what they say.
 */
function keyParts(files: readonly CatalogFileText[], builder: Texts): Texts[] {
  return [builder, files.map(({ file, text }) => [basename(file), text] as const)];
}

/** Each name and text length-prefixed, so that the key is unambiguous; `|` between the parts. */
const entryHead = (name: string, text: string): string => `${name.length}:${name}${text.length}:`;

function keyText(parts: readonly Texts[]): string {
  return parts.map((texts) => texts.map(([name, text]) => `${entryHead(name, text)}${text}`).join('')).join('|');
}

/** Where the key of `parts` ends when `text` holds it at `at`, else -1. Compared in place: building the key costs ~1 ms. */
function keyEnd(text: string, at: number, parts: readonly Texts[]): number {
  let pos = at;
  for (const [p, texts] of parts.entries()) {
    if (p > 0 && text[pos++] !== '|') return -1;
    for (const [name, body] of texts) {
      const head = entryHead(name, body);
      if (!text.startsWith(head, pos) || !text.startsWith(body, pos + head.length)) return -1;
      pos += head.length + body.length;
    }
  }
  return pos;
}

interface Snapshot {
  bodies: [string, Body][];
  programs: [string, Program][];
}

/**
 * The snapshot of a built catalog: a header (format, key length), the key, then the catalog as JSON.
 * The catalog holds only JSON values (strings, numbers, booleans, null, arrays, objects) in Maps.
 */
export function catalogSnapshotText(catalog: Catalog, files: readonly CatalogFileText[], builder: Texts): string {
  const key = keyText(keyParts(files, builder));
  const snapshot: Snapshot = { bodies: [...catalog.bodies], programs: [...catalog.programs] };
  return `${SNAPSHOT_FORMAT}\n${key.length}\n${key}${JSON.stringify(snapshot)}`;
}

/**
 * The catalog a snapshot holds, deeply frozen as the builder leaves it; undefined unless it was written
 * for exactly these files and this builder.
 */
export function catalogFromSnapshotText(text: string, files: readonly CatalogFileText[], builder: Texts): Catalog | undefined {
  const header = /^(\d+)\n(\d+)\n/.exec(text.slice(0, 40));
  if (header === null || Number(header[1]) !== SNAPSHOT_FORMAT) return undefined;
  const start = header[0].length;
  const end = start + Number(header[2]);
  if (keyEnd(text, start, keyParts(files, builder)) !== end) return undefined;
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(text.slice(end)) as Snapshot;
  } catch {
    return undefined;
  }
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
