/**
 * The profile format in and out. Import is all or nothing, in one transaction: the body is checked
 * against the profile schema (400 naming `body.activities[3].completed`) and, inside the
 * transaction, against the catalog (400 naming the file's row), and nothing is written on any issue.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkProfileFast } from '../../profile/fast-profile-check.js';
import { checkProfileReferences } from '../../profile/parse-profile.js';
import { profileSchema } from '../../profile/profile-schema.js';
import { RecertError } from '../../shared/recert-error.js';
import { discardOrphans } from '../../store/evidence/attach-evidence.js';
import { importCheck } from '../../store/import-check.js';
import { activitiesToCsv } from '../../store/profile-csv.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { dateString, errors, personParams } from '../schemas/common-schemas.js';

const creditOut = z.object({ body: z.string(), units: z.number(), category: z.string().optional() });
export const profileOut = z.object({
  credentials: z.array(z.object({ id: z.string(), program: z.string(), earned: dateString, number: z.string().optional() })),
  renewals: z.array(z.object({ credential: z.string(), date: dateString })),
  activities: z.array(z.object({
    id: z.string(), title: z.string(), completed: dateString, hours: z.number().optional(), provider: z.string().optional(), credits: z.array(creditOut),
  })),
}).meta({ id: 'Profile', description: 'The profile format (README "Profile format")' });

/**
 * The import's body is checked by the hand-written validator of the profile schema first (a 30,000-
 * activity file in ~10 ms instead of zod's 100–170 ms, which would hold the event loop and every other
 * request that long); zod decides, and words the errors, whenever the fast check is unsure.
 */
const fastProfileBody: FastifySchemaCompiler<unknown> = (route) => {
  const viaZod = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
  if (route.httpPart !== 'body') return viaZod;
  return (data: unknown) => {
    const profile = checkProfileFast(data);
    return profile !== undefined ? { value: profile } : viaZod(data);
  };
};

export function profileRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    const tags = ['import and export'];
    app.get('/people/:personId/profile', { schema: { tags, summary: 'The wallet in the profile format', params: personParams, response: { 200: profileOut, ...errors } } }, (request) =>
      store.loadProfile(request.params.personId));

    app.get('/people/:personId/export', {
      schema: {
        tags,
        summary: 'Download the wallet: json (the profile format) or csv (the CE log, one row per credit line)',
        params: personParams,
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
      },
    }, async (request, reply) => {
      const { personId } = request.params;
      const profile = await store.loadProfile(personId);
      if (request.query.format === 'csv') {
        const csv = activitiesToCsv(profile, await store.listEvidence(personId));
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="recert-${personId}-ce-log.csv"`).send(csv);
      }
      return reply.type('application/json').header('content-disposition', `attachment; filename="recert-${personId}.json"`).send(JSON.stringify(profile, null, 2));
    });

    app.post('/people/:personId/import', {
      bodyLimit: 5 * 1024 * 1024,
      validatorCompiler: fastProfileBody,
      schema: {
        tags,
        summary: 'Import a profile (merge: add to the wallet; replace: make the wallet equal to it). All or nothing.',
        params: personParams,
        querystring: z.object({ mode: z.enum(['merge', 'replace']).default('merge') }),
        body: profileSchema,
        response: { 200: z.object({ credentials: z.number().int(), renewals: z.number().int(), activities: z.number().int() }), ...errors },
      },
    }, async (request) => {
      const { mode } = request.query;
      const check = importCheck(mode, (p) => checkProfileReferences(p, deps.catalog));
      try {
        const summary = await store.importProfile(request.params.personId, request.body, { mode, actor: actorOf(request.headers), check });
        await discardOrphans(deps.files, summary.removed);
        return { credentials: summary.credentials, renewals: summary.renewals, activities: summary.activities };
      } catch (error) {
        if (error instanceof RecertError && error.issues[0]?.code === 'PROFILE_REFERENCE') {
          throw new RecertError(error.issues.map((i) => ({ ...i, path: `body.${i.path}` })));
        }
        throw error;
      }
    });
  };
}
