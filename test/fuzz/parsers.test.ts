/**
 * Property: the profile, rule-catalog and course-catalog parsers, given any text at all, either
 * return a value or throw a RecertError whose every issue names the file, carries a stable code and
 * a message, and (when it has one) a line inside the file. Never a TypeError, a RangeError, a stack
 * overflow or a bare YAML exception.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCatalog, type CatalogFileText } from '../../src/catalog/catalog.js';
import { buildCourseCatalog } from '../../src/catalog/build-course-catalog.js';
import { withLocatedErrors } from '../../src/io/locate-errors.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { readCourseDir } from '../../src/io/read-course-dir.js';
import { readProfileFile } from '../../src/io/read-profile-file.js';
import { parseProfile } from '../../src/profile/parse-profile.js';
import { ERROR_CODES } from '../../src/shared/error-codes.js';
import { profileSchema } from '../../src/profile/profile-schema.js';
import { parseLocated } from '../../src/shared/parse-located.js';
import { RecertError } from '../../src/shared/recert-error.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { anyText, damaged, reshaped } from './text-mutations.js';

const catalog = readCatalogDir();
const root = new URL('../../', import.meta.url).pathname;
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

const PROFILE_JSON = read('examples/seed-nasm.json');
const CATALOG_FILES = ['catalog/nasm.yaml', 'catalog/nsca.yaml', 'catalog/cpr-aed.yaml'].map((file) => ({ file, text: read(file) }));
const COURSE_FILE = { file: 'catalog/courses/nasm.yaml', text: read('catalog/courses/nasm.yaml') };

/** Runs `parse`; passes when it returns, or throws a RecertError located in `files`. */
function expectLocatedOutcome(parse: () => unknown, files: readonly CatalogFileText[]): void {
  let thrown: unknown;
  try {
    parse();
    return;
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof RecertError)) throw new Error(`threw ${String(thrown)} instead of a RecertError`, { cause: thrown });
  expect(thrown.issues.length).toBeGreaterThan(0);
  for (const issue of thrown.issues) {
    expect(Object.keys(ERROR_CODES)).toContain(issue.code);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(typeof issue.path).toBe('string');
    const file = files.find((f) => f.file === issue.file);
    expect(file, `issue names a file it was given: ${JSON.stringify(issue)}`).toBeDefined();
    if (issue.line !== undefined) {
      expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
      expect(issue.line).toBeLessThanOrEqual(file!.text.split('\n').length + 1);
    }
    if (issue.code.endsWith('_SYNTAX')) expect(issue.line, `a syntax error has a line: ${JSON.stringify(issue)}`).toBeDefined();
  }
}

const profileText = fc.oneof(anyText, damaged(PROFILE_JSON), reshaped(PROFILE_JSON, 'json'), reshaped(PROFILE_JSON, 'yaml'));

describe('the profile parser never throws anything but a located RecertError', () => {
  it('parseProfile (as readProfileFile calls it) on any text', () => {
    fc.assert(fc.property(profileText, (text) => {
      const files = [{ file: 'profile.json', text }];
      expectLocatedOutcome(() => withLocatedErrors(files, () => parseProfile(text, 'profile.json', catalog)), files);
    }), fuzzParameters(150));
  }, fuzzTimeout());

  it('parseLocated with the profile schema, as YAML, on any text', () => {
    fc.assert(fc.property(profileText, (text) => {
      const files = [{ file: 'profile.yaml', text }];
      expectLocatedOutcome(() => {
        const result = parseLocated(text, 'profile.yaml', profileSchema, { syntax: 'PROFILE_SYNTAX', schema: 'PROFILE_SCHEMA' });
        if (!result.ok) throw new RecertError(result.issues);
      }, files);
    }), fuzzParameters(150));
  }, fuzzTimeout());
});

describe('the catalog parsers never throw anything but a located RecertError', () => {
  it('buildCatalog (as readCatalogDir calls it) on damaged and reshaped body files', () => {
    const [nasm, ...rest] = CATALOG_FILES;
    const text = fc.oneof(anyText, damaged(nasm!.text), reshaped(nasm!.text, 'yaml'), reshaped(nasm!.text, 'json'));
    fc.assert(fc.property(text, (changed) => {
      const files = [{ file: nasm!.file, text: changed }, ...rest];
      expectLocatedOutcome(() => withLocatedErrors(files, () => buildCatalog(files)), files);
    }), fuzzParameters(40, 0.1));
  }, fuzzTimeout());

  it('buildCourseCatalog (as readCourseDir calls it) on damaged and reshaped course files', () => {
    const text = fc.oneof(anyText, damaged(COURSE_FILE.text), reshaped(COURSE_FILE.text, 'yaml'));
    fc.assert(fc.property(text, (changed) => {
      const files = [{ file: COURSE_FILE.file, text: changed }];
      expectLocatedOutcome(() => withLocatedErrors(files, () => buildCourseCatalog(files, catalog)), files);
    }), fuzzParameters(100, 0.5));
  }, fuzzTimeout());

  describe('through the file readers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recert-fuzz-files-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('readProfileFile, readCatalogDir and readCourseDir on damaged files', () => {
      fc.assert(fc.property(damaged(PROFILE_JSON), damaged(CATALOG_FILES[2]!.text), damaged(COURSE_FILE.text), (profile, body, courses) => {
        const profilePath = join(dir, 'profile.json');
        writeFileSync(profilePath, profile);
        expectLocatedOutcome(() => readProfileFile(profilePath, catalog), [{ file: profilePath, text: profile }]);
        const catalogDir = mkdtempSync(join(dir, 'catalog-'));
        writeFileSync(join(catalogDir, 'cpr-aed.yaml'), body);
        expectLocatedOutcome(() => readCatalogDir(catalogDir), [{ file: join(catalogDir, 'cpr-aed.yaml'), text: body }]);
        writeFileSync(join(catalogDir, 'courses.yaml'), courses);
        rmSync(join(catalogDir, 'cpr-aed.yaml'));
        expectLocatedOutcome(() => readCourseDir(catalogDir, catalog), [{ file: join(catalogDir, 'courses.yaml'), text: courses }]);
        rmSync(catalogDir, { recursive: true, force: true });
      }), fuzzParameters(20, 0.05));
    }, fuzzTimeout());
  });
});

describe('regressions the fuzzer found', () => {
  it('a mapping key that is a collection is a located schema error, without a process warning on stderr', async () => {
    const warnings: unknown[] = [];
    const listener = (warning: unknown): void => void warnings.push(warning);
    process.on('warning', listener);
    try {
      const text = '? [a, b]\n: 1\n';
      expect(() => withLocatedErrors([{ file: 'p.yaml', text }], () => parseProfile(text, 'p.yaml', catalog)))
        .toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: 'PROFILE_SCHEMA', file: 'p.yaml', line: 1 })] }));
      // Node emits process warnings on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });

  it('an alias with no anchor is a located syntax error, not a bare ReferenceError (profile and catalog)', () => {
    const profile = 'credentials: []\nactivities:\n  - <<: *base\n';
    expect(() => withLocatedErrors([{ file: 'p.yaml', text: profile }], () => parseProfile(profile, 'p.yaml', catalog)))
      .toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: 'PROFILE_SYNTAX', file: 'p.yaml', line: 3, column: 9, message: expect.stringContaining('Unresolved alias') })] }));
    expect(() => buildCatalog([{ file: 'body.yaml', text: '*!' }]))
      .toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: 'CATALOG_SYNTAX', file: 'body.yaml', line: 1 })] }));
  });
});
