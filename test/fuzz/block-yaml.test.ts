/**
 * The block-style YAML scanner (src/shared/block-yaml.ts) gives exactly what the located parser gives,
 * whenever it accepts a text: on every YAML file recert ships, on generated catalogs, on hand-picked
 * snippets, and on those texts damaged by random edits (test/fuzz/text-mutations.ts). It must also
 * accept what generators and people write, or the fast path would not be fast.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { courseFileYaml, generateCourseFile } from '../../bench/generate-courses.js';
import { generateRealisticCatalog } from '../../bench/generate-courses-real.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { scanBlockYaml } from '../../src/shared/block-yaml.js';
import { parseSlowData } from '../../src/shared/parse-located.js';
import type { CalendarDate } from '../../src/shared/calendar-date.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { damaged } from './text-mutations.js';

const root = join(import.meta.dirname, '..', '..');
const yamlFiles = (dir: string): string[] => readdirSync(join(root, dir)).filter((n) => /\.ya?ml$/.test(n)).map((n) => readFileSync(join(root, dir, n), 'utf8'));
const catalog = readCatalogDir();
const generated = generateCourseFile(catalog, { offerings: 12, seed: 3, bodies: ['nasm', 'ace', 'acsm', 'nsca', 'issa'], from: '2026-01-01' as CalendarDate, to: '2031-12-31' as CalendarDate });
const realistic = generateRealisticCatalog(catalog, { offerings: 60, seed: 5 }).filter((f) => !f.name.endsWith('.json')).map((f) => f.text);

/** Whatever the scanner accepts, the located parser accepts too, with the same value. */
function expectAgrees(text: string): boolean {
  const scanned = scanBlockYaml(text);
  if (!scanned.ok) return false;
  const slow = parseSlowData(text);
  expect(slow.ok, text).toBe(true);
  if (slow.ok) expect(scanned.value, text).toStrictEqual(slow.value);
  return true;
}

