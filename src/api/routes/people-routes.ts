/** /api/people: the people whose wallets this server keeps (the web app uses "me"). */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataExportStream } from '../../export/data-export.js';
import { discardOrphans } from '../../store/evidence/attach-evidence.js';
import { contentDisposition } from './evidence-routes.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { errors, personParams, writeErrors } from '../schemas/common-schemas.js';
import { newPersonSchema, personChangesSchema, personSchema } from '../schemas/entity-schemas.js';

export function peopleRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['people'];
    app.get('/people', { schema: { tags, summary: 'List people', response: { 200: z.array(personSchema) } } }, () => deps.store.listPeople());

    app.post('/people', { schema: { tags, summary: 'Add a person', body: newPersonSchema, response: { 201: personSchema, ...writeErrors } } }, async (request, reply) => {
      return reply.code(201).send(await deps.store.createPerson(request.body, actorOf(request.headers)));
    });

    app.get('/people/:personId', { schema: { tags, summary: 'Get a person', params: personParams, response: { 200: personSchema, ...errors } } }, (request) => deps.store.getPerson(request.params.personId));

    app.patch('/people/:personId', { schema: { tags, summary: 'Rename a person', params: personParams, body: personChangesSchema, response: { 200: personSchema, ...errors } } }, (request) =>
      deps.store.renamePerson(request.params.personId, request.body.name, actorOf(request.headers)));

    app.get('/people/:personId/export.zip', {
      schema: { tags, summary: 'Everything kept about the person, as a ZIP: wallet.json (importable), change-log.json, account.json and every evidence file', params: personParams, response: errors },
    }, async (request, reply) => {
      const { personId } = request.params;
      const body = await dataExportStream({ store: deps.store, blobs: deps.files, personId, now: new Date() });
      return sendZip(reply, `recert-data-${personId}.zip`, body);
    });

    app.delete('/people/:personId', { schema: { tags, summary: 'Erase a person: everything they hold, their evidence files and the account owning them; the change log keeps its rows with personal fields cleared', params: personParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
      await discardOrphans(deps.files, await deps.store.erasePerson(request.params.personId, actorOf(request.headers)));
      return reply.code(204).send(null);
    });
  };
}

function sendZip(reply: FastifyReply, fileName: string, body: Readable): FastifyReply {
  return reply.type('application/zip').header('content-disposition', contentDisposition('attachment', fileName)).header('cache-control', 'no-store').send(body);
}
