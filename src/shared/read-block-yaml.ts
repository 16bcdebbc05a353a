/**
 * A reader for the plain block-style YAML that generators and people write (nested `key: value`
 * mappings, `- item` sequences, one-line scalars, flow collections on one line (`{ kind: self-paced }`,
 * `[a, b]`), folded scalars (`>-` over lines of the same indentation), comments, anchors and aliases),
 * several times faster than js-yaml on a big file and much faster in a fresh process, where js-yaml's
 * large functions run unoptimized.
 *
 * It gives exactly the value the located parser (`yaml`, core schema) gives (an alias the same object
 * as its anchor, as js-yaml does), or `undefined` whenever the text uses anything outside that subset or
 * anything it is not sure of: tags, flow collections over several lines or with anchors or comments,
 * other block scalars (`|`, `>`, `>+`, indentation indicators, blank or more-indented lines), plain or
 * quoted scalars over several lines, escapes in double quotes, quoted or unusual keys, duplicate keys,
 * tabs, `\r`, control characters, several documents. The caller then uses the general readers
 * (js-yaml, then the located parser), which also report what is wrong.
 * read-block-yaml.test.ts checks it against the located parser on shipped, generated and random texts.
 */

/** Thrown inside the reader when it is not sure; never escapes it. */
class Unsure {}
const UNSURE = new Unsure();

/**
 * Characters the reader leaves to the general parsers: tabs, `\r`, control characters, NEL, BOM,
 * line and paragraph separators, non-characters (YAML gives some of them meanings or rejects them).
 */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const NEWLINE = 10;
const AMPERSAND = 38;
const ASTERISK = 42;
const GREATER = 62;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/**
 * Plain keys the reader accepts: a letter or `_` (KEY_START), then letters, digits, `_` and `-`
 * (KEY_CHAR). Tables rather than functions: a fresh process runs this code in the interpreter at first,
 * where a call per character costs more than the rest of the loop.
 */
const KEY_START = new Uint8Array(128);
const KEY_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  KEY_START[c] = letter ? 1 : 0;
  KEY_CHAR[c] = letter || (c >= 48 && c <= 57) || c === DASH ? 1 : 0;
}
/** Keys the core schema reads as null or a boolean (not a string), and the one JS treats specially. */
const NON_STRING_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
const KEY_SLOTS = 256;
const SLOTS = 1024;
/** `yaml` limits an implicit key to 1024 characters; longer ones are left to it. */
const MAX_KEY = 1000;

/**
 * First characters of a plain scalar that are YAML indicators (or quotes and flow brackets, read
 * separately): `[]{},#&*!|>'"%@` and backquote, `?` and `:`. `-` is handled apart (`-5` is a scalar).
 */
const INDICATOR = new Uint8Array(128);
for (const c of '[]{},#&*!|>\'"%@`?:') INDICATOR[c.charCodeAt(0)] = 1;

const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/**
 * `[-+]?D+`, `[-+]?D+.D*` and `[-+]?.D+`: the integers and floats (without exponent) of the core
 * schema. Up to 15 characters, `+s` is exactly their value (parseInt's or parseFloat's: the digits make
 * an exact integer, or `+s` and parseFloat round the same decimal to the nearest double).
 */
const DECIMAL = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
/** Any of the four above (a text it refuses is a string). */
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/**
 * A plain scalar as the core schema resolves it (the regular expressions are those of `yaml`'s core
 * schema): null, a boolean, an integer (decimal, `0o` octal, `0x` hex), a float, or the string itself.
 */
export function resolveCorePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === DASH || c === 43 || c === 46) {
    // The common decimals by one native test and conversion; digits then a sign (a date) are a string.
    if (s.length <= 15 && DECIMAL.test(s)) return +s;
    const c3 = s.charCodeAt(3);
    if (s.charCodeAt(4) === DASH && c3 >= 48 && c3 <= 57) return s;
    // One test for all the other forms first: most texts that reach here are dates, which it refuses.
    if (!CORE_NUMBER.test(s)) return s;
    if (INT.test(s)) return s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10);
    if (FLOAT_SPECIAL.test(s)) return /nan$/i.test(s) ? NaN : s.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
    return s;
  }
  if (s.length > 5) return s;
  switch (s) {
    case '': case '~': case 'null': case 'Null': case 'NULL': return null;
    case 'true': case 'True': case 'TRUE': return true;
    case 'false': case 'False': case 'FALSE': return false;
    default: return s;
  }
}

