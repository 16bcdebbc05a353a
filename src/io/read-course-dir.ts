/** Reads every provider file (`*.yaml`, `*.yml`, `*.json`) directly in a course folder and builds the course catalog. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { buildCourseCatalog, type CourseCatalog } from '../catalog/course-catalog.js';
import { RecertError } from '../shared/recert-error.js';
import { DEFAULT_CATALOG_DIR } from './read-catalog-dir.js';

/** The sample course catalog shipped with recert: `catalog/courses/`. */
export const DEFAULT_COURSE_DIR = join(DEFAULT_CATALOG_DIR, 'courses');

const COURSE_FILE = /\.(ya?ml|json)$/;

export function readCourseDir(dir: string, catalog: Catalog): CourseCatalog {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new RecertError([{ code: 'FILE_NOT_FOUND', file: dir, path: '', message: 'course catalog folder not found' }]);
  }
  const files = readdirSync(dir)
    .filter((name) => COURSE_FILE.test(name))
    .sort()
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
  if (files.length === 0) throw new RecertError([{ code: 'FILE_NOT_FOUND', file: dir, path: '', message: 'no course files (*.yaml, *.yml, *.json) in this folder' }]);
  return buildCourseCatalog(files, catalog);
}
