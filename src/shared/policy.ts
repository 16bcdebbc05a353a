/**
 * recert's own settings (not any body's rules). Body rules live in the catalog; these are product choices.
 */
export const DEFAULT_POLICY = Object.freeze({
  /** A credential whose requirements are not met is `due-soon` this many days before its deadline. */
  dueSoonDays: 90,
});
export type Policy = typeof DEFAULT_POLICY;
