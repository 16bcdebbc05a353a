/**
 * Builds a validated course catalog from the text of its provider files: each file parsed and checked
 * against the course schema (parse-located.ts: the fast path first, the located parser for every problem's
 * line and column), then assembled and checked against the rule catalog (course-catalog.ts). Pure:
 * src/io/read-course-dir.ts reads the files.
 */
import { parseLocatedFiles } from '../shared/parse-located.js';
import type { Catalog, CatalogFileText } from './catalog.js';
import { assembleCourseCatalog, type CourseCatalog } from './course-catalog.js';
import { checkCourseFileFast } from './fast-course-check.js';
import { courseFileSchema } from './course-schema.js';

export function buildCourseCatalog(files: readonly CatalogFileText[], catalog: Catalog): CourseCatalog {
  const parsed = parseLocatedFiles(files, courseFileSchema, { syntax: 'CATALOG_SYNTAX', schema: 'CATALOG_SCHEMA' }, { fastCheck: checkCourseFileFast });
  return assembleCourseCatalog(parsed, catalog);
}
