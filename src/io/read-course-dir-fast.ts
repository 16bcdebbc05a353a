/**
 * Reads a course folder by the fast path alone (course-catalog.ts `buildCourseCatalogFast`): no located
 * parser and no zod are loaded, which a one-shot `recert plan` process would otherwise pay for on every
 * run. Undefined when anything is missing or not accepted whole; the caller then uses read-course-dir.ts,
 * which gives the same catalog or reports every problem with its file, line and column.
 */
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { buildCourseCatalogFast, type CourseCatalog } from '../catalog/course-catalog.js';
import { RecertError } from '../shared/recert-error.js';
import { DEFAULT_CATALOG_DIR } from './load-catalog-dir.js';
import { readDataFiles } from './read-data-files.js';

/** The sample course catalog shipped with recert: `catalog/courses/`. */
export const DEFAULT_COURSE_DIR = join(DEFAULT_CATALOG_DIR, 'courses');

export function readCourseDirFast(dir: string, catalog: Catalog): CourseCatalog | undefined {
  let files;
  try {
    files = readDataFiles(dir, 'course catalog folder');
  } catch (error) {
    if (error instanceof RecertError) return undefined;
    throw error;
  }
  return files.length === 0 ? undefined : buildCourseCatalogFast(files, catalog);
}
