/**
 * A scanner for plain block-style YAML, the style course catalogs and profiles are written in by hand and
 * by generators: mappings and sequences by indentation (`- key: value` items included), plain, single-
 * and double-quoted one-line scalars, comments, empty `[]` and `{}`, anchors and aliases on values (as
 * `yaml`'s own stringify writes repeated records: `credits: &a1` … `credits: *a1`). It reads such a text
 * about twice as fast as js-yaml on a cold start (no token objects, no per-character state machine).
 *
 * It declines — `{ ok: false }`, and the caller uses a full parser — as soon as it meets anything else:
 * tabs, control characters, a byte-order mark, a lone carriage return, directives, more than one document,
 * tags, block scalars (`|`, `>`), flow collections that are not empty, a scalar over several lines, a
 * backslash in a double-quoted scalar, `?` keys, a key that is not a string under the core schema, `<<`
 * and `__proto__` keys, a repeated key, a key over 1,024 characters, nesting deeper than 100, anchors on
 * keys or with names other than letters, digits, `_` and `-`, an alias before its anchor or inside it, or
 * an indentation YAML would reject. So it never has to report an
 * error: it only ever gives the value a full parser gives (test/fuzz/block-yaml.test.ts compares it
 * with the located parser on every data file, generated catalogs and thousands of mutated texts).
 * Scalars are resolved by the core schema (core-scalars.ts).
 */
import { resolveCoreScalar } from './core-scalars.js';

export type Scanned = { ok: true; value: unknown } | { ok: false };

const DECLINED: Scanned = { ok: false };

/** Tabs, control characters, C1 controls, byte-order marks and non-characters: left to the full parser. */
const NOT_PLAIN_TEXT = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]/;

/** The longest implicit key YAML allows (from the key's first character to its colon). */
const MAX_KEY_LENGTH = 1024;
/** Deeper nesting is left to the full parser (which has limits of its own). */
const MAX_DEPTH = 100;

/** Thrown inside the scanner when the text is outside its subset; caught at the top. */
class Decline {}
const decline = new Decline();

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const AMPERSAND = 38;
const ASTERISK = 42;

/** Marks an anchor whose value is still being read. */
const PENDING = Symbol('pending');

/** Anchor names the scanner reads (YAML allows more; other names are left to the full parser). */
function isAnchorChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH;
}

