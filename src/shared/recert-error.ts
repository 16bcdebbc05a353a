import type { ErrorCode } from './error-codes.js';

/** One problem, located: the file, the line and column when known, and the path of the field inside it. */
export interface Issue {
  readonly code: ErrorCode;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** Field path in display form, e.g. `programs[0].rules[1].validity.months`. */
  readonly path: string;
  readonly message: string;
}

export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.column].filter((part) => part !== undefined).join(':');
  const path = issue.path === '' ? '(top level)' : issue.path;
  return `${where === '' ? '' : `${where}: `}${path}: ${issue.message} [${issue.code}]`;
}

/** Thrown by loaders; carries every issue found, not just the first. */
export class RecertError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'RecertError';
    this.issues = issues;
  }
}

export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
