/**
 * Parses YAML or JSON text and validates it with a zod schema, reporting each problem with its line,
 * column and field path. YAML is read with the core schema and no custom tags, so unquoted dates stay
 * strings (the core schema has no timestamp type: `2025-01-15` stays "2025-01-15").
 *
 * Two paths, one result:
 * - **Fast** (`fastParse`, fast-parse.ts): `JSON.parse` for `.json` files, js-yaml for the rest, with
 *   scalars resolved by exactly the rules of the located parser's core schema. No positions are computed.
 * - **Located** (`yaml`'s `parseDocument` with a `LineCounter`): used only when the fast path fails
 *   (a syntax error, a duplicate key, anything it does not accept) or the data does not pass the schema,
 *   so that every problem is reported with its line and column, exactly as before.
 * When the fast path succeeds it yields the value the located parser yields (tested on every shipped file
 * and on generated catalogs), so the result never depends on which path ran.
 */
import { LineCounter, parseDocument, isNode, visit, type Alias, type Document } from 'yaml';
import type { z } from 'zod';
import type { ErrorCode } from './error-codes.js';
import { fastParse } from './fast-parse.js';
import { pathToString, RecertError, type Issue } from './recert-error.js';

export { fastParse } from './fast-parse.js';

export type Located<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function parseLocated<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  codes: { syntax: ErrorCode; schema: ErrorCode },
  options: {
    trustedAliases?: boolean;
    /** A hand-written check that returns what the schema would (or undefined: then the schema decides); for big files. */
    fastCheck?: (value: unknown) => z.output<S> | undefined;
  } = {},
): Located<z.output<S>> {
  const fast = fastParse(text, file);
  if (fast.ok) {
    const checked = options.fastCheck?.(fast.value);
    if (checked !== undefined) return { ok: true, value: checked };
    const result = schema.safeParse(fast.value);
    if (result.success) return { ok: true, value: result.data };
  }
  return parseLocatedSlow(text, file, schema, codes, options);
}

/**
 * Every file parsed and validated by `parseLocated`, in order; when any has problems, one RecertError with
 * the problems of all of them (so that a folder's every bad file is reported at once).
 */
export function parseLocatedFiles<S extends z.ZodType>(
  files: readonly { readonly file: string; readonly text: string }[],
  schema: S,
  codes: { syntax: ErrorCode; schema: ErrorCode },
  options: Parameters<typeof parseLocated<S>>[4] = {},
): { file: string; data: z.output<S> }[] {
  const issues: Issue[] = [];
  const parsed: { file: string; data: z.output<S> }[] = [];
  for (const { file, text } of files) {
    const result = parseLocated(text, file, schema, codes, options);
    if (result.ok) parsed.push({ file, data: result.value });
    else issues.push(...result.issues);
  }
  if (issues.length > 0) throw new RecertError(issues);
  return parsed;
}

/** The located parser alone (positions for every node); what `parseLocated` falls back to. */
export function parseLocatedSlow<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  codes: { syntax: ErrorCode; schema: ErrorCode },
  options: { trustedAliases?: boolean } = {},
): Located<z.output<S>> {
  const { doc, lineCounter } = parseWithPositions(text);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        code: codes.syntax,
        file,
        line: error.linePos?.[0].line,
        column: error.linePos?.[0].col,
        path: '',
        message: error.message.split('\n')[0] ?? error.message,
      })),
    };
  }
  // The alias-expansion guard (against "billion laughs" input) costs more than the whole parse for a file
  // that reuses records through many aliases, as the rule catalog does; the catalog turns it off.
  let data: unknown;
  try {
    data = doc.toJS(options.trustedAliases === true ? { maxAliasCount: -1 } : {});
  } catch (error) {
    // An alias whose anchor is missing or comes later (`*a`), or too many aliases: yaml reports these
    // only when building the data, with a bare ReferenceError. Report it like any syntax error.
    return { ok: false, issues: [aliasIssue(doc, lineCounter, file, codes.syntax, error)] };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const position = locate(doc, lineCounter, issue.path);
      return {
        code: codes.schema,
        file,
        line: position?.line,
        column: position?.col,
        path: pathToString(issue.path),
        message: issue.message,
      };
    }),
  };
}

/** The problem `toJS` threw, at the first alias that does not resolve (else the first alias, else line 1). */
function aliasIssue(doc: Document, lineCounter: LineCounter, file: string, code: ErrorCode, error: unknown): Issue {
  let unresolved: Alias | undefined;
  let first: Alias | undefined;
  visit(doc, {
    Alias(_, alias) {
      first ??= alias;
      if (unresolved === undefined && alias.resolve(doc) === undefined) unresolved = alias;
    },
  });
  const at = unresolved ?? first;
  const position = at?.range ? lineCounter.linePos(at.range[0]) : { line: 1, col: 1 };
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { code, file, line: position.line, column: position.col, path: '', message };
}

/** The plain data of the text by the located parser (no schema); for tests comparing the two paths. */
export function parseSlowData(text: string): { ok: true; value: unknown } | { ok: false } {
  const { doc } = parseWithPositions(text);
  return doc.errors.length > 0 ? { ok: false } : { ok: true, value: doc.toJS({ maxAliasCount: -1 }) };
}

/**
 * Adds line and column to issues found after parsing (references between files, unknown ids): for each
 * issue of `file` without a line, the position of its `path` in the text. Parses the text with positions
 * once, and only when there is such an issue.
 */
export function locateIssues(issues: readonly Issue[], file: string, text: string): Issue[] {
  if (!issues.some((issue) => issue.file === file && issue.line === undefined)) return [...issues];
  const { doc, lineCounter } = parseWithPositions(text);
  return issues.map((issue) => {
    if (issue.file !== file || issue.line !== undefined) return issue;
    const position = locate(doc, lineCounter, parsePath(issue.path));
    return position === undefined ? issue : { ...issue, line: position.line, column: position.col };
  });
}

/** `offerings[3].credits[0].body` → ['offerings', 3, 'credits', 0, 'body'] (the inverse of pathToString). */
export function parsePath(path: string): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[1] !== undefined) out.push(match[1]);
  }
  return out;
}

function parseWithPositions(text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, schema: 'core', logLevel: 'error' });
  return { doc, lineCounter };
}

/** The position of the deepest node along `path` that exists in the document. */
function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): { line: number; col: number } | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
  }
  return undefined;
}
