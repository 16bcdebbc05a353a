/**
 * Ends every test run with one line saying which suites were skipped and why, so a run without
 * Chromium or PostgreSQL does not pass as "all green" unnoticed. A suite that skips for a reason
 * says so in its name, "<suite> skipped: <reason>" (describeEachStore, describeInChromium); other
 * skipped tests are counted without a reason. Listed after vitest's own reporter in vitest.config.ts.
 */
import type { Reporter } from 'vitest/reporters';
import type { RunnerTask, RunnerTestFile } from 'vitest';

const REASON = /^(.*?) skipped: (.+)$/s;

export interface SkippedSuite {
  readonly name: string;
  readonly reason: string;
}

/** The skipped suites (by their "skipped: reason" names) and the count of other skipped tests. */
export function findSkipped(files: readonly RunnerTask[]): { suites: SkippedSuite[]; otherTests: number } {
  const suites: SkippedSuite[] = [];
  let otherTests = 0;
  const visit = (task: RunnerTask): void => {
    const named = task.type === 'suite' && task.mode === 'skip' ? REASON.exec(task.name) : null;
    if (named !== null) {
      suites.push({ name: named[1]!, reason: named[2]! });
      return;
    }
    if (task.type === 'test' && (task.mode === 'skip' || task.mode === 'todo' || task.result?.state === 'skip')) otherTests += 1;
    if ('tasks' in task) for (const child of task.tasks) visit(child);
  };
  for (const file of files) visit(file);
  return { suites, otherTests };
}

/** One line: "recert tests: skipped 2 suites: A, B (reason); C (other reason)", or that none were. */
export function skippedLine(found: { suites: readonly SkippedSuite[]; otherTests: number }): string {
  const { suites, otherTests } = found;
  if (suites.length === 0 && otherTests === 0) return 'recert tests: no suites skipped.';
  const byReason = new Map<string, string[]>();
  for (const suite of suites) byReason.set(suite.reason, [...(byReason.get(suite.reason) ?? []), suite.name]);
  const groups = [...byReason].map(([reason, names]) => {
    const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    return `${shown} (${reason})`;
  });
  if (otherTests > 0) groups.push(`${otherTests} other test${otherTests === 1 ? '' : 's'} marked skip or todo (no reason given)`);
  const count = suites.length > 0 ? `${suites.length} suite${suites.length === 1 ? '' : 's'}` : 'tests';
  return `recert tests: skipped ${count}: ${groups.join('; ')}.`;
}

export default class SkippedSuitesReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    if (files.length === 0) return;
    process.stdout.write(`${skippedLine(findSkipped(files))}\n`);
  }
}