/** Where `what` next occurs in `text` from `from` on, or the text's length. */
function indexOrLength(text: string, what: string, from: number): number {
  const at = text.indexOf(what, from);
  return at < 0 ? text.length : at;
}

/** The data of a block-style YAML text, or undefined when the text is not of the subset this reads. */
export function readBlockYaml(text: string): { value: unknown } | undefined {
  if (UNUSUAL.test(text)) return undefined;
  try {
    const reader = new BlockReader(text);
    reader.nextLine(0);
    if (reader.indent < 0) return undefined; // nothing but comments: left to the general parsers
    const value = reader.isDash() ? reader.sequence(reader.indent) : reader.mapping(reader.indent, reader.at);
    if (reader.indent >= 0) return undefined; // something after the root node (less indented, a scalar, …)
    return { value };
  } catch (error) {
    if (error === UNSURE) return undefined;
    throw error;
  }
}

/** Keys seen, by hash (see BlockReader.key). */
const KEYS_BY_HASH: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);
/**
 * By place (a mapping's indentation and entry number): the key last read there, and the text of the
 * last plain scalar value that filled the rest of its line, with its value (a string, number, boolean
 * or null; never an object, which must not be shared). A big file repeats the same keys in the same
 * order and many values (`format: online`); matching them with startsWith costs far less than reading
 * them, above all in a fresh process where this code is not yet optimized. Shared by all readers (and
 * so by all the files of a folder): what a text reads as depends on the text alone.
 */
const SLOT_KEY: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const SLOT_TEXT: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const SLOT_VALUE: unknown[] = new Array<unknown>(SLOTS).fill(undefined);

/** Walks the text line by line; `at`, `indent` and `end` describe the current content line. */
class BlockReader {
  /** Where the current line's content starts (after its indentation). */
  at = 0;
  /** The current line's indentation in spaces; -1 at the end of the text. */
  indent = -1;
  /** The end of the current line (its `\n`, or the text's length). */
  end = 0;

  /** The hash of the last key `keyEnd` found. */
  private keyHash = 0;
  /** Keys seen, by hash (see `key`); shared by all readers (a key's text is its key). */
  private readonly keys = KEYS_BY_HASH;
  /** The next ` #`, `: ` and backslash at or after the last place they were looked for (the text's length if none). */
  private nextComment = -1;
  private nextColon = -1;
  private nextBackslash = -1;
  /** See SLOT_KEY. */
  private readonly slotKey = SLOT_KEY;
  private readonly slotText = SLOT_TEXT;
  private readonly slotValue = SLOT_VALUE;
  /** Set by `scalar`: the plain scalar's text when it filled the rest of its line (no comment or trailing space), else undefined. */
  private wholeLine: string | undefined = undefined;
  /** Where the last flow collection or flow item read ends. */
  private flowEnd = 0;
  /** Values by anchor name, for aliases. */
  private readonly anchors = new Map<string, unknown>();

  constructor(private readonly text: string) {}

  /** Moves to the first line from `from` on that has content (skipping blank and comment lines). */
  nextLine(from: number): void {
    const text = this.text;
    const length = text.length;
    let p = from;
    while (p < length) {
      const start = p;
      while (p < length && text.charCodeAt(p) === SPACE) p++;
      if (p === length) break;
      const c = text.charCodeAt(p);
      if (c !== NEWLINE && c !== HASH) {
        this.at = p;
        this.indent = p - start;
        const newline = text.indexOf('\n', p);
        this.end = newline < 0 ? length : newline;
        return;
      }
      const newline = text.indexOf('\n', p);
      if (newline < 0) break;
      p = newline + 1;
    }
    this.at = length;
    this.indent = -1;
    this.end = length;
  }

  /** The current line is a sequence entry: `-` then a space or the end of the line. */
  isDash(): boolean {
    return this.text.charCodeAt(this.at) === DASH && (this.at + 1 === this.end || this.text.charCodeAt(this.at + 1) === SPACE);
  }

