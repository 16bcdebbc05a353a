/**
 * The fast path of parse-located.ts, on its own so that a reader can try it without loading the located
 * parser (`yaml`) or zod: `JSON.parse` for `.json` files; for the rest, block-yaml.ts's scanner when the
 * text is plain block-style YAML, else js-yaml; scalars resolved by exactly the rules of the located
 * parser's core schema (core-scalars.ts). When it accepts a text it yields the value the
 * located parser yields (test/io/fast-readers.test.ts); when it does not, the caller uses the located
 * parser, which reports the problem with its line and column.
 */
import jsyaml from 'js-yaml';
import { scanBlockYaml } from './block-yaml.js';
import { coreBool, coreFloat, coreInt, isCoreBool, isCoreFloat, isCoreInt, isCoreNull } from './core-scalars.js';

/**
 * The core schema's scalars as the located parser (`yaml`, schema 'core') resolves them (core-scalars.ts),
 * so that js-yaml gives the same values: js-yaml's own core schema also reads `1_000`, `0b101` and
 * `+0x1f` as numbers, which `yaml` keeps as strings.
 */
const coreIntType = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && isCoreInt(data),
  construct: coreInt,
  predicate: (data: unknown) => typeof data === 'number' && Number.isInteger(data),
});
const coreFloatType = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && isCoreFloat(data),
  construct: coreFloat,
  predicate: (data: unknown) => typeof data === 'number',
});
const coreNullType = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: unknown) => data === null || (typeof data === 'string' && isCoreNull(data)),
  construct: () => null,
  predicate: (data: unknown) => data === null,
});
const coreBoolType = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && isCoreBool(data),
  construct: coreBool,
  predicate: (data: unknown) => typeof data === 'boolean',
});
const FAST_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [coreNullType, coreBoolType, coreIntType, coreFloatType] });

/**
 * The data of the text without positions, or not ok when the fast path does not accept it (the caller
 * then uses the located parser, which reports the problem). `.json` files: `JSON.parse`, refused when an
 * object repeats a key (JSON.parse would keep the last silently; the located parser reports it).
 */
export function fastParse(text: string, file: string): { ok: true; value: unknown } | { ok: false } {
  try {
    if (file.endsWith('.json')) {
      const value: unknown = JSON.parse(text);
      return countKeys(value) === countKeyTokens(text) ? { ok: true, value } : { ok: false };
    }
    // Block-style YAML (what people and generators write) is read by a scanner of its own, several times
    // faster than js-yaml on a cold start; anything outside that style goes to js-yaml.
    const scanned = scanBlockYaml(text);
    if (scanned.ok) return scanned;
    const documents: unknown[] = [];
    jsyaml.loadAll(text, (doc) => documents.push(doc), { schema: FAST_SCHEMA, json: false });
    // The located parser reads one document; several (`---`) are an error it reports.
    if (documents.length > 1) return { ok: false };
    return { ok: true, value: documents.length === 0 ? null : documents[0] };
  } catch {
    return { ok: false };
  }
}

/** The number of object keys in parsed JSON. */
function countKeys(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) n += countKeys(value[i]);
    return n;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) n += 1 + countKeys(record[key]);
  return n;
}

/**
 * The number of keys written in valid JSON text: string tokens followed by a colon. Every `"` outside a
 * string opens one, so scanning string tokens from the start finds exactly the text's strings. The
 * quotes are found with indexOf (native code) rather than by a loop over every character.
 */
function countKeyTokens(text: string): number {
  let n = 0;
  const length = text.length;
  let open = text.indexOf('"');
  while (open >= 0) {
    let close = text.indexOf('"', open + 1);
    while (close >= 0 && isEscaped(text, close)) close = text.indexOf('"', close + 1);
    if (close < 0) break;
    let j = close + 1;
    while (j < length) {
      const c = text.charCodeAt(j);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break; // JSON whitespace
      j++;
    }
    if (text.charCodeAt(j) === 58) n++; // ':' after the string: a key
    open = text.indexOf('"', j);
  }
  return n;
}

/** A `"` preceded by an odd number of backslashes is escaped (inside a string). */
function isEscaped(text: string, quote: number): boolean {
  let i = quote - 1;
  while (i >= 0 && text.charCodeAt(i) === 92) i--;
  return (quote - 1 - i) % 2 === 1;
}
