/**
 * The reminders panel: the person's email reminder settings (on/off, address, which thresholds) and the
 * notification list, the reminders due on the page's as-of date, each with whether it was emailed. When
 * the server has no email set up the list is where reminders appear.
 */
import type { Api, Notifications, ReminderSettings } from './api-client.js';
import { h } from './dom.js';

const THRESHOLDS = [90, 60, 30, 7] as const;

export function setupReminderSettings(container: HTMLElement, api: Api, notify: (message: string) => void, failed: (error: unknown) => void, saved: () => Promise<void>): Promise<void> {
  async function show(): Promise<void> {
    render(await api.reminderSettings());
  }

  function render(settings: ReminderSettings): void {
    const enabled = h('input', { type: 'checkbox', id: 'reminders-enabled', checked: settings.enabled });
    const email = h('input', { type: 'email', id: 'reminders-email', autocomplete: 'email', placeholder: 'you@example.com', value: settings.email ?? '' });
    const error = h('p', { class: 'field-error', id: 'reminders-error', role: 'alert' });
    const boxes = THRESHOLDS.map((days) => h('input', { type: 'checkbox', name: 'threshold', value: String(days), id: `reminders-${days}`, checked: settings.thresholds.includes(days) }));
    const form = h('form', { class: 'reminder-form', id: 'reminders-form', novalidate: true },
      h('label', { class: 'check', for: 'reminders-enabled' }, enabled, ' Email me before my deadlines'),
      h('div', { class: 'field' },
        h('label', { for: 'reminders-email' }, 'Email address'),
        email),
      h('fieldset', { class: 'thresholds' },
        h('legend', {}, 'Remind me'),
        ...boxes.map((box, i) => h('label', { class: 'check', for: box.id }, box, ` ${THRESHOLDS[i]} days before`)),
        h('p', { class: 'hint' }, 'before each renewal deadline and CPR/AED card expiry. Entering a grace period and its last week are always reminded.')),
      error,
      h('div', { class: 'calendar-row' },
        h('button', { type: 'submit', class: 'button primary small', id: 'reminders-save' }, 'Save reminders'),
        settings.emailConfigured ? null : h('span', { class: 'hint', id: 'reminders-no-smtp' }, 'This server has no email set up (SMTP_URL), so reminders show in the list below instead.')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      error.textContent = '';
      email.removeAttribute('aria-invalid');
      const body = {
        enabled: enabled.checked,
        email: email.value.trim() === '' ? null : email.value.trim(),
        thresholds: boxes.filter((b) => b.checked).map((b) => Number(b.value)),
      };
      api.saveReminderSettings(body).then(async (next) => {
        notify(next.enabled ? `Reminders on: emails go to ${next.email}.` : 'Reminder emails off.');
        render(next);
        await saved();
      }, (e: unknown) => {
        const issues = (e as { issues?: { path: string; message: string }[] }).issues ?? [];
        const onEmail = issues.find((i) => i.path === 'body.email');
        if (onEmail === undefined) return failed(e);
        email.setAttribute('aria-invalid', 'true');
        error.textContent = onEmail.message;
        email.focus();
      });
    });
    container.replaceChildren(form);
  }

  return show();
}

export function renderNotifications(list: Notifications): Node {
  if (list.items.length === 0) return h('p', { class: 'muted', id: 'notifications-empty' }, `No reminders due on ${list.asOf}.`);
  return h('ul', { class: 'notifications', id: 'notifications-list' }, ...list.items.map((n) => h('li', { 'data-key': n.key },
    h('strong', {}, n.subject),
    h('p', { class: 'hint' }, `Due since ${n.dueOn}. ${n.missing}`.trim()),
    h('p', { class: 'next-step' }, `Next step: ${n.nextStep}`),
    h('p', { class: 'hint' }, n.email === null ? (list.emailConfigured ? 'Not emailed (reminder emails are off).' : 'Not emailed: this server has no email set up.')
      : n.email.state === 'sent' ? `Emailed ${n.email.sentAt?.slice(0, 10) ?? ''}.` : `Email ${n.email.state}.`))));
}
