/**
 * Stable error codes. docs/errors.md documents each one; a test keeps the two in sync.
 * Codes never change meaning; retired codes are not reused.
 */
export const ERROR_CODES = {
  CATALOG_SYNTAX: 'The catalog file is not valid YAML or JSON.',
  CATALOG_SCHEMA: 'A catalog field is missing or has the wrong type or value.',
  CATALOG_REFERENCE: 'A catalog entry names a program, category or body that does not exist, or an id is used twice.',
  CATALOG_ORDER: "A program's rule versions are not in increasing `from` order.",
  PROFILE_SYNTAX: 'The profile is not valid JSON.',
  PROFILE_SCHEMA: 'A profile field is missing or has the wrong type or value.',
  PROFILE_REFERENCE: 'A profile entry names an unknown program or credential, or an id is used twice.',
  FILE_NOT_FOUND: 'A file or folder named on the command line does not exist.',
  USAGE: 'The command line is malformed (unknown option, bad date, missing argument).',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
