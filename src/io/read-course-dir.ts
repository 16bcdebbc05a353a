/** Reads every provider file (`*.yaml`, `*.yml`, `*.json`) directly in a course folder and builds the course catalog. */
import type { Catalog } from '../catalog/catalog.js';
import { buildCourseCatalog } from '../catalog/build-course-catalog.js';
import type { CourseCatalog } from '../catalog/course-catalog.js';
import { RecertError } from '../shared/recert-error.js';
import { withLocatedErrors } from './locate-errors.js';
import { readDataFiles } from './read-data-files.js';

export { DEFAULT_COURSE_DIR } from './read-course-dir-fast.js';

export function readCourseDir(dir: string, catalog: Catalog): CourseCatalog {
  const files = readDataFiles(dir, 'course catalog folder');
  if (files.length === 0) throw new RecertError([{ code: 'FILE_NOT_FOUND', file: dir, path: '', message: 'no course files (*.yaml, *.yml, *.json) in this folder' }]);
  return withLocatedErrors(files, () => buildCourseCatalog(files, catalog));
}
