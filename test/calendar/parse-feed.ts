/** Reads an iCalendar feed with an independent parser (ical.js), asserting its calendar-level fields. */
import ICAL from 'ical.js';
import { expect } from 'vitest';

export interface ParsedEvent { uid: string; summary: string; start: string; startIsDate: boolean; end: string; triggers: string[]; description: string }

/** Parses with ical.js and returns each VEVENT's fields; throws on anything that is not iCalendar. */
export function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('recert');
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    expect(vevent.getFirstPropertyValue('dtstamp')).not.toBeNull();
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      startIsDate: event.startDate.isDate,
      end: event.endDate.toString(),
      description: event.description,
      triggers: vevent.getAllSubcomponents('valarm').map((alarm) => {
        expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
        return String(alarm.getFirstPropertyValue('trigger'));
      }),
    };
  });
}

