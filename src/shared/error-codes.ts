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
  NOT_FOUND: 'No person, credential, renewal, activity or evidence file has that id (HTTP 404).',
  ALREADY_EXISTS: 'The id is already used by another entry of the same kind for this person, or the credential already has a renewal on that date (HTTP 409).',
  REQUEST_INVALID: "An HTTP request's path, query or body does not match its schema; the issue names the field path (HTTP 400).",
  LAST_CREDIT_LINE: "A change would remove an activity's last credit line; an activity keeps at least one (remove the activity instead) (HTTP 400).",
  EVIDENCE_TOO_LARGE: 'An evidence file is larger than the size limit (HTTP 413).',
  EVIDENCE_TYPE: "An evidence file is not a PDF, PNG, JPEG, WebP or plain-text file by its content, or its name's extension does not match its content (HTTP 415).",
  EVIDENCE_FILE_MISSING: 'An evidence record exists but its stored bytes are gone (deleted or lost outside recert) (HTTP 410).',
  HOST_NOT_ALLOWED: "An HTTP request's Host header names a host this server does not answer for (HTTP 421).",
  CROSS_ORIGIN: 'A request that changes data came from a web page of another origin (HTTP 403).',
  PLAN_BUSY: 'Too many plan requests for one person are already running or waiting; retry when one has finished (HTTP 429).',
  STORE_NOT_INITIALIZED: 'The data directory has no recert database yet; run `recert init` or set RECERT_DATA_DIR.',
  STORE_UNREACHABLE: 'The PostgreSQL database named by DATABASE_URL cannot be opened.',
  STORE_NOT_WRITABLE: 'The data folder or the database cannot be written; the server refuses to start rather than fail every write.',
  UNAUTHENTICATED: 'The server has accounts (or listens beyond this machine) and the request carries no valid session cookie or API token (HTTP 401).',
  FORBIDDEN: 'The caller is signed in but may not do this: a read-only API token used to write, an API token used where a session is needed, a role too low in an organization, or a route only a local server has (HTTP 403).',
  SIGN_IN_LINK_INVALID: 'The sign-in link is unknown, already used or expired; ask for a new one (HTTP 400).',
  CONFIRMATION_MISMATCH: 'Deleting an account needs its email address typed again, and what was typed differs (HTTP 400).',
  INVITATION_INVALID: 'The invitation is unknown, already accepted or expired; ask the organization for a new one (HTTP 400).',
  PASSKEY_INVALID: 'A passkey response does not verify: unknown passkey, expired or reused challenge, wrong site, or a bad signature (HTTP 400).',
  RATE_LIMITED: 'Too many sign-in attempts from this address in a short time; wait and retry (HTTP 429).',
  BACKUP_INVALID: 'A file given to `recert restore` is not a complete recert backup: an unexpected entry, a missing or altered file, or a damaged database.',
  BACKUP_INCONSISTENT: '`recert backup` could not take a database snapshot whose evidence files all exist (files removed while it ran, or lost outside recert).',
  RESTORE_TARGET_NOT_EMPTY: '`recert restore` was pointed at a data folder that is not empty; add --force to replace it.',
  INTERNAL: 'An unexpected failure (HTTP 500; CLI exit status 1); the server log or stderr has the details.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
