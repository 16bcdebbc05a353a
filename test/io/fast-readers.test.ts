import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bodyFileSchema } from '../../src/catalog/schema.js';
import { courseFileSchema } from '../../src/catalog/course-schema.js';
import { profileSchema } from '../../src/profile/profile-schema.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { readCourseDir } from '../../src/io/read-course-dir.js';
import { DEFAULT_COURSE_DIR, readCourseDirFast } from '../../src/io/read-course-dir-fast.js';
import { readProfileFile } from '../../src/io/read-profile-file.js';
import { readProfileFileFast } from '../../src/io/read-profile-file-fast.js';
import { fastParse, parseLocated, parseLocatedSlow, parseSlowData } from '../../src/shared/parse-located.js';
import { RecertError } from '../../src/shared/recert-error.js';
import type { CalendarDate } from '../../src/shared/calendar-date.js';
import { courseFileYaml, generateCourseFile } from '../../bench/generate-courses.js';
import { generateRealisticCatalog, writeRealisticCatalog } from '../../bench/generate-courses-real.js';

const root = join(import.meta.dirname, '..', '..');
const dataFiles = (dir: string): string[] => readdirSync(join(root, dir)).filter((n) => /\.(ya?ml|json)$/.test(n)).map((n) => join(root, dir, n));
const codes = { syntax: 'CATALOG_SYNTAX', schema: 'CATALOG_SCHEMA' } as const;
const temp = mkdtempSync(join(tmpdir(), 'recert-fast-'));

function expectSameBothWays(text: string, file: string): void {
  const fast = fastParse(text, file);
  const slow = parseSlowData(text);
  expect(fast.ok, file).toBe(true);
  expect(slow.ok, file).toBe(true);
  if (fast.ok && slow.ok) expect(fast.value, file).toStrictEqual(slow.value);
}

describe('the fast readers give exactly what the located parser gives', () => {
  const cases = [
    ...dataFiles('catalog').map((file) => ({ file, schema: bodyFileSchema })),
    ...dataFiles('catalog/courses').map((file) => ({ file, schema: courseFileSchema })),
    ...dataFiles('examples').map((file) => ({ file, schema: profileSchema })),
  ];
  it('covers every data file in catalog/, catalog/courses/ and examples/', () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
  });
  for (const { file, schema } of cases) {
    it(`reads ${file.slice(root.length + 1)} to the same data and the same validated value`, { timeout: 30_000 }, () => {
      const text = readFileSync(file, 'utf8');
      expectSameBothWays(text, file);
      const viaFast = parseLocated(text, file, schema, codes);
      const viaSlow = parseLocatedSlow(text, file, schema, codes);
      expect(viaFast.ok).toBe(true);
      expect(viaFast).toStrictEqual(viaSlow);
    });
  }

  it('reads the generated catalogs (both generators, YAML and JSON) to the same data', () => {
    const catalog = readCatalogDir();
    const file = generateCourseFile(catalog, { offerings: 300, seed: 4, bodies: ['nasm', 'ace', 'acsm', 'nsca', 'issa'], from: '2026-01-01' as CalendarDate, to: '2031-12-31' as CalendarDate });
    expectSameBothWays(stringify(file), 'g.yaml');
    expectSameBothWays(JSON.stringify(file, null, 2), 'g.json');
    for (const generated of generateRealisticCatalog(catalog, { offerings: 400, seed: 7 })) expectSameBothWays(generated.text, generated.name);
  }, 60_000);

  it('resolves every kind of YAML scalar as the core schema does', () => {
    const text = [
      'a: 1_000', 'b: 0x1F', 'c: 0o17', 'd: +12', 'e: -0.5', 'f: .5', 'g: 1e3', 'h: 1.5E-2', 'i: .inf', 'j: -.Inf', 'k: .NaN',
      'l: ~', 'm: Null', 'n:', 'o: TRUE', 'p: yes', 'q: no', 'r: on', 's: 2025-01-15', 't: 012', 'u: 0b11', 'v: "quoted\\ttab"',
      "w: 'it''s'", 'x: >-\n  folded\n  text', 'y: |\n  literal\n  text\n', 'z: &anchor [1, two, 3.0]', 'za: *anchor',
      'zb: { k: v, n: 1 }', 'zc: 12:30', 'zd: 1.', 'ze: +.5e+3', 'zf: 0xG', 'zg: True', 'zh: "2025-01-15"', 'zi: 1,000', '"quoted key": 1', '? complex\n: value',
    ].join('\n');
    expectSameBothWays(text, 'scalars.yaml');
  });

  it('leaves to the located parser what it does not accept: duplicate keys, several documents, bad syntax', () => {
    expect(fastParse('{"a": 1, "b": {"c": 1, "c": 2}}', 'dup.json').ok).toBe(false);
    expect(fastParse('{"a": "x\\": y", "b": 1}', 'ok.json').ok).toBe(true);
    expect(fastParse('a: 1\na: 2\n', 'dup.yaml').ok).toBe(false);
    expect(fastParse('a: 1\n---\nb: 2\n', 'two.yaml').ok).toBe(false);
    expect(fastParse('a: [1, 2\n', 'bad.yaml').ok).toBe(false);
    const dup = parseLocated('{\n  "credentials": [],\n  "credentials": []\n}\n', 'p.json', profileSchema, { syntax: 'PROFILE_SYNTAX', schema: 'PROFILE_SCHEMA' });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.issues[0]).toMatchObject({ code: 'PROFILE_SYNTAX', line: 3 });
  });

  it('still reports schema errors with line and column (JSON and YAML)', () => {
    const json = '{\n  "credentials": [\n    {"id": "cpt", "program": "nasm-cpt", "earned": "2025-02-30"}\n  ]\n}\n';
    const bad = parseLocated(json, 'p.json', profileSchema, { syntax: 'PROFILE_SYNTAX', schema: 'PROFILE_SCHEMA' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ code: 'PROFILE_SCHEMA', line: 3, path: 'credentials[0].earned' });
    const yaml = 'credentials:\n  - id: cpt\n    program: nasm-cpt\n    earned: 2025-13-01\n';
    const badYaml = parseLocated(yaml, 'p.yaml', profileSchema, { syntax: 'PROFILE_SYNTAX', schema: 'PROFILE_SCHEMA' });
    expect(badYaml.ok).toBe(false);
    if (!badYaml.ok) expect(badYaml.issues[0]).toMatchObject({ line: 4, column: 13, path: 'credentials[0].earned' });
  });
});

