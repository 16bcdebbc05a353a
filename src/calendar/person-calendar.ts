/**
 * A person's calendar feed, from the store: evaluate the wallet on `asOf`, turn the report into
 * events (engine/calendar-events.ts) and render them as iCalendar. The HTTP feed and
 * `recert calendar --out` both call this, so both give the same file.
 */
import type { Catalog } from '../catalog/catalog.js';
import { calendarEvents, type PlannedWindow } from '../engine/calendar-events.js';
import { evaluate } from '../engine/evaluate.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { PlannedItem, Store } from '../store/store.js';
import { renderIcal } from './render-ical.js';

export interface CalendarSources {
  readonly store: Store;
  readonly catalog: Catalog;
}

/** A planned item as a feed event: its session date, or the window from which to by which to complete it. */
export function plannedWindowOf(item: PlannedItem): PlannedWindow {
  const counts = item.counts.map((c) => `${c.units} ${c.unit} toward ${c.programName}, cycle ${c.ordinal}`);
  const when = item.session === null ? `any day from ${item.from} to ${item.by}` : `on ${item.session}`;
  return {
    id: item.id,
    title: item.title,
    start: item.session ?? item.from,
    end: item.session ?? item.by,
    note: `Planned course "${item.title}" (${item.providerName}, $${item.price}, ${item.hours} h, ${item.format}): complete it ${when}.${counts.length > 0 ? ` It brings ${counts.join('; ')}.` : ''}${item.url === undefined ? '' : ` ${item.url}`}`,
  };
}

export async function personCalendar(sources: CalendarSources, personId: string, options: { asOf: CalendarDate; now: Date; url?: string | undefined }): Promise<string> {
  const person = await sources.store.getPerson(personId);
  const report = evaluate(sources.catalog, await sources.store.loadProfile(personId), options.asOf);
  const planned = (await sources.store.listPlannedItems(personId)).map(plannedWindowOf);
  return renderIcal(calendarEvents(personId, report, planned), { calendarName: `recert: ${person.name}`, now: options.now, url: options.url });
}
