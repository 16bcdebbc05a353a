/**
 * Compliance: load the person's wallet from the store, then `evaluate(catalog, profile, asOf)`.
 * asOf defaults to the server's today, computed here, never inside the engine.
 */
import { serializerCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { summarizeActivities } from '../../engine/activity-summary.js';
import { evaluate } from '../../engine/evaluate.js';
import { RecertError } from '../../shared/recert-error.js';
import type { AppDeps } from '../app-deps.js';
import { asOfQuery, credentialParams, errors, personParams } from '../schemas/common-schemas.js';
import { credentialReportSchema, statusReportSchema } from '../schemas/report-schema.js';

/**
 * The reports are sent as JSON.stringify makes them, not parsed by the zod schema first: evaluate()
 * and summarizeActivities() build their objects with exactly the schema's fields in its order, so the
 * bytes are the same (test/http/status-serialization.test.ts checks it on random wallets) at a third
 * of the cost. The schemas still document the routes (OpenAPI) and serialize their error answers.
 */
function sendAsBuilt(route: { schema: unknown; method: string; url: string; httpStatus?: string }): (data: unknown) => string {
  return route.httpStatus === '200' ? (data) => JSON.stringify(data) : serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
}

export function statusRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['compliance'];
    app.get('/people/:personId/status', {
      schema: { tags, summary: 'Where each credential stands on a date, and what each activity counted toward', params: personParams, querystring: asOfQuery, response: { 200: statusReportSchema, ...errors } },
      serializerCompiler: sendAsBuilt,
    }, async (request) => {
      const profile = await deps.store.loadProfile(request.params.personId);
      const report = evaluate(deps.catalog, profile, request.query.asOf ?? deps.today());
      return { asOf: report.asOf, credentials: report.credentials, activities: summarizeActivities(report, profile) };
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
