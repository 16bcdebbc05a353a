/**
 * A person's own offerings: courses they are considering that the shipped catalog lacks. Same fields
 * as one offering of a course file (catalog/courses/SPEC.md) plus its provider; the store gives the id.
 * The planner sees them beside the shipped catalog under ids `own:<id>`, which no catalog id can take
 * (catalog ids are slugs, without a colon).
 */
import { z } from 'zod';
import type { Issue } from '../shared/recert-error.js';
import type { Catalog } from './catalog.js';
import { checkOffering, toPlannerOffering, type CourseCatalog } from './course-catalog.js';
import { offeringSchema, providerSchema, type Offering } from './course-schema.js';

export const ownOfferingInputSchema = offeringSchema.omit({ id: true }).extend({ provider: providerSchema });
export type OwnOfferingInput = z.infer<typeof ownOfferingInputSchema>;

export interface OwnOffering extends OwnOfferingInput {
  readonly id: string;
  readonly createdAt: string;
}

export const OWN_PREFIX = 'own:';

/** Unknown bodies, categories or earned programs, dates out of order; paths start with `at` (e.g. `body`). */
export function checkOwnOffering(input: OwnOfferingInput, catalog: Catalog, at: string): Issue[] {
  return checkOffering('', at, input, catalog).map((issue) => ({ code: 'REQUEST_INVALID', path: issue.path, message: issue.message }));
}

/** An own offering as the planner reads it, under its `own:` id; never sample data. */
export function plannerOffering(own: OwnOffering): Offering {
  return toPlannerOffering(`${OWN_PREFIX}${own.id}`, own.provider, own, false);
}

/** The shipped catalog plus the person's own offerings. */
export function withOwnOfferings(courses: CourseCatalog, own: readonly OwnOffering[]): CourseCatalog {
  if (own.length === 0) return courses;
  return { offerings: [...courses.offerings, ...own.map(plannerOffering)], sampleData: courses.sampleData };
}
