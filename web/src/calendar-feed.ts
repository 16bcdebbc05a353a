/**
 * The calendar feed panel: turn the secret feed address on, copy it into a calendar app, replace it
 * (the old address stops working) or turn it off.
 */
import type { Api, CalendarFeed } from './api-client.js';
import { h } from './dom.js';

export function setupCalendarFeed(container: HTMLElement, api: Api, notify: (message: string) => void, failed: (error: unknown) => void): Promise<void> {
  const act = (work: () => Promise<CalendarFeed | void>, message: string) => async () => {
    try {
      await work();
      notify(message);
      await show();
    } catch (error) {
      failed(error);
    }
  };

  async function show(): Promise<void> {
    const feed = await api.calendarFeed();
    if (!feed.enabled || feed.path === null) {
      container.replaceChildren(
        h('p', {}, 'No calendar feed yet. Create a private address, then subscribe to it in Google Calendar, Apple Calendar or Outlook.'),
        h('button', { type: 'button', class: 'button secondary small', id: 'calendar-create', onclick: act(() => api.issueCalendarFeed(), 'Calendar feed created.') }, 'Create calendar feed'),
      );
      return;
    }
    const url = new URL(feed.path, location.origin).href;
    const field = h('input', { type: 'text', id: 'calendar-url', readonly: true, value: url, class: 'calendar-url', spellcheck: 'false' });
    const copy = async (): Promise<void> => {
      field.select();
      try {
        await navigator.clipboard.writeText(url);
        notify('Calendar address copied.');
      } catch {
        notify('Press Ctrl+C (or ⌘C) to copy the selected address.');
      }
    };
    container.replaceChildren(
      h('label', { for: 'calendar-url' }, 'Your private calendar address (anyone with it can read your deadlines)'),
      h('div', { class: 'calendar-row' },
        field,
        h('button', { type: 'button', class: 'button secondary small', id: 'calendar-copy', onclick: () => void copy() }, 'Copy'),
        h('button', { type: 'button', class: 'button ghost small', id: 'calendar-rotate', onclick: act(() => api.rotateCalendarFeed(), 'New calendar address: the old one no longer works.') }, 'New address'),
        h('button', { type: 'button', class: 'button ghost small danger', id: 'calendar-revoke', onclick: act(() => api.revokeCalendarFeed(), 'Calendar feed turned off.') }, 'Turn off')),
    );
  }

  return show();
}
