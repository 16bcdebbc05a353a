import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogDir, DEFAULT_CATALOG_DIR } from '../io/read-catalog-dir.js';
import { RecertError, type Issue } from '../shared/recert-error.js';
import { calendarDate } from '../shared/calendar-date.js';
import { buildCatalog } from './catalog.js';
import { ruleAt } from './rule-at.js';

const minimal = (programs: string, categories = '[]'): string => `schemaVersion: 1
body:
  id: test
  name: Test body
  categories: ${categories}
programs:
${programs}`;

const program = (validityMonths: string, extra = ''): string => `  - id: test-cpt
    name: Test CPT
    kind: certification
    rules:
      - from: "2020-01-01"
        fromBasis: test
        unit:
          name: CEU
          hoursPerUnit: { value: 10, confidence: own, source: { title: t } }
        validity:
          kind: months
          months: ${validityMonths}
          expiresOn: { value: anniversary, confidence: own, source: { title: t } }
${extra}`;

function issuesOf(files: { file: string; text: string }[]): Issue[] {
  try {
    buildCatalog(files);
  } catch (error) {
    if (error instanceof RecertError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the catalog to be rejected');
}

describe('catalog loading', () => {
  it('loads the shipped catalog with every program', () => {
    const catalog = readCatalogDir();
    expect([...catalog.programs.keys()].sort()).toEqual([
      'ace-cpt', 'ace-gfi', 'ace-hc', 'ace-mes', 'acsm-cep', 'acsm-cpt', 'acsm-ep', 'acsm-gei', 'afaa-cgfi', 'cpr-aed', 'issa-cpt',
      'nasm-ces', 'nasm-cnc', 'nasm-cpt', 'nasm-csnc', 'nasm-cwc', 'nasm-pes', 'nccpt-cpt', 'ncsf-cpt', 'neta-cpt', 'neta-gei', 'nfpt-cpt',
      'nsca-cpt', 'nsca-cscs', 'nsca-csps', 'nsca-tsacf', 'red-cross-cpr-aed',
    ]);
  });

  it('names the file, line, column and field path of a number given as a string', () => {
    const [issue] = issuesOf([{ file: 'bad.yaml', text: minimal(program('{ value: "24", confidence: own, source: { title: t } }')) }]);
    expect(issue).toMatchObject({ code: 'CATALOG_SCHEMA', file: 'bad.yaml', line: 18, column: 28, path: 'programs[0].rules[0].validity.months.value' });
    expect(issue?.message).toMatch(/expected number, received string/);
    expect(String(new RecertError([issue!]).message)).toMatch(/^bad\.yaml:18:28: programs\[0\]\.rules\[0\]\.validity\.months\.value: /);
  });

  it('refuses a confirmed number without a source', () => {
    const [issue] = issuesOf([{ file: 'nosource.yaml', text: minimal(program('{ value: 24, confidence: own }')) }]);
    expect(issue).toMatchObject({ path: 'programs[0].rules[0].validity.months.source' });
    expect(issue?.message).toMatch(/needs a source/);
  });

  it('accepts an unconfirmed value of null but not a confirmed one', () => {
    const issues = issuesOf([{ file: 'null.yaml', text: minimal(program('{ value: null, confidence: sec, source: { title: t } }')) }]);
    expect(issues[0]?.message).toMatch(/only an unconfirmed record may have value null/);
  });

  it('reports YAML syntax errors with their line', () => {
    const [issue] = issuesOf([{ file: 'syntax.yaml', text: 'schemaVersion: 1\nbody: {id: x\n' }]);
    expect(issue).toMatchObject({ code: 'CATALOG_SYNTAX', file: 'syntax.yaml' });
    expect(issue?.line).toBeGreaterThan(0);
  });

  it('reports a grant from an unknown program and a cap on an unknown category', () => {
    const extra = `        grants:
          - { program: nope, units: { value: 1, confidence: own, source: { title: t } }, counts: earned-in-cycle }
        requirements:
          totalUnits: { value: 2, confidence: own, source: { title: t } }
          categories:
            - { id: ghost, name: Ghost, maxPerCycle: { value: 1, confidence: own, source: { title: t } } }
`;
    const issues = issuesOf([{ file: 'refs.yaml', text: minimal(program('{ value: 24, confidence: own, source: { title: t } }', extra)) }]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['CATALOG_REFERENCE', 'programs[0].rules[0].grants[0].program'],
      ['CATALOG_REFERENCE', 'programs[0].rules[0].requirements.categories[0].id'],
    ]);
  });

  it('reports a program that stands in for an unknown program, or for itself', () => {
    const valid = '{ value: 24, confidence: own, source: { title: t } }';
    const unknown = minimal(program(valid).replace('    kind: certification\n', '    kind: certification\n    satisfies: [nope]\n'));
    const itself = minimal(program(valid).replace('    kind: certification\n', '    kind: certification\n    satisfies: [test-cpt]\n'));
    expect(issuesOf([{ file: 'u.yaml', text: unknown }]).map((i) => [i.code, i.path, i.message])).toEqual([
      ['CATALOG_REFERENCE', 'programs[0].satisfies[0]', 'unknown program "nope"'],
    ]);
    expect(issuesOf([{ file: 'i.yaml', text: itself }]).map((i) => [i.path, i.message])).toEqual([
      ['programs[0].satisfies[0]', 'a program cannot stand in for itself'],
    ]);
  });

  it('reports a program defined in two files', () => {
    const text = minimal(program('{ value: 24, confidence: own, source: { title: t } }'));
    const issues = issuesOf([{ file: 'a.yaml', text }, { file: 'b.yaml', text: text.replace('id: test\n', 'id: other\n') }]);
    expect(issues[0]).toMatchObject({ code: 'CATALOG_REFERENCE', file: 'b.yaml', path: 'programs[0].id' });
    expect(issues[0]?.message).toMatch(/already defined in a\.yaml/);
  });

  it('rejects unknown fields rather than ignoring a misspelt rule', () => {
    const text = minimal(program('{ value: 24, confidence: own, source: { title: t } }', '        grnats: []\n'));
    expect(issuesOf([{ file: 'typo.yaml', text }])[0]?.message).toMatch(/Unrecognized key/);
  });

  it('keeps dates as strings even when unquoted in YAML', () => {
    const text = minimal(program('{ value: 24, confidence: own, source: { title: t } }')).replace('from: "2020-01-01"', 'from: 2020-01-01');
    const catalog = buildCatalog([{ file: 'unquoted.yaml', text }]);
    expect(catalog.programs.get('test-cpt')?.rules[0]?.from).toBe('2020-01-01');
  });
});

describe('rule versions', () => {
  const ace = readCatalogDir().programs.get('ace-cpt')!;

  it('picks the version in force the day before and the day of a change', () => {
    expect(ruleAt(ace, calendarDate('2023-09-12'))?.from).toBe('2018-01-01');
    expect(ruleAt(ace, calendarDate('2023-09-13'))?.from).toBe('2023-09-13');
  });

  it('returns nothing before the first version', () => {
    expect(ruleAt(ace, calendarDate('2017-12-31'))).toBeUndefined();
  });
});

describe('catalog files', () => {
  it('quote every date, so no YAML reader turns them into timestamps', () => {
    for (const name of ['nasm', 'ace', 'acsm', 'nsca', 'issa', 'cpr-aed']) {
      const text = readFileSync(join(DEFAULT_CATALOG_DIR, `${name}.yaml`), 'utf8');
      expect(text, name).not.toMatch(/:\s+\d{4}-\d{2}-\d{2}\s*$/m);
    }
  });
});
