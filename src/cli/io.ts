import { InvalidArgumentError } from 'commander';
import { isCalendarDate, type CalendarDate } from '../shared/calendar-date.js';

/** Where commands write; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Asks `run` to exit with this status (the highest asked wins); `run` provides it. */
  exitWith?(code: number): void;
}

export function parseAsOf(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidArgumentError(`expected a calendar date YYYY-MM-DD, got "${value}"`);
  return value;
}