  /** A node on the lines after `key:` or `-` (nothing else on that line): a mapping, a sequence or null. */
  private blockNode(minIndent: number, sameIndentSequence: number): unknown {
    if (this.indent < minIndent) {
      // A mapping's value may be a sequence at the key's own indentation (`key:\n- a`).
      return this.indent === sameIndentSequence && this.isDash() ? this.sequence(this.indent) : null;
    }
    return this.isDash() ? this.sequence(this.indent) : this.mapping(this.indent, this.at);
  }

  /** A block mapping whose keys stand at column `indent`, the first one at `at` on the current line. */
  mapping(indent: number, at: number): Record<string, unknown> {
    const text = this.text;
    const out: Record<string, unknown> = {};
    for (let entry = 0; ; entry++) {
      // The key this place had last time (the previous offering's, say), else one read afresh.
      const slot = (indent * 16 + (entry < 15 ? entry : 15)) & (SLOTS - 1);
      let key = this.slotKey[slot];
      let keyEnd: number;
      if (key !== undefined && text.startsWith(key, at) && this.isKeyColon(at + key.length)) {
        keyEnd = at + key.length;
      } else {
        keyEnd = this.keyEnd(at);
        if (keyEnd < 0) throw UNSURE;
        key = this.key(at, keyEnd);
        this.slotKey[slot] = key;
      }
      // A repeated key (`yaml` reports it). `out` has no value undefined, so a key it holds (or one it
      // inherits, as `constructor`, left to the general parsers) reads as something else.
      if (out[key] !== undefined) throw UNSURE;
      let p = keyEnd + 1;
      let c = text.charCodeAt(p);
      while (c === SPACE) c = text.charCodeAt(++p);
      if (p >= this.end || c === HASH) {
        this.nextLine(this.end);
        out[key] = this.blockNode(indent + 1, indent);
      } else if (c === AMPERSAND) {
        out[key] = this.anchoredValue(p, indent, indent);
      } else if (c === GREATER) {
        out[key] = this.foldedScalar(p, indent);
      } else {
        // The same rest of the line as last time at this place (`format: online`, `kind: self-paced`,
        // `repeatable: false`): the same value, without reading it again.
        const known = this.slotText[slot];
        if (known !== undefined && this.end - p === known.length && text.startsWith(known, p)) {
          out[key] = this.slotValue[slot];
        } else {
          const value = this.scalar(p);
          out[key] = value;
          if (this.wholeLine !== undefined) {
            this.slotText[slot] = this.wholeLine;
            this.slotValue[slot] = value;
          }
        }
        this.nextLine(this.end);
        if (this.indent > indent) throw UNSURE; // a scalar continued on the next line, or bad indentation
      }
      if (this.indent !== indent) {
        if (this.indent > indent) throw UNSURE;
        return out;
      }
      at = this.at;
    }
  }

  /** A block sequence whose `-` stand at column `indent`, the first on the current line. */
  sequence(indent: number): unknown[] {
    const text = this.text;
    const out: unknown[] = [];
    for (;;) {
      let p = this.at + 1;
      while (p < this.end && text.charCodeAt(p) === SPACE) p++;
      if (p === this.end || text.charCodeAt(p) === HASH) {
        this.nextLine(this.end);
        out.push(this.blockNode(indent + 1, -2));
      } else if (text.charCodeAt(p) === AMPERSAND) {
        out.push(this.anchoredValue(p, indent, -2));
      } else if (text.charCodeAt(p) === GREATER) {
        out.push(this.foldedScalar(p, indent));
      } else if (text.charCodeAt(p) === DASH && (p + 1 === this.end || text.charCodeAt(p + 1) === SPACE)) {
        throw UNSURE; // `- - a`: a sequence in a sequence on one line
      } else if (this.keyEnd(p) >= 0) {
        // `- key: value`: a mapping whose keys stand at this key's column.
        out.push(this.mapping(p - (this.at - this.indent), p));
      } else {
        out.push(this.scalar(p));
        this.nextLine(this.end);
      }
      if (this.indent !== indent) {
        if (this.indent > indent) throw UNSURE;
        return out;
      }
      // The same column without `-`: the next key of a mapping whose value this sequence is (checked there).
      if (!this.isDash()) return out;
    }
  }

