/**
 * POST /api/people/:personId/plan: the planner over HTTP. The wallet and the person's own offerings
 * are read here; the solve runs in the plan service's worker pool, one request per person at a time
 * (later ones queue behind it), so the event loop keeps serving other requests.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { PlanOptions } from '../../planner/plan-options.js';
import { letLapseIssues } from '../../planner/let-lapse.js';
import { RecertError } from '../../shared/recert-error.js';
import type { AppDeps } from '../app-deps.js';
import { errorSchema, personParams, writeErrors } from '../schemas/common-schemas.js';
import { planRequestSchema, planResponseSchema, type PlanRequest } from '../schemas/plan-schema.js';

export function planRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/people/:personId/plan', {
      schema: {
        tags: ['plan'],
        summary: 'The cheapest courses, and when to take them, that keep every credential current',
        description: 'Same options and same JSON as `recert plan --json`. Plans from the shipped course catalog plus the person\'s own offerings. '
          + 'A second request for the same person waits until the first is answered (at most 4 running or waiting: then 429 PLAN_BUSY).',
        params: personParams,
        body: planRequestSchema.optional(),
        response: { 200: planResponseSchema, ...writeErrors, 429: errorSchema },
      },
    }, async (request) => {
      const { personId } = request.params;
      const body = request.body ?? {};
      const [profile, ownOfferings] = await Promise.all([deps.store.loadProfile(personId), deps.store.listOwnOfferings(personId)]);
      const issues = letLapseIssues(profile, body.letLapse ?? [], 'body.letLapse');
      if (issues.length > 0) throw new RecertError(issues);
      const plan = await deps.planner.plan(personId, { profile, asOf: body.asOf ?? deps.today(), options: planOptions(body), ownOfferings });
      // PlanJson's arrays are readonly; the schema's are not. The serializer checks the shape at run time.
      return plan as unknown as z.infer<typeof planResponseSchema>;
    });
  };
}

export function planOptions(body: PlanRequest): Omit<PlanOptions, 'solver'> {
  return {
    horizon: body.horizonCycles !== undefined ? { cycles: body.horizonCycles } : { years: body.horizonYears ?? 4 },
    minimize: body.minimize === 'hours' ? 'hours' : 'price',
    hourValue: body.hourValue,
    yearlyBudget: body.yearlyBudget,
    maxHoursPerMonth: body.maxHoursPerMonth,
    excludeProviders: body.excludeProviders,
    excludeFormats: body.excludeFormats,
    letLapse: body.letLapse,
    timeLimitSeconds: body.timeLimitSeconds,
  };
}
