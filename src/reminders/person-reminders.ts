/**
 * The reminders due for a person on a date, from the store: evaluate the wallet, then ask the engine
 * (engine/reminders.ts) with the person's day thresholds. The scheduler, the notification list and
 * `recert remind` all call this, so they agree on what is due.
 */
import type { Catalog } from '../catalog/catalog.js';
import { evaluate } from '../engine/evaluate.js';
import { dueReminders, type Reminder } from '../engine/reminders.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Store } from '../store/store.js';

export interface ReminderSources {
  readonly store: Store;
  readonly catalog: Catalog;
}

export async function personReminders(sources: ReminderSources, personId: string, asOf: CalendarDate, thresholds?: readonly number[]): Promise<Reminder[]> {
  const days = thresholds ?? (await sources.store.reminders.getSettings(personId)).thresholds;
  return dueReminders(personId, evaluate(sources.catalog, await sources.store.loadProfile(personId), asOf), days);
}

/** The day count of a threshold that the person's settings choose among (deadline-30, card-30), or null (grace reminders). */
export function thresholdDays(threshold: string): number | null {
  const match = /^(?:deadline|card)-(\d+)$/.exec(threshold);
  return match === null ? null : Number(match[1]);
}
