/** The rule catalog, read-only: programs for the "add credential" form, bodies and their categories for credit lines. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describePrograms } from '../../catalog/describe-programs.js';
import type { AppDeps } from '../app-deps.js';

const programSummary = z.object({
  id: z.string(), name: z.string(), body: z.string(), kind: z.string(), unit: z.string(), from: z.string(),
  validity: z.string(), requirement: z.string(), components: z.string(), grace: z.string(), grants: z.string(), unconfirmed: z.array(z.string()),
}).meta({ id: 'ProgramSummary' });
const bodySchema = z.object({ id: z.string(), name: z.string(), url: z.string().optional(), categories: z.array(z.object({ id: z.string(), name: z.string() })) }).meta({ id: 'Body' });

export function catalogRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const programs = describePrograms(deps.catalog);
  const bodies = [...deps.catalog.bodies.values()].map((b) => ({ id: b.id, name: b.name, ...(b.url === undefined ? {} : { url: b.url }), categories: b.categories }));
  return async (app) => {
    const tags = ['catalog'];
    app.get('/programs', { schema: { tags, summary: 'Programs in the rule catalog, with their current rules in words', response: { 200: z.array(programSummary) } } }, () => programs);
    app.get('/bodies', { schema: { tags, summary: 'Certifying bodies and their activity categories', response: { 200: z.array(bodySchema) } } }, () => bodies);
  };
}
