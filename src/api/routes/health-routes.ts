/** /api/health: the server is up, and which storage engine it runs on. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', {
      schema: { tags: ['health'], summary: 'Liveness and storage engine', response: { 200: z.object({ ok: z.literal(true), engine: z.enum(['sqlite', 'postgres']), today: z.string() }) } },
    }, () => ({ ok: true as const, engine: deps.store.engine, today: deps.today() }));
  };
}
