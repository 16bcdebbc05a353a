/**
 * Checks that run after parsing (references between files and to the rule catalog, duplicate ids) know
 * the field path of a problem but not its line: the fast readers keep no positions. This adds them, by
 * re-reading only the files named in the error with the located parser.
 */
import type { CatalogFileText } from '../catalog/catalog.js';
import { locateIssues } from '../shared/parse-located.js';
import { RecertError, type Issue } from '../shared/recert-error.js';

/** Runs `build`; a RecertError it throws is rethrown with line and column added from `files`. */
export function withLocatedErrors<T>(files: readonly CatalogFileText[], build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof RecertError)) throw error;
    let issues: Issue[] = [...error.issues];
    for (const { file, text } of files) issues = locateIssues(issues, file, text);
    throw new RecertError(issues);
  }
}
