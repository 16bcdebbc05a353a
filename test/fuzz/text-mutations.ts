/**
 * Text a parser may be handed: random strings, and valid files damaged by small edits (a cut, an
 * insertion of YAML or JSON punctuation, a duplicated line) or by replacing one value deep inside
 * with an arbitrary one. Damaged valid files reach far deeper into a parser than random text does.
 */
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';

/** Fragments that mean something to YAML, JSON, dates or numbers. */
const TOKENS = [
  '', ' ', '\n', '\t', ':', ': ', '- ', '#', '"', "'", '{', '}', '[', ']', ',', '&a ', '*a', '<<: *a', '!!binary ', '!!js/function ', '? ', '|', '>',
  '~', 'null', 'true', 'NaN', '.inf', '-.inf', '-1', '0', '1e400', '0x1F', '1_000', '0.0001', '9007199254740993',
  '2026-02-30', '2026-13-01', '1899-12-31', '2026-01-01T00:00:00Z', '__proto__', 'constructor', '\u0000', '\u2028', '\uFEFF', '💪', 'é',
  'x'.repeat(600),
];

const edit = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
);

type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(text: string, e: Edit): string {
  if (text.length === 0) return e.kind === 'insert' ? e.text : text;
  const at = e.at % (text.length + 1);
  switch (e.kind) {
    case 'cut': return text.slice(0, at) + text.slice(at + e.length);
    case 'insert': return text.slice(0, at) + e.text + text.slice(at);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = e.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const i = e.at % lines.length;
      const j = e.with % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
  }
}

/** `base` with one to four edits. */
export function damaged(base: string): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce(applyEdit, base));
}

/** A value that may replace one node: anything JSON can hold, or a suspicious scalar. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(null, -1, 0, 0.0005, 1e21, 10_001, '', '2026-02-30', '1899-01-01', 'x'.repeat(600), [], {}, '__proto__', '\u0000'),
);

/**
 * `base` (YAML or JSON text) read into data, one node (chosen by walking `steps`) replaced or deleted,
 * written back in the same syntax. Keeps the file well-formed, so the schema checks are what is tested.
 */
export function reshaped(base: string, syntax: 'yaml' | 'json'): fc.Arbitrary<string> {
  const data: unknown = parseDocument(base).toJS();
  return fc.record({ steps: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), value: replacement, remove: fc.boolean() }).map(({ steps, value, remove }) => {
    const copy = structuredClone(data);
    mutateAt(copy, steps, value, remove);
    return syntax === 'json' ? JSON.stringify(copy, null, 2) : stringify(copy);
  });
}

function mutateAt(node: unknown, steps: readonly number[], value: unknown, remove: boolean): void {
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let current = node;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') break;
    const keys = Array.isArray(current) ? current.map((_, i) => i) : Object.keys(current);
    if (keys.length === 0) break;
    parent = current as Record<string, unknown> | unknown[];
    key = keys[step % keys.length]!;
    current = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === undefined || key === undefined) return;
  if (remove) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else {
    (parent as Record<string | number, unknown>)[key] = value;
  }
}

/** Any text: printable, full Unicode, or raw code units (lone surrogates included). */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 30 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => stringify(value)),
);
