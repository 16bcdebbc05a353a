/**
 * Parses YAML or JSON text and validates it with a zod schema, reporting each problem with its line,
 * column and field path. YAML is parsed with the core schema and no custom tags, so unquoted dates stay
 * strings... except that the core schema has no timestamp type at all: `2025-01-15` stays "2025-01-15".
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { ErrorCode } from './error-codes.js';
import { pathToString, type Issue } from './recert-error.js';

export type Located<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function parseLocated<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  codes: { syntax: ErrorCode; schema: ErrorCode },
  options: { trustedAliases?: boolean } = {},
): Located<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, schema: 'core' });
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
  const data: unknown = doc.toJS(options.trustedAliases === true ? { maxAliasCount: -1 } : {});
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

/** The position of the deepest node along `path` that exists in the document. */
function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): { line: number; col: number } | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
  }
  return undefined;
}
