/**
 * Property: on random texts built from lines that mix the block-YAML forms readBlockYaml reads with
 * ones it must leave alone (odd indentation, flow collections, anchors, quotes, comments, document
 * markers, keys the core schema does not read as strings), whenever it returns a value the located
 * parser (`yaml`) reads the same text without error to the same value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSlowData } from '../../src/shared/parse-located.js';
import { readBlockYaml } from '../../src/shared/read-block-yaml.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';

const KEYS = ['a', 'b', 'key', 'x-y', '_k', 'null', 'True', 'a b', '"q"', '1', 'y', '__proto__', '<<'];
const VALUES = [
  '', '1', '-1', '+1', '1.5', '.5', '1.', '1e3', '0x1F', '0o7', '012', '1_000', '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'true', 'FALSE', 'yes',
  '2025-01-15', 'http://x.y/z#f', 'a b', 'a  ', 'a #c', '#c', 'a#b', 'a:b', 'a: b', 'a:', ':a', '-', '-a', '- a', '?a', '[]', '{}', '[1]', '{a: 1}', '[]x',
  '"q"', '"q" #c', '"q"x', '"a\\"b"', '"a', "'it''s'", "'a", '&x', '&x 1', '*x', '*y', '*x #c', '|', '>-', '!t x', '%x', '@x', '`x', 'a, b', 'a]', '---', '...',
  '[1, a]', '[ ]', '[a,b]', '[a, ]', '[a: b]', '[a:b]', '[a #c]', '[a] #c', '[a]x', '["q", \'s\']', '[*x]', '[&x 1]', '[-1, -a, - a]', '[{ a: 1 }]', '[[]]', '[a',
  '{ a: 1 }', '{a: 1}', '{a:1}', '{ a }', '{ a: *x }', '{ a: 1, a: 2 }', '{ a: [b, c] }', '{ "a": 1 }', '&x [1]', '&x >-', '&x &y 1', '>', '>+', '>-2',
];
/** Mostly these in written trees, so that most trees are of the subset and deep ones get compared. */
const SAFE_KEYS = ['a', 'b', 'key', 'x-y', '_k', 'y', 'No'];
const SAFE_VALUES = ['1', '-1', '1.5', '~', 'true', 'x', 'a b', 'a #c', '2025-01-15', '"q"', "'it''s'", '[]', '{}', 'a:b', '-a', '.inf', '0x1F', '[1, a]', '{ a: 1, b: [x] }', '&s 1'];
/** Words of folded scalars (`>-`): anything goes inside a block scalar. */
const WORDS = ['a', 'b c', '#', 'a #b', 'a: b', '"q', "'", '- x', '[x', '}', '&x', '*x', '>-', '---', ':', '  ', ''];
const line = fc.tuple(
  fc.integer({ min: 0, max: 6 }),
  fc.constantFrom('', '', '- ', '-', '-  ', '- - '),
  fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
  fc.constantFrom(...VALUES),
).map(([indent, dash, key, value]) => ' '.repeat(indent) + dash + (key === undefined ? value : `${key}:${value === '' ? '' : ` ${value}`}`));
const text = fc.oneof(
  fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n')),
  fc.array(fc.oneof(line, fc.constantFrom('', '# c', '  # c', '---', '...')), { minLength: 1, maxLength: 12 }).map((lines) => `${lines.join('\n')}\n`),
);

/** A tree of scalars (their text as written), mappings and sequences, written as block YAML below. */
type Tree = { scalar: string } | { map: [string, Tree][] } | { seq: Tree[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof({ arbitrary: fc.constantFrom(...SAFE_VALUES), weight: 4 }, fc.constantFrom(...VALUES.filter((v) => v !== ''))).map((scalar) => ({ scalar })),
    fc.array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...SAFE_KEYS), weight: 9 }, fc.constantFrom(...KEYS)), tie('node')), { minLength: 1, maxLength: 4 }).map((map) => ({ map })),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((seq) => ({ seq })),
  ),
})).node;

/**
 * Block YAML for a tree, with layout choices taken in turn from `choices`: indentation steps of 1–4,
 * sequences at their key's column or deeper, `-` followed by 1–3 spaces, a mapping on the `-` line or
 * below it, comment and blank lines, anchors on collections and aliases to them.
 */
