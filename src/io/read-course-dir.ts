/** Reads every provider file (`*.yaml`, `*.yml`, `*.json`) directly in a course folder and builds the course catalog. */
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { buildCourseCatalog, type CourseCatalog } from '../catalog/course-catalog.js';
import { RecertError } from '../shared/recert-error.js';
import { DEFAULT_CATALOG_DIR } from './load-catalog-dir.js';
import { withLocatedErrors } from './locate-errors.js';
import { readDataFiles } from './read-data-files.js';

/** The sample course catalog shipped with recert: `catalog/courses/`. */
export const DEFAULT_COURSE_DIR = join(DEFAULT_CATALOG_DIR, 'courses');

export function readCourseDir(dir: string, catalog: Catalog): CourseCatalog {
  const files = readDataFiles(dir, 'course catalog folder');
  if (files.length === 0) throw new RecertError([{ code: 'FILE_NOT_FOUND', file: dir, path: '', message: 'no course files (*.yaml, *.yml, *.json) in this folder' }]);
  return withLocatedErrors(files, () => buildCourseCatalog(files, catalog));
}
