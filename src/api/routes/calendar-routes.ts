/**
 * The calendar feed: each person's secret feed token (show, issue, rotate, revoke) under /api, and the
 * feed itself at /ical/{token}.ics, outside /api, for calendar apps to subscribe to. An unknown or
 * revoked token is 404, the same as a token that never existed.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personCalendar } from '../../calendar/person-calendar.js';
import type { CalendarFeed } from '../../store/calendar-feed-store.js';
import { RecertError } from '../../shared/recert-error.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { errors, personParams } from '../schemas/common-schemas.js';

const feedSchema = z.object({
  enabled: z.boolean(),
  token: z.string().nullable(),
  path: z.string().nullable().meta({ description: 'The feed, relative to the server: /ical/{token}.ics' }),
  createdAt: z.string().nullable(),
});

function feedJson(feed: CalendarFeed | null): z.infer<typeof feedSchema> {
  return feed === null
    ? { enabled: false, token: null, path: null, createdAt: null }
    : { enabled: true, token: feed.token, path: `/ical/${feed.token}.ics`, createdAt: feed.createdAt };
}

export function calendarFeedRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const feeds = deps.store.calendarFeeds;
  return async (app) => {
    const tags = ['calendar'];
    app.get('/people/:personId/calendar-feed', {
      schema: { tags, summary: "The person's calendar feed URL, if one is issued", params: personParams, response: { 200: feedSchema, ...errors } },
    }, async (request) => {
      await deps.store.getPerson(request.params.personId);
      return feedJson(await feeds.get(request.params.personId));
    });

    app.post('/people/:personId/calendar-feed', {
      schema: { tags, summary: 'Issue the calendar feed token (returns the existing one if there is one)', params: personParams, response: { 200: feedSchema, ...errors } },
    }, async (request) => feedJson(await feeds.ensure(request.params.personId, actorOf(request.headers))));

    app.post('/people/:personId/calendar-feed/rotate', {
      schema: { tags, summary: 'Replace the calendar feed token: the old URL stops working', params: personParams, response: { 200: feedSchema, ...errors } },
    }, async (request) => feedJson(await feeds.rotate(request.params.personId, actorOf(request.headers))));

    app.delete('/people/:personId/calendar-feed', {
      schema: { tags, summary: 'Revoke the calendar feed token', params: personParams, response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      await feeds.revoke(request.params.personId, actorOf(request.headers));
      return reply.code(204).send(null);
    });
  };
}

/** GET /ical/{token}.ics: the feed, for calendar apps. No login: the token is the secret. */
export function icalFeedRoutes(deps: AppDeps & { readonly now?: () => Date }): FastifyPluginAsyncZod {
  const now = deps.now ?? (() => new Date());
  return async (app) => {
    app.get('/ical/:file', {
      schema: { tags: ['calendar'], summary: 'The calendar feed (iCalendar, RFC 5545)', params: z.object({ file: z.string().max(100) }) },
    }, async (request, reply) => {
      const token = /^(.+)\.ics$/.exec(request.params.file)?.[1];
      const personId = token === undefined ? null : await deps.store.calendarFeeds.personOf(token);
      if (personId === null) throw new RecertError([{ code: 'NOT_FOUND', path: 'url', message: 'no calendar feed at this address (the link may have been rotated or revoked)' }]);
      const host = request.headers.host;
      const text = await personCalendar(deps, personId, { asOf: deps.today(), now: now(), url: host === undefined ? undefined : `${request.protocol}://${host}/` });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="recert.ics"')
        .header('cache-control', 'private, no-cache')
        .header('referrer-policy', 'no-referrer')
        .send(text);
    });
  };
}
