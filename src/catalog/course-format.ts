/**
 * The course file format's version number, on its own so that the hand-written course check
 * (fast-course-check.ts) can read it without loading zod, which course-schema.ts builds on.
 */
export const COURSE_SCHEMA_VERSION = 1;
