import { InvalidArgumentError } from 'commander';
import { dateProblem, isCalendarDate, type CalendarDate } from '../shared/calendar-date.js';

/** Where commands write; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Asks `run` to exit with this status (the highest asked wins); `run` provides it. */
  exitWith?(code: number): void;
}

export function parseAsOf(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidArgumentError(dateProblem(value) ?? `expected a calendar date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Thrown by a command that finished its output but must exit with `code` (e.g. a check that found problems). */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
