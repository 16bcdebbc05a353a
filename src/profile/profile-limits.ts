/**
 * The longest id (credential, activity, person): one limit for every schema and for the HTTP router's
 * path parameters (Fastify's maxParamLength), so any id that is accepted can be addressed in a URL. On its
 * own so that the hand-written profile check (fast-profile-check.ts) reads it without loading zod.
 */
export const MAX_ID_LENGTH = 100;
