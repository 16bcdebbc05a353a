/**
 * Compliance: load the person's wallet from the store, then `evaluate(catalog, profile, asOf)`.
 * asOf defaults to the server's today, computed here, never inside the engine. A wallet's answer is
 * kept while its stamp in the database is unchanged (status-answers.ts), so a dashboard polled by many
 * clients evaluates each wallet once per change.
 */
import type { FastifyReply } from 'fastify';
import { serializerCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { summarizeActivities } from '../../engine/activity-summary.js';
import { summarizeStatus } from '../../engine/credential-summary.js';
import { evaluate } from '../../engine/evaluate.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { RecertError } from '../../shared/recert-error.js';
import type { AppDeps } from '../app-deps.js';
import { StatusAnswers } from '../status-answers.js';
import { asOfQuery, credentialParams, errors, personParams } from '../schemas/common-schemas.js';
import { credentialReportSchema, statusReportSchema, statusSummarySchema } from '../schemas/report-schema.js';

const statusQuery = asOfQuery.extend({
  detail: z.enum(['summary', 'full']).optional().meta({ description: 'summary (default): statuses and the why in one sentence; full: every finding and what each activity counted' }),
});
type StatusDetail = NonNullable<z.infer<typeof statusQuery>['detail']>;

/**
 * The reports are sent as JSON.stringify makes them, not parsed by the zod schema first: evaluate(),
 * summarizeStatus() and summarizeActivities() build their objects with exactly the schema's fields in
 * its order, so the bytes are the same (test/http/status-serialization.test.ts checks it on random
 * wallets) at a third of the cost. The schemas still document the routes (OpenAPI) and serialize their
 * error answers.
 */
function sendAsBuilt(route: { schema: unknown; method: string; url: string; httpStatus?: string }): (data: unknown) => string {
  return route.httpStatus === '200' ? (data) => JSON.stringify(data) : serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
}

/** JSON already encoded as UTF-8 is sent as it is: Fastify serializes only objects. */
function sendJsonBytes(reply: FastifyReply, bytes: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(bytes);
}

export function statusRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['compliance'];
    const answers = new StatusAnswers(deps.store);
    const statusAnswer = async (personId: string, asOf: CalendarDate, detail: StatusDetail): Promise<Buffer> => {
      const profile = await deps.store.loadProfile(personId);
      const report = evaluate(deps.catalog, profile, asOf);
      const answer = detail === 'full' ? { asOf: report.asOf, credentials: report.credentials, activities: summarizeActivities(report, profile) } : summarizeStatus(report);
      return Buffer.from(JSON.stringify(answer));
    };
    app.get('/people/:personId/status', {
      schema: {
        tags,
        summary: 'Where each credential stands on a date and why; with detail=full also what each activity counted toward',
        description: 'detail=summary (the default) answers a StatusSummary: per credential its status, dates, units, requirements, next step and the outcome in one sentence (`why`). '
          + 'detail=full answers a StatusReport: each credential\'s full report (findings and their sentences, what counted and what did not) and, per activity, what it counted toward.',
        params: personParams, querystring: statusQuery, response: { 200: z.union([statusSummarySchema, statusReportSchema]), ...errors },
      },
      serializerCompiler: sendAsBuilt,
    }, async (request, reply) => {
      const { personId } = request.params;
      const asOf = request.query.asOf ?? deps.today();
      const detail = request.query.detail ?? 'summary';
      return sendJsonBytes(reply, await answers.answer(personId, `${asOf} ${detail}`, () => statusAnswer(personId, asOf, detail)));
    });

    app.get('/people/:personId/credentials/:credentialId/status', {
      schema: { tags, summary: 'Where one credential stands on a date', params: credentialParams, querystring: asOfQuery, response: { 200: credentialReportSchema, ...errors } },
      serializerCompiler: sendAsBuilt,
    }, async (request) => {
      const { personId, credentialId } = request.params;
      const profile = await deps.store.loadProfile(personId);
      const report = evaluate(deps.catalog, profile, request.query.asOf ?? deps.today());
      const credential = report.credentials.find((c) => c.id === credentialId);
      if (credential === undefined) throw new RecertError([{ code: 'NOT_FOUND', path: 'credentialId', message: `no credential with id "${credentialId}" for person "${personId}"` }]);
      return credential;
    });
  };
}