/** Characters a plain scalar may not start with (YAML's c-indicators), besides `-`, `?`, `:` before a space. */
const INDICATOR = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`') INDICATOR[c.charCodeAt(0)] = 1;

export function scanBlockYaml(source: string): Scanned {
  let text = source;
  if (NOT_PLAIN_TEXT.test(text)) return DECLINED;
  if (text.includes('\r')) {
    text = text.replace(/\r\n/g, '\n');
    if (text.includes('\r')) return DECLINED;
  }
  // The content lines (not blank, not only a comment): where each starts, its indentation and its end.
  // Positions in the text, not line strings: only keys and values are ever sliced out.
  const bases: number[] = [];
  const indents: number[] = [];
  const ends: number[] = [];
  let sawMarker = false;
  const length = text.length;
  for (let base = 0; base <= length;) {
    let end = text.indexOf('\n', base);
    if (end < 0) end = length;
    let i = base;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i < end && text.charCodeAt(i) !== HASH) {
      if (i === base) {
        const c = text.charCodeAt(base);
        if (c === 37 /* % */) return DECLINED;
        if ((c === DASH && text.startsWith('---', base)) || (c === 46 /* . */ && text.startsWith('...', base))) {
          // One `---` alone before any content starts the only document; anything else declines.
          if (c !== DASH || bases.length > 0 || sawMarker || !isBlankOrComment(text, base + 3, end)) return DECLINED;
          sawMarker = true;
          base = end + 1;
          continue;
        }
      }
      bases.push(base);
      indents.push(i - base);
      ends.push(end);
    }
    base = end + 1;
  }
  if (bases.length === 0) return { ok: true, value: null };
  try {
    return { ok: true, value: new Scanner(text, bases, indents, ends).top() };
  } catch (error) {
    if (error === decline) return DECLINED;
    throw error;
  }
}

/** Whether text[from, end) holds nothing but spaces and perhaps a comment after a space. */
function isBlankOrComment(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i === end || (text.charCodeAt(i) === HASH && i > from);
}

/** Positions are offsets in the text; a line's content at indentation n starts at bases[l] + n. */
class Scanner {
  private cur = 0;
  private depth = 0;
  /** Anchored values by name, for aliases (PENDING while the anchored value is being read). */
  private readonly anchors = new Map<string, unknown>();

  constructor(private readonly text: string, private readonly bases: number[], private readonly indents: number[], private readonly ends: number[]) {}

  top(): unknown {
    const { text } = this;
    const at = this.bases[0]! + this.indents[0]!;
    const end = this.ends[0]!;
    let value: unknown;
    if (isSequenceItem(text, at, end)) value = this.sequence(this.indents[0]!);
    else if (keyEnd(text, at, end) >= 0) value = this.mapping(this.indents[0]!);
    else throw decline; // a lone scalar document: left to the full parser
    if (this.cur !== this.bases.length) throw decline;
    return value;
  }

  /** The node whose first line is the current one, at indentation n. */
  private block(n: number): unknown {
    const at = this.bases[this.cur]! + n;
    const end = this.ends[this.cur]!;
    if (isSequenceItem(this.text, at, end)) return this.sequence(n);
    if (keyEnd(this.text, at, end) >= 0) return this.mapping(n);
    throw decline; // a scalar on a line of its own (a multi-line scalar or an error)
  }

  private mapping(n: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) throw decline;
    const map: Record<string, unknown> = {};
    const { text, bases, indents, ends } = this;
    const count = bases.length;
    while (this.cur < count && indents[this.cur] === n) {
      const at = bases[this.cur]! + n;
      const end = ends[this.cur]!;
      if (isSequenceItem(text, at, end)) throw decline;
      const colon = keyEnd(text, at, end);
      // YAML allows an implicit key 1,024 characters at most (the located parser enforces it).
      if (colon < 0 || colon - at > MAX_KEY_LENGTH) throw decline;
      const key = keyText(text, at, colon);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw decline;
      let v = colon + 1;
      while (v < end && text.charCodeAt(v) === SPACE) v++;
      map[key] = this.value(v, end, n, true);
      if (this.cur < count && indents[this.cur]! > n) throw decline;
    }
    this.depth--;
    return map;
  }

  private sequence(n: number): unknown[] {
    if (++this.depth > MAX_DEPTH) throw decline;
    const list: unknown[] = [];
    const { text, bases, indents, ends } = this;
    const count = bases.length;
    while (this.cur < count && indents[this.cur] === n) {
      const base = bases[this.cur]!;
      const end = ends[this.cur]!;
      if (!isSequenceItem(text, base + n, end)) break;
      let k = base + n + 1;
      while (k < end && text.charCodeAt(k) === SPACE) k++;
      const c = text.charCodeAt(k);
      if (k === end || c === HASH || c === AMPERSAND || c === ASTERISK) {
        list.push(this.value(k, end, n, false));
      } else if (isSequenceItem(text, k, end)) {
        throw decline; // `- - x`: left to the full parser
      } else if (keyEnd(text, k, end) >= 0) {
        // `- key: value`: a mapping whose keys sit at this column, this line included.
        indents[this.cur] = k - base;
        list.push(this.mapping(k - base));
      } else {
        list.push(inlineValue(text, k, end));
        this.cur++;
      }
      if (this.cur < count && indents[this.cur]! > n) throw decline;
    }
    this.depth--;
    return list;
  }

  /**
   * The value that starts at `v` of the current line, after `key: ` or `- ` (the line is consumed): an
   * alias (`*name`, the very value its anchor named), or a value with or without an anchor (`&name`)
   * before it, inline or in the lines below.
   */
  private value(v: number, end: number, n: number, sameIndentSequence: boolean): unknown {
    const { text } = this;
    const c = text.charCodeAt(v);
    if (c !== AMPERSAND && c !== ASTERISK) return this.unanchored(v, end, n, sameIndentSequence);
    let e = v + 1;
    while (e < end && isAnchorChar(text.charCodeAt(e))) e++;
    if (e === v + 1 || (e < end && text.charCodeAt(e) !== SPACE)) throw decline;
    const name = text.slice(v + 1, e);
    if (c === ASTERISK) {
      const value = this.anchors.get(name);
      // An alias of no anchor yet, or inside its own anchor's value: left to the full parser.
      if (!this.anchors.has(name) || value === PENDING || !isBlankOrComment(text, e, end)) throw decline;
      this.cur++;
      return value;
    }
    while (e < end && text.charCodeAt(e) === SPACE) e++;
    this.anchors.set(name, PENDING);
    const value = this.unanchored(e, end, n, sameIndentSequence);
    this.anchors.set(name, value);
    return value;
  }

  /** A value without anchor or alias from `v` (nothing there: the lines below); the line is consumed. */
  private unanchored(v: number, end: number, n: number, sameIndentSequence: boolean): unknown {
    if (v === end || this.text.charCodeAt(v) === HASH) {
      this.cur++;
      return this.nested(n, sameIndentSequence);
    }
    const value = inlineValue(this.text, v, end);
    this.cur++;
    return value;
  }

  /**
   * The value of a key or item with nothing after it on its line: the block indented below it; for a key,
   * also a sequence at the key's own indentation (YAML allows `key:` then `- item` at the same column);
   * else null.
   */
  private nested(n: number, sameIndentSequence: boolean): unknown {
    if (this.cur >= this.bases.length) return null;
    const m = this.indents[this.cur]!;
    if (m > n) return this.block(m);
    if (sameIndentSequence && m === n && isSequenceItem(this.text, this.bases[this.cur]! + n, this.ends[this.cur]!)) return this.sequence(n);
    return null;
  }
}

/** `-` at `at` followed by a space or the end of the line. */
function isSequenceItem(text: string, at: number, end: number): boolean {
  return text.charCodeAt(at) === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE);
}

/**
 * The position of the colon that ends a key starting at `at` (a plain or quoted key followed by `:` and a
 * space or the end of the line), or −1 when the line holds no such key.
 */
function keyEnd(text: string, at: number, end: number): number {
  const c = text.charCodeAt(at);
  if (c === DQUOTE || c === SQUOTE) {
    const close = quotedEnd(text, at, end);
    if (close < 0) return -1;
    return text.charCodeAt(close) === COLON && (close + 1 === end || text.charCodeAt(close + 1) === SPACE) ? close : -1;
  }
  if (!plainStart(text, at, end)) return -1;
  for (let i = at; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) return i;
    if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
  }
  return -1;
}

/** The key (a string under the core schema) from `at` to the colon. */
function keyText(text: string, at: number, colon: number): string {
  const c = text.charCodeAt(at);
  let key: string;
  if (c === DQUOTE || c === SQUOTE) key = quotedValue(text, at, colon); // keyEnd found the closing quote just before the colon
  else {
    let last = colon;
    while (last > at && text.charCodeAt(last - 1) === SPACE) last--;
    // The same few keys come back on every item: the string seen before is used again (no new string,
    // and property stores with a key the engine already knows).
    const slot = ((last - at) << 7) | (c & 127);
    const seen = KEY_CACHE.get(slot);
    if (seen !== undefined && text.startsWith(seen, at)) return seen;
    key = text.slice(at, last);
    if (typeof resolveCoreScalar(key) !== 'string') throw decline;
    if (key !== '__proto__' && key !== '<<') KEY_CACHE.set(slot, key);
  }
  if (key === '__proto__' || key === '<<' || key.length === 0) throw decline;
  return key;
}

/** The last plain key seen per (length, first character): checked already, and the same string again. */
const KEY_CACHE = new Map<number, string>();

/** Whether a plain scalar may start at `at` (not an indicator; `-`, `?`, `:` only before a non-space). */
function plainStart(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128 && INDICATOR[c] === 1) return false;
  if (c === DASH || c === 63 /* ? */ || c === COLON) return at + 1 < end && text.charCodeAt(at + 1) !== SPACE;
  return true;
}

/** A value from `at` to the end of its line (less a trailing comment). */
function inlineValue(text: string, at: number, end: number): unknown {
  const c = text.charCodeAt(at);
  if (c === DQUOTE || c === SQUOTE) {
    const close = quotedEnd(text, at, end);
    if (close < 0 || !isBlankOrComment(text, close, end)) throw decline;
    return quotedValue(text, at, close);
  }
  if (c === 91 /* [ */ || c === 123 /* { */) {
    if (text.charCodeAt(at + 1) !== (c === 91 ? 93 : 125) || !isBlankOrComment(text, at + 2, end)) throw decline;
    return c === 91 ? [] : {};
  }
  if (!plainStart(text, at, end)) throw decline;
  let last = end;
  for (let i = at; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === HASH && text.charCodeAt(i - 1) === SPACE) { last = i; break; }
    // `: ` inside a value would start a mapping where YAML allows none.
    if (ch === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) throw decline;
  }
  while (last > at && text.charCodeAt(last - 1) === SPACE) last--;
  return resolveCoreScalar(text.slice(at, last));
}

/** The position just after the closing quote of a one-line quoted scalar opening at `at`, or −1. */
function quotedEnd(text: string, at: number, end: number): number {
  const quote = text.charCodeAt(at);
  for (let i = at + 1; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (quote === DQUOTE && ch === BACKSLASH) return -1; // escapes: left to the full parser
    if (ch === quote) {
      if (quote === SQUOTE && text.charCodeAt(i + 1) === SQUOTE && i + 1 < end) { i++; continue; }
      return i + 1;
    }
  }
  return -1;
}

/** The string of the quoted scalar from `at` to `close`, just after its closing quote (quotedEnd). */
function quotedValue(text: string, at: number, close: number): string {
  const inner = text.slice(at + 1, close - 1);
  return text.charCodeAt(at) === SQUOTE ? inner.replaceAll("''", "'") : inner;
}