describe('reference errors name the file, line and column', () => {
  const catalog = readCatalogDir();
  const offering = (id: string, extra: string): string =>
    `  - id: ${id}\n    title: A course\n    price: 10\n    hours: 1\n    format: online\n    availability: { kind: self-paced }\n${extra}`;
  function courseError(name: string, body: string): string {
    const dir = join(temp, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'p.yaml'), `schemaVersion: 1\nprovider: { id: p, name: P }\nsampleData: true\nofferings:\n${body}`);
    try {
      readCourseDir(dir, catalog);
    } catch (error) {
      expect(error).toBeInstanceOf(RecertError);
      return (error as RecertError).message;
    }
    throw new Error('expected an error');
  }

  it('an unknown body', () => {
    const message = courseError('unknown-body', offering('c1', '    credits:\n      - { body: nope, units: 1 }\n'));
    expect(message).toMatch(/p\.yaml:12:17: offerings\[0\]\.credits\[0\]\.body: unknown body "nope".* \[CATALOG_REFERENCE\]$/);
  });
  it('an unknown category', () => {
    const message = courseError('unknown-category', offering('c1', '    credits:\n      - body: nsca\n        units: 0.1\n        category: z\n'));
    expect(message).toMatch(/p\.yaml:14:19: offerings\[0\]\.credits\[0\]\.category: unknown nsca category "z".* \[CATALOG_REFERENCE\]$/);
  });
  it('a duplicate offering id', () => {
    const message = courseError('duplicate-id', offering('c1', '') + offering('c1', ''));
    expect(message).toMatch(/p\.yaml:11:9: offerings\[1\]\.id: offering "c1" is already defined in .*p\.yaml \[CATALOG_REFERENCE\]$/);
  });
  it('two credit lines for one body', () => {
    const message = courseError('two-lines', offering('c1', '    credits:\n      - { body: ace, units: 0.1 }\n      - { body: ace, units: 0.2 }\n'));
    expect(message).toMatch(/p\.yaml:13:17: offerings\[0\]\.credits\[1\]\.body: two credit lines for body "ace".* \[CATALOG_SCHEMA\]$/);
  });
  it('a credit line a grant already counts', () => {
    const message = courseError('grant', offering('c1', '    earns: nasm-ces\n    credits:\n      - { body: nasm, units: 1.9 }\n'));
    expect(message).toMatch(/p\.yaml:13:7: offerings\[0\]\.credits: nasm already counts "nasm-ces".* \[CATALOG_SCHEMA\]$/);
  });
  it("a profile's unknown program", () => {
    const path = join(temp, 'profile.json');
    writeFileSync(path, '{\n  "credentials": [\n    {"id": "x", "program": "no-such-program", "earned": "2025-01-01"}\n  ]\n}\n');
    expect(() => readProfileFile(path, catalog)).toThrow(/profile\.json:3:28: credentials\[0\]\.program: unknown program "no-such-program".* \[PROFILE_REFERENCE\]$/);
  });
});