  /**
   * The value after the anchor `&name` at `p` (a mapping's value or a sequence item at `indent`): a
   * block node on the next lines when the anchor ends its line, else the folded or one-line scalar or
   * flow collection after it. Recorded under its name: an alias (`*name`) later stands for it.
   * Leaves the reader on the next line.
   */
  private anchoredValue(p: number, indent: number, sameIndentSequence: number): unknown {
    const text = this.text;
    const end = this.end;
    let q = p + 1;
    while (q < end && KEY_CHAR[text.charCodeAt(q)] === 1) q++;
    if (q === p + 1 || (q < end && text.charCodeAt(q) !== SPACE)) throw UNSURE;
    const name = text.slice(p + 1, q);
    while (q < end && text.charCodeAt(q) === SPACE) q++;
    let value: unknown;
    const c = text.charCodeAt(q);
    if (q === end || c === HASH) {
      this.nextLine(end);
      value = this.blockNode(indent + 1, sameIndentSequence);
    } else if (c === GREATER) {
      value = this.foldedScalar(q, indent);
    } else if (c === AMPERSAND || c === ASTERISK || this.keyEnd(q) >= 0) {
      throw UNSURE; // two properties, an anchored alias, or an anchor before an implicit key
    } else {
      value = this.scalar(q);
      this.nextLine(end);
    }
    this.anchors.set(name, value);
    return value;
  }

  /**
   * The folded scalar `>-` at `p` (a mapping's value or a sequence item at `indent`): its lines, all at
   * one indentation deeper than `indent`, joined by spaces, no final line break. Blank lines inside,
   * more-indented lines, trailing spaces and the other block scalar forms are left to the general
   * parsers (they fold differently). Leaves the reader on the first line after it.
   */
  private foldedScalar(p: number, indent: number): string {
    const text = this.text;
    if (text.charCodeAt(p + 1) !== DASH) throw UNSURE;
    this.expectLineEnd(p + 2);
    const length = text.length;
    const lines: string[] = [];
    let contentIndent = -1;
    let blankSeen = false;
    let lineStart = this.end + 1;
    while (lineStart < length) {
      let q = lineStart;
      while (text.charCodeAt(q) === SPACE) q++;
      const newline = text.indexOf('\n', q);
      const lineEnd = newline < 0 ? length : newline;
      if (q === lineEnd) {
        // A blank line: the end of the scalar, unless more of it follows (checked below). Spaces beyond
        // the content's indentation are content (a more-indented line): left to the general parsers.
        if (contentIndent < 0 || q - lineStart > contentIndent) throw UNSURE;
        blankSeen = true;
        lineStart = lineEnd + 1;
        continue;
      }
      const lineIndent = q - lineStart;
      if (contentIndent < 0) contentIndent = lineIndent;
      if (lineIndent <= indent || lineIndent < contentIndent) break;
      if (lineIndent > contentIndent || blankSeen || text.charCodeAt(lineEnd - 1) === SPACE) throw UNSURE;
      lines.push(text.slice(q, lineEnd));
      lineStart = lineEnd + 1;
    }
    if (lines.length === 0) throw UNSURE; // an empty scalar
    this.nextLine(lineStart);
    return lines.join(' ');
  }

  /**
   * The flow collection (`[…]` or `{…}`) at `p`, closed on the same line; leaves `flowEnd` after it.
   * Items: plain, quoted (as `scalar` reads them) and aliases, and flow collections; keys plain.
   */
  private flow(p: number): unknown {
    const text = this.text;
    const open = text.charCodeAt(p);
    const close = open === OPEN_BRACKET ? CLOSE_BRACKET : CLOSE_BRACE;
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    let q = this.flowSpaces(p + 1);
    if (text.charCodeAt(q) === close) {
      this.flowEnd = q + 1;
      return open === OPEN_BRACKET ? list : map;
    }
    for (;;) {
      if (open === OPEN_BRACKET) {
        list.push(this.flowItem(q));
      } else {
        // `key: value`, the key plain (letters, digits, `_`, `-`), followed by `: `.
        let k = q;
        if (KEY_START[text.charCodeAt(k)] !== 1) throw UNSURE;
        while (KEY_CHAR[text.charCodeAt(k)] === 1) k++;
        if (text.charCodeAt(k) !== COLON || text.charCodeAt(k + 1) !== SPACE) throw UNSURE;
        const key = text.slice(q, k);
        if (k - q > MAX_KEY || NON_STRING_KEYS.has(key) || map[key] !== undefined) throw UNSURE;
        map[key] = this.flowItem(this.flowSpaces(k + 2));
      }
      q = this.flowSpaces(this.flowEnd);
      const c = text.charCodeAt(q);
      if (c === close) {
        this.flowEnd = q + 1;
        return open === OPEN_BRACKET ? list : map;
      }
      if (c !== COMMA) throw UNSURE;
      q = this.flowSpaces(q + 1);
      if (text.charCodeAt(q) === close) throw UNSURE; // a trailing comma
    }
  }

