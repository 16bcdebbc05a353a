/**
 * readBlockYaml gives exactly what the located parser gives (`parseSlowData`), or undefined: on every
 * shipped data file, on the output of both course generators and of the wallet generator, and on
 * hand-picked texts at the edges of the subset it reads. test/fuzz/block-yaml.test.ts adds random texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateCourseFile } from '../../bench/generate-courses.js';
import { generateRealisticCatalog } from '../../bench/generate-courses-real.js';
import { generateWallets } from '../../bench/generate-wallets.js';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import type { CalendarDate } from './calendar-date.js';
import { parseSlowData } from './parse-located.js';
import { readBlockYaml } from './read-block-yaml.js';

const root = join(import.meta.dirname, '..', '..');

/** Undefined, or the located parser's value; returns whether the reader took the text. */
function agrees(text: string): boolean {
  const block = readBlockYaml(text);
  if (block === undefined) return false;
  const slow = parseSlowData(text);
  expect(slow.ok, text.slice(0, 200)).toBe(true);
  if (slow.ok) expect(block.value, text.slice(0, 200)).toStrictEqual(slow.value);
  return true;
}

describe('readBlockYaml', () => {
  it('takes every shipped YAML file (rule catalog, course catalog) and reads it as the located parser does', () => {
    for (const dir of ['catalog', 'catalog/courses', 'examples']) {
      for (const name of readdirSync(join(root, dir)).filter((n) => /\.ya?ml$/.test(n))) expect(agrees(readFileSync(join(root, dir, name), 'utf8')), `${dir}/${name}`).toBe(true);
    }
  });

  it('takes the generators’ YAML (with its anchors and aliases) and reads it as the located parser does', () => {
    const catalog = readCatalogDir();
    const file = generateCourseFile(catalog, { offerings: 300, seed: 4, bodies: ['nasm', 'ace', 'acsm', 'nsca', 'issa'], from: '2026-01-01' as CalendarDate, to: '2031-12-31' as CalendarDate });
    expect(agrees(stringify(file))).toBe(true);
    for (const generated of generateRealisticCatalog(catalog, { offerings: 400, seed: 7 })) {
      if (!generated.name.endsWith('.json')) expect(agrees(generated.text), generated.name).toBe(true);
    }
    for (const shape of ['uniform', 'career'] as const) {
      const [profile] = generateWallets(catalog, { people: 1, credentials: 4, activities: 300, shape, seed: 3 });
      expect(agrees(stringify(profile))).toBe(true);
      agrees(jsyaml.dump(profile));
    }
  }, 60_000);

  it('resolves number-like plain scalars as the core schema does (the digit fast path, dates, signs, exponents)', () => {
    // A fixed pseudo-random sequence, so a failure names the same texts every time.
    let seed = 7;
    const next = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const chars = '0123456789+-.eExoabfinINFA_';
    const texts = ['2025-01-15', '1-2', '1+2', '1e-5', '1E+5', '-1-', '+1-', '-0', '+0', '-0.0', '00012.500', '123456789012345', '1234567890123456', '99999999999999.9'];
    for (let i = 0; i < 3000; i++) {
      let t = '';
      for (let j = 1 + next(9); j > 0; j--) t += chars[next(3) > 0 ? next(13) : next(chars.length)];
      texts.push(t);
    }
    let taken = 0;
    for (const t of texts) if (agrees(`a: ${t}\n`)) taken++;
    expect(taken).toBeGreaterThan(texts.length * 0.9);
  });

  const taken = [
    'a: 1', 'a: 1\n', '# c\na: 1 # c\n\n  # c\nb: x', 'a:\n  b:\n    c: 1\n  d: 2\ne: 3', 'a:\n- 1\n- 2\nb: 3', 'a:\n  - 1\n  -\n  - x: 1\n    y: 2\n',
    '- 1\n- a\n-\n  b: 1', '-   a: 1\n    b: 2\n- c: 3', 'a:', 'a:\nb:', 'a: ~\nb: null\nc: Null\nd: NULL\ne: true\nf: False\ng: TRUE',
    'a: 1_000\nb: 0x1F\nc: 0o17\nd: +12\ne: -0.5\nf: .5\ng: 1e3\nh: 1.5E-2\ni: .inf\nj: -.Inf\nk: .NaN\nl: 012\nm: 0b11\nn: 1.\no: +.5e+3\np: 0xG\nq: -0\nr: 12:30',
    'a: yes\nb: no\nc: on\nd: 2025-01-15\ne: 1,000\nf: a, b]\ng: a:b\nh: a#b\ni: -x\nj: x - y\nk: "a # b"\nl: \'it\'\'s\'\nm: ""\nn: \'\'',
    'a: "2025-01-15"\nb: \'x\' # c\nc: [] # c\nd: {}\ne: http://x.y/z?q=1#f', 'a: &x\n  b: 1\nc: *x\nd:\n  - &y\n    e: 1\n  - *y', 'a: &x\n- 1\nb: *x',
    'key_1: 1\nkey-2: 2\n_k: 3', 'a: café ☕ 😀', 'a:\n\n\n  b: 1\n', '  a: 1\n  b: 2',
    'a: [1, 2]', 'a: { b: 1 }', "a: { b: 1, c: [x, \"y\", 'z''s'] }", 'a: [1, -1, .5, ~, true, a b, 2025-01-15, http://x.y/z]', 'a: [{ b: 1 }, [], {}]',
    'a: [a:b, a#b, -a]', 'a: [ a , b ] # c', 'a: >-\n  one "two" # three\n  four: five\nb: 1', '- >-\n  x\n  y\n- z', 'a: >-\n    x\n\nb: 1',
    'a: &x >-\n  t\nb: *x', 'a: &x 1\nb: *x', 'a: &x [1]\nb: *x', 'a: &x { c: 1 }\nb: { d: *x, e: [*x] }', '- &x a\n- *x', 'a: >-\n  x\n# c\nb: 1',
  ];
  for (const text of taken) it(`takes ${JSON.stringify(text).slice(0, 60)}`, () => expect(agrees(text)).toBe(true));

  const left = [
    '', '# only a comment', 'a: 1\na: 2', 'a: 1\n---\nb: 2', '---\na: 1', 'a: |\n  x', 'a: >\n  x', 'a: "x\\ty"', 'a: "x\n  y"',
    'a: [1,\n  2]', 'a: [a, ]', 'a: [a: b]', 'a: { a }', 'a: { b: 1, b: 2 }', 'a: [a #c]', 'a: >-\n  x\n\n  y', 'a: >-\n  x\n    y', 'a: >-\n  x \n', 'a: >+\n  x',
    'a: >-2\n  x', 'a: |-\n  x', 'a: >-\nb: 1', 'a: &x &y 1', 'a: &x *y', '- &a b: c', 'a: [&x 1]', 'a: [!t x]', 'a: [a]x', 'a: ["a\\"b"]', 'a: {b:1}', 'a: [a, [b]', 'a: [a]]',
    'a: b\n  c', '- a\n  b', 'a: b: c', 'a: b:', '"a": 1', "'a': 1", 'a b: 1', 'a : 1', '1: x', 'null: x', 'true: x', '__proto__: x', '? a\n: b', 'a: !tag x',
    'a: *missing', 'a: &x\n  b: *x', 'a:\tb', 'a: 1\r\nb: 2', '\ufeffa: 1', 'a: x\u0085y', '- - a', 'a:\n  b: 1\n c: 2', 'a:\n  - 1\n - 2', 'a: 1\n- b',
    'x', '"x"', '- a\nb: 1', 'a: %x', 'a: @x', 'a: `x', 'a: -', 'a: - b', 'a: "x"y', 'a: "x"#c', 'a: []x', 'a:#b', '%YAML 1.2\n---\na: 1', 'a: 1\n...\n',
    `${'k'.repeat(1100)}: 1`, 'a: \'x', 'a: "x',
  ];
  for (const text of left) {
    it(`leaves ${JSON.stringify(text).slice(0, 60)} to the general parsers`, () => expect(readBlockYaml(text)).toBeUndefined());
  }
});
