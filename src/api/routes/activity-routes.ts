/** /api/people/:personId/activities: the CE log, each activity with its credit lines and evidence. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityWarnings } from '../../engine/entry-warnings.js';
import { checkProfileReferences } from '../../profile/parse-profile.js';
import type { Activity } from '../../profile/profile-schema.js';
import { RecertError } from '../../shared/recert-error.js';
import { discardOrphans } from '../../store/evidence/attach-evidence.js';
import { entryIssues } from '../../store/import-check.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { activityParams, errors, personParams, writeErrors } from '../schemas/common-schemas.js';
import { activityChangesSchema, activityOut, newActivitySchema, savedActivitySchema } from '../schemas/entity-schemas.js';

export function activityRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  /** Catalog checks (known bodies and categories, one line per body) with paths under `body.`. */
  const checkCatalog = (activity: Activity): void => {
    const issues = entryIssues({ activity }, (p) => checkProfileReferences(p, deps.catalog));
    if (issues.length > 0) throw new RecertError(issues.map((i) => ({ ...i, path: `body.${i.path}` })));
  };
  const withEvidence = async (personId: string, activity: Activity) => ({ ...activity, evidence: await store.listEvidence(personId, activity.id) });

  return async (app) => {
    const tags = ['activities'];
    app.get('/people/:personId/activities', { schema: { tags, summary: 'The CE log, oldest first', params: personParams, response: { 200: z.array(activityOut), ...errors } } }, async (request) => {
      const { personId } = request.params;
      const [activities, evidence] = await Promise.all([store.listActivities(personId), store.listEvidence(personId)]);
      return activities.map((a) => ({ ...a, evidence: evidence.filter((e) => e.activityId === a.id) }));
    });

    app.post('/people/:personId/activities', {
      schema: { tags, summary: 'Log a CE activity with the units each body granted', params: personParams, body: newActivitySchema, response: { 201: savedActivitySchema, ...writeErrors } },
    }, async (request, reply) => {
      const { personId } = request.params;
      checkCatalog({ ...request.body, id: request.body.id ?? 'new' });
      // Without an id the store numbers it inside its transaction, so parallel adds never collide.
      const activity = await store.addActivity(personId, request.body, actorOf(request.headers));
      return reply.code(201).send({ ...activity, evidence: [], warnings: activityWarnings(activity, deps.today()) });
    });

    app.get('/people/:personId/activities/:activityId', { schema: { tags, summary: 'Get an activity', params: activityParams, response: { 200: activityOut, ...errors } } }, async (request) =>
      withEvidence(request.params.personId, await store.getActivity(request.params.personId, request.params.activityId)));

    app.patch('/people/:personId/activities/:activityId', {
      schema: {
        tags, summary: 'Change an activity (credits replace the old lines, at least one; null clears hours or provider)', params: activityParams, body: activityChangesSchema, response: { 200: savedActivitySchema, ...errors },
      },
    }, async (request) => {
      const { personId, activityId } = request.params;
      const before = await store.getActivity(personId, activityId);
      if (request.body.credits !== undefined) {
        if (request.body.credits.length === 0) {
          throw new RecertError([{ code: 'LAST_CREDIT_LINE', path: 'body.credits', message: `"${before.title}" must keep at least one credit line; to drop the activity, remove it` }]);
        }
        checkCatalog({ ...before, credits: request.body.credits });
      }
      const after = await store.updateActivity(personId, activityId, request.body, actorOf(request.headers));
      return { ...await withEvidence(personId, after), warnings: activityWarnings(after, deps.today()) };
    });

    app.delete('/people/:personId/activities/:activityId', { schema: { tags, summary: 'Remove an activity and its evidence', params: activityParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
      await discardOrphans(deps.files, await store.removeActivity(request.params.personId, request.params.activityId, actorOf(request.headers)));
      return reply.code(204).send(null);
    });
  };
}
