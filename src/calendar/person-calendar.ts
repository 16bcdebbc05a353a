/**
 * A person's calendar feed, from the store: evaluate the wallet on `asOf`, turn the report into
 * events (engine/calendar-events.ts) and render them as iCalendar. The HTTP feed and
 * `recert calendar --out` both call this, so both give the same file.
 */
import type { Catalog } from '../catalog/catalog.js';
import { calendarEvents, type PlannedWindow } from '../engine/calendar-events.js';
import { evaluate } from '../engine/evaluate.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Store } from '../store/store.js';
import { renderIcal } from './render-ical.js';

export interface CalendarSources {
  readonly store: Store;
  readonly catalog: Catalog;
  /**
   * Hook for planned course dates or windows. The wallet has no planned items yet; once a store of
   * planned items exists, pass a loader here and its items become feed events with the same alarms.
   */
  readonly plannedWindows?: ((personId: string) => Promise<readonly PlannedWindow[]>) | undefined;
}

export async function personCalendar(sources: CalendarSources, personId: string, options: { asOf: CalendarDate; now: Date; url?: string | undefined }): Promise<string> {
  const person = await sources.store.getPerson(personId);
  const report = evaluate(sources.catalog, await sources.store.loadProfile(personId), options.asOf);
  const planned = (await sources.plannedWindows?.(personId)) ?? [];
  return renderIcal(calendarEvents(personId, report, planned), { calendarName: `recert: ${person.name}`, now: options.now, url: options.url });
}
