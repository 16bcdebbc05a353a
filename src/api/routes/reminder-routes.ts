/**
 * Email reminders: each person's settings (on/off, address, day thresholds) and the notification list
 * (the reminders due on a date, with whether each was emailed) under /api; and the unsubscribe page at
 * /unsubscribe/{token}, outside /api and without login: GET shows a confirmation form, POST (the form,
 * or a mail app's RFC 8058 one-click `List-Unsubscribe=One-Click`) turns reminders off.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personReminders } from '../../reminders/person-reminders.js';
import { RecertError } from '../../shared/recert-error.js';
import { DEFAULT_REMINDER_THRESHOLDS, type ReminderSettings } from '../../store/reminder-store.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { asOfQuery, errors, personParams } from '../schemas/common-schemas.js';

const threshold = z.union(DEFAULT_REMINDER_THRESHOLDS.map((days) => z.literal(days)) as unknown as [z.ZodLiteral<number>, ...z.ZodLiteral<number>[]]);

const settingsInput = z.object({
  enabled: z.boolean().meta({ description: 'Send reminder emails' }),
  email: z.email({ message: 'expected an email address' }).max(254).nullable().meta({ description: 'Where to send them; required when enabled' }),
  thresholds: z.array(threshold).max(DEFAULT_REMINDER_THRESHOLDS.length)
    .meta({ description: 'Days before a deadline or a CPR/AED card expiry to remind at (subset of 90, 60, 30, 7). Entering grace and its last week are always reminded.' }),
});

const settingsSchema = settingsInput.extend({
  emailConfigured: z.boolean().meta({ description: 'Whether this server can send email (SMTP_URL and MAIL_FROM set); without it reminders appear only in the notification list' }),
  unsubscribePath: z.string().nullable().meta({ description: 'The no-login unsubscribe page, relative to the server; null until the settings are first saved' }),
  updatedAt: z.string().nullable(),
}).meta({ id: 'ReminderSettings' });

const notificationSchema = z.object({
  key: z.string().meta({ description: 'Idempotency key: person/credential/cycle-N/threshold' }),
  credentialId: z.string(),
  cycle: z.number().int(),
  threshold: z.string().meta({ description: 'deadline-90 | deadline-60 | deadline-30 | deadline-7 | grace-entry | grace-ends-7 | card-N' }),
  dueOn: z.string(),
  subject: z.string(),
  body: z.string(),
  missing: z.string(),
  nextStep: z.string(),
  email: z.object({ state: z.enum(['pending', 'claimed', 'sent', 'failed', 'skipped']), sentAt: z.string().nullable() }).nullable()
    .meta({ description: 'The email for this reminder, when one was queued' }),
});

const notificationsSchema = z.object({
  asOf: z.string(),
  emailConfigured: z.boolean(),
  items: z.array(notificationSchema),
}).meta({ id: 'Notifications' });

function settingsJson(s: ReminderSettings, emailConfigured: boolean): z.infer<typeof settingsSchema> {
  return {
    enabled: s.enabled, email: s.email, thresholds: [...s.thresholds], emailConfigured, updatedAt: s.updatedAt,
    unsubscribePath: s.unsubscribeToken === null ? null : `/unsubscribe/${s.unsubscribeToken}`,
  };
}

export function reminderRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const emailConfigured = deps.emailConfigured ?? false;
  return async (app) => {
    const tags = ['reminders'];
    app.get('/people/:personId/reminder-settings', {
      schema: { tags, summary: "The person's email reminder settings", params: personParams, response: { 200: settingsSchema, ...errors } },
    }, async (request) => settingsJson(await deps.store.reminders.getSettings(request.params.personId), emailConfigured));

    app.put('/people/:personId/reminder-settings', {
      schema: { tags, summary: "Replace the person's email reminder settings", params: personParams, body: settingsInput, response: { 200: settingsSchema, ...errors } },
    }, async (request) => {
      const body = request.body;
      if (body.enabled && body.email === null) throw new RecertError([{ code: 'REQUEST_INVALID', path: 'body.email', message: 'an email address is needed to turn reminders on' }]);
      return settingsJson(await deps.store.reminders.putSettings(request.params.personId, body, actorOf(request.headers)), emailConfigured);
    });

    app.get('/people/:personId/notifications', {
      schema: {
        tags, summary: 'The reminders due on a date (the same as the emails), with the state of each email', params: personParams, querystring: asOfQuery,
        response: { 200: notificationsSchema, ...errors },
      },
    }, async (request) => {
      const personId = request.params.personId;
      const asOf = request.query.asOf ?? deps.today();
      const due = await personReminders(deps, personId, asOf);
      const emails = new Map((await deps.store.reminders.listOutbox(personId)).map((item) => [item.key, item]));
      return {
        asOf,
        emailConfigured,
        items: due.map((r) => {
          const email = emails.get(r.key);
          return {
            key: r.key, credentialId: r.credentialId, cycle: r.cycle, threshold: r.threshold, dueOn: r.dueOn, subject: r.subject, body: r.body,
            missing: r.missing, nextStep: r.nextStep, email: email === undefined ? null : { state: email.state, sentAt: email.sentAt },
          };
        }),
      };
    });
  };
}

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2933}button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #0b6e4f;background:#0b6e4f;color:#fff;cursor:pointer}</style></head>
<body><h1>${title}</h1>${body}</body></html>`;
}

/** /unsubscribe/{token}: no login; the token is the secret. An unknown token is 404. */
export function unsubscribeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // RFC 8058: the mail app POSTs `List-Unsubscribe=One-Click` as a form; the body itself does not matter.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    const params = z.object({ token: z.string().max(100) });
    const notFound = (reply: { code: (n: number) => { type: (t: string) => { send: (s: string) => unknown } } }) =>
      reply.code(404).type('text/html; charset=utf-8').send(page('Link not valid', '<p>This unsubscribe link is not valid (it may be from an older email). Turn reminders off in the recert app instead.</p>'));
    // same-origin, not no-referrer: under no-referrer Chromium sends `Origin: null` with the form's POST,
    // which the cross-origin guard (request-guard.ts) rightly refuses. The page links nowhere else.
    const headers = { 'content-security-policy': PAGE_CSP, 'referrer-policy': 'same-origin', 'cache-control': 'no-store' };

    app.get('/unsubscribe/:token', { schema: { tags: ['reminders'], summary: 'The unsubscribe confirmation page (HTML, no login)', params } }, async (request, reply) => {
      reply.headers(headers);
      const personId = await deps.store.reminders.personOfToken(request.params.token);
      if (personId === null) return notFound(reply);
      return reply.type('text/html; charset=utf-8').send(page('Stop recert reminders?', `<p>Turn off the reminder emails recert sends before your certification deadlines. You can turn them on again in the app.</p>
<form method="post"><button type="submit">Turn off reminders</button></form>`));
    });

    app.post('/unsubscribe/:token', { schema: { tags: ['reminders'], summary: 'Turn reminders off (the confirmation form, or RFC 8058 one-click); no login', params } }, async (request, reply) => {
      reply.headers(headers);
      const personId = await deps.store.reminders.unsubscribe(request.params.token, 'unsubscribe-link');
      if (personId === null) return notFound(reply);
      return reply.type('text/html; charset=utf-8').send(page('Reminders turned off', '<p>recert will send you no more reminder emails. Your deadlines still show in the app and in your calendar feed.</p>'));
    });
  };
}