describe('the readers `recert plan` uses first (fast path only, no zod, no located parser)', () => {
  const catalog = readCatalogDir();
  const folder = (name: string, files: Record<string, string>): string => {
    const dir = join(temp, name);
    mkdirSync(dir);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  };

  it('read the shipped course catalog to the catalog the full reader builds', () => {
    const fast = readCourseDirFast(DEFAULT_COURSE_DIR, catalog);
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(readCourseDir(DEFAULT_COURSE_DIR, catalog));
  });

  it('read generated catalogs of both generators (YAML, .yml and JSON files) to the same catalog', () => {
    const file = generateCourseFile(catalog, { offerings: 300, seed: 4, bodies: ['nasm', 'ace', 'acsm', 'nsca', 'issa'], from: '2026-01-01' as CalendarDate, to: '2031-12-31' as CalendarDate });
    const first = folder('plan-first', { 'a.yaml': courseFileYaml(file) });
    const realistic = join(temp, 'plan-realistic');
    writeRealisticCatalog(catalog, { offerings: 400, seed: 7 }, realistic);
    for (const dir of [first, realistic]) {
      const fast = readCourseDirFast(dir, catalog);
      expect(fast, dir).toBeDefined();
      expect(fast).toStrictEqual(readCourseDir(dir, catalog));
    }
  }, 60_000);

  it('read every example profile to the profile the full reader gives', () => {
    const profiles = dataFiles('examples');
    expect(profiles.length).toBeGreaterThan(0);
    for (const path of profiles) {
      const fast = readProfileFileFast(path, catalog);
      expect(fast, path).toBeDefined();
      expect(fast).toStrictEqual(readProfileFile(path, catalog));
    }
  });

  it('give nothing, so that the full reader reports, for every kind of problem', () => {
    const course = (extra: string, id = 'c1'): string =>
      `  - id: ${id}\n    title: A course\n    price: 10\n    hours: 1\n    format: online\n    availability: { kind: self-paced }\n${extra}`;
    const file = (offerings: string, provider = '{ id: p, name: P }'): string => `schemaVersion: 1\nprovider: ${provider}\nsampleData: true\nofferings:\n${offerings}`;
    const bad: Record<string, Record<string, string>> = {
      'unknown body': { 'p.yaml': file(course('    credits:\n      - { body: nope, units: 1 }\n')) },
      'duplicate id across files': { 'p.yaml': file(course('')), 'q.yaml': file(course(''), '{ id: q, name: Q }') },
      'schema error': { 'p.yaml': file(course('    credits: yes\n')) },
      'syntax error': { 'p.json': '{"schemaVersion": 1,' },
      'duplicate key': { 'p.json': '{"schemaVersion": 1, "schemaVersion": 1}' },
      // zod trims a URL and returns it trimmed: the fast check leaves such a string to zod.
      'a URL with spaces around it': { 'p.yaml': file(course(''), '{ id: p, name: P, url: " https://p.example/ " }') },
      'no course files': { 'notes.txt': 'nothing here' },
    };
    for (const [name, files] of Object.entries(bad)) {
      const dir = folder(`plan-bad-${name.replaceAll(' ', '-')}`, files);
      expect(readCourseDirFast(dir, catalog), name).toBeUndefined();
    }
    // The trimmed URL is valid for zod: the full reader builds the catalog.
    expect(readCourseDir(join(temp, 'plan-bad-a-URL-with-spaces-around-it'), catalog).offerings).toHaveLength(1);
    expect(readCourseDirFast(join(temp, 'no-such-folder'), catalog)).toBeUndefined();

    const profile = (name: string, text: string): string => { const path = join(temp, name); writeFileSync(path, text); return path; };
    expect(readProfileFileFast(join(temp, 'no-such-profile.json'), catalog)).toBeUndefined();
    expect(readProfileFileFast(profile('unknown-program.json', '{"credentials": [{"id": "x", "program": "no-such-program", "earned": "2025-01-01"}]}'), catalog)).toBeUndefined();
    expect(readProfileFileFast(profile('bad-date.json', '{"credentials": [{"id": "x", "program": "nasm-cpt", "earned": "2025-02-30"}]}'), catalog)).toBeUndefined();
    expect(readProfileFileFast(profile('bad-syntax.json', '{"credentials": ['), catalog)).toBeUndefined();
  });
});
