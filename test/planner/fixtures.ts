/** Shared by the planner tests (and usable outside vitest): the shipped catalogs and small course files. */
import type { Catalog } from '../../src/catalog/catalog.js';
import { buildCourseCatalog } from '../../src/catalog/build-course-catalog.js';
import type { CourseCatalog } from '../../src/catalog/course-catalog.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { DEFAULT_COURSE_DIR, readCourseDir } from '../../src/io/read-course-dir.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { calendarDate } from '../../src/shared/calendar-date.js';

export const catalog: Catalog = readCatalogDir();
export const sampleCourses: CourseCatalog = readCourseDir(DEFAULT_COURSE_DIR, catalog);
export const d = calendarDate;

/** A one-provider course catalog from YAML offering entries (indented as list items under `offerings:`). */
export function courses(offerings: string, provider = 'test'): CourseCatalog {
  const text = `schemaVersion: 1\nprovider: { id: ${provider}, name: Test provider }\nsampleData: true\nofferings:\n${offerings}`;
  return buildCourseCatalog([{ file: `${provider}.yaml`, text }], catalog);
}

export function profile(credentials: { id: string; program: string; earned: string }[], extra: Partial<Profile> = {}): Profile {
  return { credentials: credentials.map((c) => ({ ...c, earned: d(c.earned) })), renewals: [], activities: [], ...extra };
}