describe('the block-style YAML scanner', () => {
  it('reads the generators\' YAML (and `yaml`\'s own stringify) itself, to what the located parser reads', () => {
    for (const text of [courseFileYaml(generated), stringify(generated), stringify(generated, { indentSeq: false }), ...realistic]) {
      expect(expectAgrees(text), text.slice(0, 200)).toBe(true);
    }
  });

  it('agrees with the located parser on every YAML file recert ships (it may decline flow style and block scalars)', () => {
    const files = [...yamlFiles('catalog'), ...yamlFiles(join('catalog', 'courses'))];
    expect(files.length).toBeGreaterThan(10);
    for (const text of files) expectAgrees(text);
  });

  it('resolves scalars and keys as the core schema does', () => {
    const accepted = [
      'a: 1\nb: -0.5\nc: .5\nd: 1e3\ne: 0x1F\nf: 0o17\ng: +12\nh: 1_000\ni: 012\nj: 0b11\nk: .inf\nl: -.Inf\nm: .NaN\n',
      'a: ~\nb: null\nc: Null\nd:\ne: TRUE\nf: false\ng: yes\nh: on\ni: 2025-01-15\nj: 12:30\nk: 1.\nl: +.5e+3\nm: 0xG\n',
      'title: C# basics\nurl: https://example.org/a#b?c=d:e\nnote: a, b [c] {d}\nx: a #comment\ny: "a: b" # c\nz: \'it\'\'s\'\nw: ""\nv: \'\'\n',
      'key : spaced\n"quoted key": 1\n\'single key\': 2\nconstructor: 3\ntoString: 4\n',
      '---\na: 1\n', '--- # comment\n- 1\n- two\n', '# only a comment\n', '', '---\n',
      'a:\n- 1\n- 2\nb:\n  - c: 1\n    d: 2\n  -   e: 3\n      f: [] # empty\n  -\n    g: {}\n  - h\nc: -5\nd: ?x\ne: :y\n',
      'list:\n  - a: 1\n    nested:\n    - x\n    - y\n  - b: 2\n',
      'a: 1\r\nb:\r\n  c: 2\r\n',
      'a: &x 1\nb: *x\n',
      'base: &b\n  x: 1\n  y: [] # c\ncopy: *b\nlist:\n  - &i item\n  - *i\n  - *b # again\nnone: &n\nalso: *n\nseq: &s\n- 1\n- 2\nseq2: *s\nq: &q "quoted"\nq2: *q\n',
      'offerings:\n  - id: a\n    credits: &a1\n      - body: ace\n        units: 1\n  - id: b\n    credits: *a1\n',
    ];
    for (const text of accepted) expect(expectAgrees(text), JSON.stringify(text)).toBe(true);
  });

  it('declines what lies outside block style, so that a full parser reads it or reports the error', () => {
    const declined = [
      'a:\tb\n', '\ufeffa: 1\n', 'a: 1\rb: 2\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a: 1\n...\n',
      'a: !!str 1\n', 'a: |\n  text\n', 'a: >-\n  text\n', 'a: [1, 2]\n', 'a: { b: 1 }\n',
      'a: first\n  second\n', 'a: "x\\ty"\n', '? a\n: b\n', '1: one\n', 'true: yes\n', '<<: {}\n', '__proto__: 1\n',
      'a: 1\na: 2\n', 'a: b: c\n', 'a: - b\n', 'a:\n  1\n', 'a: 1\n b: 2\n', '- - a\n', 'just a scalar\n', 'a: "open\n',
      'a:\n    b: 1\n  c: 2\n', '- a\nb: 1\n', 'a: 1\n- b\n', 'a: @x\n', 'a: `x\n', 'a: -\n', 'a: x:\n',
      // The located parser refuses an implicit key over 1,024 characters, and runs out of stack on deep nesting.
      'a: *x\n', 'a: &x\n  b: *x\n', 'a: &x *y\n', 'a: &x.y 1\n', '- &a k: v\n', 'a: *x y\n', 'a: 1\nb: *a\n', '&a k: v\n', 'a: &b 1\nc: *b#c\n',
      `${'k'.repeat(1025)}: 1\n`, `k${' '.repeat(1024)}: 1\n`, `"${'k'.repeat(1023)}": 1\n`, `- ${'k'.repeat(1025)}: 1\n`,
      Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
    ];
    expect(expectAgrees(`${'k'.repeat(1024)}: 1\n`)).toBe(true);
    for (const text of declined) expect(scanBlockYaml(text).ok, JSON.stringify(text)).toBe(false);
  });

  it('agrees with the located parser on damaged files (random cuts, insertions, duplicated and swapped lines)', () => {
    const bases = [courseFileYaml(generated), ...realistic.slice(0, 3), ...yamlFiles(join('catalog', 'courses')).slice(0, 2)];
    let accepted = 0;
    let runs = 0;
    fc.assert(fc.property(fc.constantFrom(...bases).chain((base) => damaged(base)), (text) => {
      runs++;
      if (expectAgrees(text)) accepted++;
    }), fuzzParameters(400));
    // Most damage takes a text out of block style (the scanner declines); enough must remain accepted.
    expect(accepted).toBeGreaterThan(runs / 20);
  }, fuzzTimeout(60_000));

  it('agrees with the located parser on files whose lines are moved, dropped, re-indented or given new values', () => {
    const bases = [courseFileYaml(generated), ...realistic.slice(0, 3), stringify(generated, { indentSeq: false })];
    let accepted = 0;
    let runs = 0;
    fc.assert(fc.property(fc.constantFrom(...bases), fc.array(lineEdit, { minLength: 1, maxLength: 3 }), (base, edits) => {
      runs++;
      if (expectAgrees(edits.reduce(applyLineEdit, base))) accepted++;
    }), fuzzParameters(400));
    expect(accepted).toBeGreaterThan(runs / 5);
  }, fuzzTimeout(60_000));
});

/** Edits that keep a text looking like block YAML, so that the scanner has to decide, not just decline. */
const VALUES = ['1', '-2.5', '~', 'true', 'False', 'x y', '"q"', "'s''q'", '[]', '{}', 'a: b', '- c', '#', 'k #c', '2026-01-01', '0x10', '1e2', '', '&x 1', '&x', '*x', '*a1', '&a1', '&a1 # c'];
const lineEdit = fc.oneof(
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
);
type LineEdit = typeof lineEdit extends fc.Arbitrary<infer E> ? E : never;

function applyLineEdit(text: string, e: LineEdit): string {
  const lines = text.split('\n');
  const i = e.at % lines.length;
  const line = lines[i]!;
  switch (e.kind) {
    case 'indent': lines[i] = e.by >= 0 ? ' '.repeat(e.by) + line : line.replace(new RegExp(`^ {0,${-e.by}}`), ''); break;
    case 'drop': lines.splice(i, 1); break;
    case 'copy': lines.splice(e.to % lines.length, 0, line); break;
    case 'value': {
      const colon = line.indexOf(': ');
      lines[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${e.value}` : `${line.replace(/^( *- ?).*$/, '$1')}${e.value}`;
      break;
    }
  }
  return lines.join('\n');
}
