/**
 * Stable warning codes: a write that is saved but looks like a mistake. docs/errors.md documents each
 * one under "Warning codes"; a test keeps the two in sync. Codes never change meaning.
 */
export const WARNING_CODES = {
  ACTIVITY_IN_FUTURE: 'The activity is dated after today: CE counts only once it is completed.',
  EARNED_IN_FUTURE: 'The credential is dated as earned after today: nothing is checked until that date.',
  DUPLICATE_PROGRAM: 'The person now holds two credentials of the same program.',
  RENEWAL_REQUIREMENT_NOT_MET: "A renewal was recorded on a date when the cycle's requirement was not met (units or another requirement missing).",
  CPR_CARD_AS_CE: 'A CPR/AED (or BLS) card was logged as a CE activity with units from a body that does not list it as a CE category.',
} as const;

export type WarningCode = keyof typeof WARNING_CODES;

/** A likely mistake in what was just saved: the code, the field it concerns, and what to check. */
export interface Warning {
  readonly code: WarningCode;
  /** The request field the warning is about, e.g. `body.completed`. */
  readonly path: string;
  readonly message: string;
}