function writeTree(root: Tree, choices: readonly number[]): string {
  let turn = 0;
  const choose = (n: number): number => choices[turn++ % choices.length]! % n;
  const lines: string[] = [];
  let anchors = 0;
  const anchor = (): string => (choose(6) === 0 ? ` &n${++anchors}` : '');
  const alias = (): string | undefined => (anchors > 0 && choose(8) === 0 ? `*n${1 + choose(anchors)}` : undefined);
  const extra = (): void => { const c = choose(10); if (c === 0) lines.push(`${' '.repeat(choose(6))}# note`); else if (c === 1) lines.push(''); };
  function node(t: Tree, indent: number, head: string, sameIndentSequence: boolean): void {
    // `head` is the text before the node on its first line: `key:`, `-` or '' (the root).
    const pad = ' '.repeat(indent);
    if ('scalar' in t) {
      const folded = choose(5) === 0 && head !== '';
      if (!folded) { lines.push(`${head} ${alias() ?? t.scalar}`.trimStart()); return; }
      // A folded scalar over 1–3 lines, at one indentation or (rarely) another, sometimes with a blank line.
      lines.push(`${head}${anchor()} ${['>-', '>-', '>-', '>', '>- # c'][choose(5)]}`);
      const count = 1 + choose(3);
      for (let i = 0; i < count; i++) {
        if (choose(12) === 0) lines.push('');
        lines.push(`${' '.repeat(indent + (choose(10) === 0 ? 1 : 0))}${WORDS[choose(WORDS.length)]}${WORDS[choose(WORDS.length)]}`);
      }
      return;
    }
    const a = alias();
    if (a !== undefined && head !== '') { lines.push(`${head} ${a}`); return; }
    if (head !== '') lines.push(`${head}${anchor()}`);
    extra();
    if ('map' in t) {
      for (const [key, value] of t.map) { node(value, indent + 1 + choose(4), `${pad}${key}:`, true); extra(); }
    } else {
      const at = sameIndentSequence && choose(2) === 0 ? Math.max(0, indent - 1 - choose(4)) : indent;
      for (const item of t.seq) {
        const dash = `${' '.repeat(at)}-${' '.repeat(1 + choose(3))}`;
        if ('map' in item && choose(2) === 0) {
          // The first key on the `-` line, the others at its column.
          const [first, ...rest] = item.map;
          const column = dash.length;
          node(first![1], column + 1 + choose(3), `${dash}${first![0]}:`, true);
          for (const [key, value] of rest) node(value, column + 1 + choose(3), `${' '.repeat(column)}${key}:`, true);
        } else {
          node(item, at + 1 + choose(3), dash.trimEnd(), false);
        }
        extra();
      }
    }
  }
  node(root, 0, '', false);
  return lines.join('\n');
}

describe('readBlockYaml on random texts', () => {
  it('reads written trees as the located parser does (and takes a good part of them)', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(tree, fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }), (t, choices) => {
        runs++;
        const written = writeTree('scalar' in t ? { map: [['a', t]] } : t, choices);
        const block = readBlockYaml(written);
        if (block === undefined) return;
        taken++;
        const slow = parseSlowData(written);
        expect(slow.ok, written).toBe(true);
        if (slow.ok) expect(block.value, written).toStrictEqual(slow.value);
      }),
      fuzzParameters(2000),
    );
    if (process.env.SHOW_TAKEN) console.log('trees taken', taken, 'of', runs);
    expect(taken).toBeGreaterThan(0);
  }, fuzzTimeout());

  it('returns a value only where the located parser reads the same value', () => {
    let taken = 0;
    fc.assert(
      fc.property(text, (t) => {
        const block = readBlockYaml(t);
        if (block === undefined) return;
        taken++;
        const slow = parseSlowData(t);
        expect(slow.ok, JSON.stringify(t)).toBe(true);
        if (slow.ok) expect(block.value, JSON.stringify(t)).toStrictEqual(slow.value);
      }),
      fuzzParameters(3000),
    );
    expect(taken).toBeGreaterThan(0);
    if (process.env.SHOW_TAKEN) console.log("taken", taken);
  }, fuzzTimeout());
});
