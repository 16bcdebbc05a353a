/**
 * The exit status of `recert status` and `recert check`, so a cron job can act on it:
 * 0 all current (or never expiring, or not yet earned), 3 something needs attention, 4 something has lapsed.
 */
import type { ComplianceReport, Status } from '../engine/report.js';

export const EXIT_ATTENTION = 3;
export const EXIT_LAPSED = 4;

const CODE: Record<Status, number> = {
  current: 0,
  'never-expires': 0,
  /** Earned after the as-of date: nothing is due yet. */
  'not-yet-earned': 0,
  'in-progress': EXIT_ATTENTION,
  'due-soon': EXIT_ATTENTION,
  grace: EXIT_ATTENTION,
  /** recert cannot tell (no rule for the date, or an unconfirmed total): a person has to look. */
  'not-covered': EXIT_ATTENTION,
  unconfirmed: EXIT_ATTENTION,
  lapsed: EXIT_LAPSED,
};

/** The worst credential decides: lapsed (4) over attention (3) over all fine (0). */
export function statusExitCode(report: ComplianceReport): number {
  return report.credentials.reduce((worst, credential) => Math.max(worst, CODE[credential.status] ?? EXIT_ATTENTION), 0);
}