  /** After spaces from `p`; the line must go on (a flow collection over several lines is left alone). */
  private flowSpaces(p: number): number {
    let q = p;
    while (q < this.end && this.text.charCodeAt(q) === SPACE) q++;
    if (q >= this.end) throw UNSURE;
    return q;
  }

  /** An item of a flow collection at `q`; leaves `flowEnd` after it. */
  private flowItem(q: number): unknown {
    const text = this.text;
    const end = this.end;
    const c = text.charCodeAt(q);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return this.flow(q);
    if (c === 34 || c === 39) {
      // Quoted: up to its closing quote (as `scalar` reads it), then `flowEnd` after the quote.
      const close = c === 34 ? text.indexOf('"', q + 1) : this.singleQuoteEnd(q);
      if (close < 0 || close >= end) throw UNSURE;
      if (c === 34) {
        if (this.nextBackslash <= q) this.nextBackslash = indexOrLength(text, '\\', q + 1);
        if (this.nextBackslash < close) throw UNSURE;
      }
      this.flowEnd = close + 1;
      const inner = text.slice(q + 1, close);
      return c === 34 ? inner : inner.replaceAll("''", "'");
    }
    if (c === ASTERISK) {
      let r = q + 1;
      while (r < end && KEY_CHAR[text.charCodeAt(r)] === 1) r++;
      const name = text.slice(q + 1, r);
      if (r === q + 1 || !this.anchors.has(name)) throw UNSURE;
      this.flowEnd = r;
      return this.anchors.get(name);
    }
    if (c < 128 && INDICATOR[c] === 1) throw UNSURE;
    if (c === DASH && text.charCodeAt(q + 1) === SPACE) throw UNSURE;
    // A plain scalar in a flow collection: up to `,`, a bracket or a brace. A `:` before a space or a
    // flow indicator (a key), a comment, or the end of the line: left to the general parsers.
    let r = q;
    for (; r < end; r++) {
      const d = text.charCodeAt(r);
      if (d === COMMA || d === CLOSE_BRACKET || d === CLOSE_BRACE) break;
      if (d === OPEN_BRACKET || d === OPEN_BRACE) throw UNSURE;
      if (d === COLON) {
        const e = text.charCodeAt(r + 1);
        if (r + 1 >= end || e === SPACE || e === COMMA || e === CLOSE_BRACKET || e === CLOSE_BRACE || e === OPEN_BRACKET || e === OPEN_BRACE) throw UNSURE;
      }
      if (d === HASH && text.charCodeAt(r - 1) === SPACE) throw UNSURE;
    }
    if (r >= end) throw UNSURE;
    let last = r;
    while (text.charCodeAt(last - 1) === SPACE) last--;
    this.flowEnd = r;
    return resolveCorePlain(text.slice(q, last));
  }

  /** The closing quote of the single-quoted scalar at `p` on its line (`''` stands for a quote), or -1. */
  private singleQuoteEnd(p: number): number {
    const text = this.text;
    for (let q = p + 1; q < this.end; q++) {
      if (text.charCodeAt(q) !== 39) continue;
      if (text.charCodeAt(q + 1) !== 39) return q;
      q++;
    }
    return -1;
  }

  /** A `:` at `q` that ends a key: followed by a space or the end of the line. */
  private isKeyColon(q: number): boolean {
    return this.text.charCodeAt(q) === COLON && (q + 1 === this.end || this.text.charCodeAt(q + 1) === SPACE);
  }

  /**
   * Where the plain key at `at` ends (its `:`, followed by a space or the end of the line), or -1.
   * Leaves the key's hash in `keyHash` for `key`.
   */
  private keyEnd(at: number): number {
    const text = this.text;
    let c = text.charCodeAt(at);
    if (KEY_START[c] !== 1) return -1; // (also past the table: undefined)
    let hash = c;
    let p = at + 1;
    for (; p < this.end; p++) {
      c = text.charCodeAt(p);
      if (KEY_CHAR[c] !== 1) break;
      hash = (hash * 31 + c) | 0;
    }
    if (c !== COLON || p === this.end) return -1;
    this.keyHash = hash;
    return p + 1 === this.end || text.charCodeAt(p + 1) === SPACE ? p : -1;
  }

