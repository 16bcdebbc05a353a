/** The append-only change log: who changed what, when, with the values before and after. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { errors, personParams } from '../schemas/common-schemas.js';
import { changeSchema } from '../schemas/entity-schemas.js';

export function changeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/people/:personId/changes', {
      schema: {
        tags: ['change log'],
        summary: "A person's change log, newest first",
        params: personParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: z.array(changeSchema), ...errors },
      },
    }, async (request) => {
      await deps.store.getPerson(request.params.personId);
      return deps.store.listChanges({ personId: request.params.personId, limit: request.query.limit });
    });
  };
}
