/**
 * Builds a validated, cross-checked catalog from the text of its body files. Pure: the caller reads
 * the files (src/io/read-catalog-dir.ts) and passes their names and text.
 */
import { parseLocatedFiles } from '../shared/parse-located.js';
import { RecertError, type Issue } from '../shared/recert-error.js';
import { bodyFileSchema, type Body, type BodyFile, type Program } from './schema.js';

export interface Catalog {
  readonly bodies: ReadonlyMap<string, Body>;
  readonly programs: ReadonlyMap<string, Program>;
}

export interface CatalogFileText {
  readonly file: string;
  readonly text: string;
}

export function buildCatalog(files: readonly CatalogFileText[]): Catalog {
  // Catalog files are the maintainers' (or the user's own --catalog-dir): their aliases are trusted.
  const parsed = parseLocatedFiles(files, bodyFileSchema, { syntax: 'CATALOG_SYNTAX', schema: 'CATALOG_SCHEMA' }, { trustedAliases: true });
  const issues: Issue[] = [];

  const bodies = new Map<string, Body>();
  const programs = new Map<string, Program>();
  const programFile = new Map<string, string>();
  for (const { file, data } of parsed) {
    if (bodies.has(data.body.id)) {
      issues.push({ code: 'CATALOG_REFERENCE', file, path: 'body.id', message: `body "${data.body.id}" is defined in two files` });
    }
    bodies.set(data.body.id, data.body);
    data.programs.forEach((program, index) => {
      if (programs.has(program.id)) {
        issues.push({
          code: 'CATALOG_REFERENCE',
          file,
          path: `programs[${index}].id`,
          message: `program "${program.id}" is already defined in ${programFile.get(program.id)}`,
        });
      }
      programs.set(program.id, { ...program, body: data.body.id });
      programFile.set(program.id, file);
    });
  }
  for (const { file, data } of parsed) issues.push(...crossCheck(file, data, programs));
  if (issues.length > 0) throw new RecertError(issues);
  return deepFreeze({ bodies, programs });
}

function crossCheck(file: string, data: BodyFile, programs: ReadonlyMap<string, Program>): Issue[] {
  const issues: Issue[] = [];
  const categoryIds = new Set(data.body.categories.map((c) => c.id));
  const reference = (path: string, message: string): void => {
    issues.push({ code: 'CATALOG_REFERENCE', file, path, message });
  };
  data.programs.forEach((program, p) => {
    (program.satisfies ?? []).forEach((id, i) => {
      if (!programs.has(id)) reference(`programs[${p}].satisfies[${i}]`, `unknown program "${id}"`);
      else if (id === program.id) reference(`programs[${p}].satisfies[${i}]`, 'a program cannot stand in for itself');
    });
    program.rules.forEach((rule, r) => {
      const at = `programs[${p}].rules[${r}]`;
      const previous = program.rules[r - 1];
      if (previous !== undefined && previous.from >= rule.from) {
        issues.push({ code: 'CATALOG_ORDER', file, path: `${at}.from`, message: `expected a date after ${previous.from} (the previous version's from)` });
      }
      rule.grants.forEach((grant, g) => {
        if (!programs.has(grant.program)) reference(`${at}.grants[${g}].program`, `unknown program "${grant.program}"`);
      });
      const requirements = rule.requirements;
      if (requirements === undefined) return;
      requirements.components.forEach((component, c) => {
        if (component.kind === 'program-current' && !programs.has(component.program)) {
          reference(`${at}.requirements.components[${c}].program`, `unknown program "${component.program}"`);
        }
        if (component.kind === 'category-minimum' && !categoryIds.has(component.category)) {
          reference(`${at}.requirements.components[${c}].category`, `unknown category "${component.category}"; expected one of ${[...categoryIds].join(', ') || '(none defined in body.categories)'}`);
        }
      });
      requirements.categories.forEach((category, c) => {
        if (!categoryIds.has(category.id)) {
          reference(`${at}.requirements.categories[${c}].id`, `unknown category "${category.id}"; expected one of ${[...categoryIds].join(', ') || '(none defined in body.categories)'}`);
        }
      });
      requirements.proration?.value?.forEach((row, i) => {
        for (const id of Object.keys(row.categoryMax ?? {})) {
          if (!categoryIds.has(id)) reference(`${at}.requirements.proration.value[${i}].categoryMax.${id}`, `unknown category "${id}"`);
        }
      });
    });
  });
  return issues;
}

function deepFreeze<T>(value: T): T {
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v);
    return Object.freeze(value);
  }
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
