/**
 * Compliance: load the person's wallet from the store, then `evaluate(catalog, profile, asOf)`.
 * asOf defaults to the server's today, computed here, never inside the engine.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { summarizeActivities } from '../../engine/activity-summary.js';
import { evaluate } from '../../engine/evaluate.js';
import { RecertError } from '../../shared/recert-error.js';
import type { AppDeps } from '../app-deps.js';
import { asOfQuery, credentialParams, errors, personParams } from '../schemas/common-schemas.js';
import { credentialReportSchema, statusReportSchema } from '../schemas/report-schema.js';

export function statusRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['compliance'];
    app.get('/people/:personId/status', {
      schema: { tags, summary: 'Where each credential stands on a date, and what each activity counted toward', params: personParams, querystring: asOfQuery, response: { 200: statusReportSchema, ...errors } },
    }, async (request) => {
      const profile = await deps.store.loadProfile(request.params.personId);
      const report = evaluate(deps.catalog, profile, request.query.asOf ?? deps.today());
      return { ...report, activities: summarizeActivities(report, profile) };
    });

    app.get('/people/:personId/credentials/:credentialId/status', {
      schema: { tags, summary: 'Where one credential stands on a date', params: credentialParams, querystring: asOfQuery, response: { 200: credentialReportSchema, ...errors } },
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