  /**
   * The key from `at` to `keyEnd`. A file repeats a few keys thousands of times: each is sliced once
   * and then taken from a small table, which spares the allocation and gives V8 the same (internalized)
   * string for every property of that name.
   */
  private key(at: number, keyEnd: number): string {
    const slot = this.keyHash & (KEY_SLOTS - 1);
    const known = this.keys[slot];
    if (known !== undefined && known.length === keyEnd - at && this.text.startsWith(known, at)) return known;
    const key = this.text.slice(at, keyEnd);
    if (keyEnd - at > MAX_KEY || NON_STRING_KEYS.has(key)) throw UNSURE;
    this.keys[slot] = key;
    return key;
  }

  /** The one-line scalar from `p` to the end of the current line (a comment may follow it). */
  private scalar(p: number): unknown {
    const text = this.text;
    const end = this.end;
    this.wholeLine = undefined;
    const c = text.charCodeAt(p);
    if (c === 34) {
      // "double quoted", on one line, without escapes (a backslash is left to the general parsers)
      const q = text.indexOf('"', p + 1);
      if (q < 0 || q >= end) throw UNSURE;
      if (this.nextBackslash <= p) this.nextBackslash = indexOrLength(text, '\\', p + 1);
      if (this.nextBackslash < q) throw UNSURE;
      this.expectLineEnd(q + 1);
      return text.slice(p + 1, q);
    }
    if (c === 39) {
      // 'single quoted', where '' stands for '
      let q = p + 1;
      let escaped = false;
      for (; q < end; q++) {
        if (text.charCodeAt(q) !== 39) continue;
        if (text.charCodeAt(q + 1) !== 39) break;
        escaped = true;
        q++;
      }
      if (q >= end) throw UNSURE;
      this.expectLineEnd(q + 1);
      const inner = text.slice(p + 1, q);
      return escaped ? inner.replaceAll("''", "'") : inner;
    }
    if (c === ASTERISK) {
      // An alias: the value its anchor was given earlier (the same object, as both general parsers give).
      let q = p + 1;
      while (q < end && KEY_CHAR[text.charCodeAt(q)] === 1) q++;
      const name = text.slice(p + 1, q);
      if (q === p + 1 || !this.anchors.has(name)) throw UNSURE;
      this.expectLineEnd(q);
      if (q < end && text.charCodeAt(q) !== SPACE) throw UNSURE;
      return this.anchors.get(name);
    }
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      const value = this.flow(p);
      this.expectLineEnd(this.flowEnd);
      return value;
    }
    if (c < 128 && INDICATOR[c] === 1) throw UNSURE;
    if (c === DASH && (p + 1 === end || text.charCodeAt(p + 1) === SPACE)) throw UNSURE;
    // A plain scalar: up to ` #` (a comment) or the end of the line, trailing spaces dropped. `: ` or a
    // final `:` would make it a key: left to the general parsers.
    // (Found with indexOf, remembered until passed: the text is scanned once, not once a line.)
    if (this.nextComment < p) this.nextComment = indexOrLength(text, ' #', p);
    let last = this.nextComment < end ? this.nextComment : end;
    if (this.nextColon < p) this.nextColon = indexOrLength(text, ': ', p);
    if (this.nextColon < last) throw UNSURE;
    while (text.charCodeAt(last - 1) === SPACE) last--;
    if (text.charCodeAt(last - 1) === COLON) throw UNSURE;
    const raw = text.slice(p, last);
    if (last === end) this.wholeLine = raw;
    return resolveCorePlain(raw);
  }

  /** After a quoted scalar or `[]`: only spaces, then the end of the line or a comment after a space. */
  private expectLineEnd(p: number): void {
    const text = this.text;
    let q = p;
    while (q < this.end && text.charCodeAt(q) === SPACE) q++;
    if (q === this.end) return;
    if (text.charCodeAt(q) === HASH && q > p) return;
    throw UNSURE;
  }
}
