/** /api/people/:personId/credentials, with each credential's renewals. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkProfileReferences } from '../../profile/parse-profile.js';
import type { Credential } from '../../profile/profile-schema.js';
import { RecertError } from '../../shared/recert-error.js';
import { entryIssues } from '../../store/import-check.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { credentialParams, errors, personParams, renewalParams, writeErrors } from '../schemas/common-schemas.js';
import { credentialChangesSchema, credentialOut, newCredentialSchema, newRenewalSchema, renewalSchema } from '../schemas/entity-schemas.js';

export function credentialRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  /** Catalog checks (known program) with paths under `body.`. */
  const checkCatalog = (credential: Credential): void => {
    const issues = entryIssues({ credential }, (p) => checkProfileReferences(p, deps.catalog));
    if (issues.length > 0) throw new RecertError(issues.map((i) => ({ ...i, path: `body.${i.path}` })));
  };
  const withRenewals = async (personId: string, credential: Credential) => ({ ...credential, renewals: await store.listRenewals(personId, credential.id) });

  return async (app) => {
    const tags = ['credentials'];
    app.get('/people/:personId/credentials', { schema: { tags, summary: "List a person's credentials", params: personParams, response: { 200: z.array(credentialOut), ...errors } } }, async (request) => {
      const { personId } = request.params;
      const [credentials, renewals] = await Promise.all([store.listCredentials(personId), store.listRenewals(personId)]);
      return credentials.map((c) => ({ ...c, renewals: renewals.filter((r) => r.credential === c.id) }));
    });

    app.post('/people/:personId/credentials', {
      schema: { tags, summary: 'Add a credential (the program must be in the catalog)', params: personParams, body: newCredentialSchema, response: { 201: credentialOut, ...writeErrors } },
    }, async (request, reply) => {
      const { personId } = request.params;
      checkCatalog({ ...request.body, id: request.body.id ?? request.body.program });
      // Without an id the store derives it inside its transaction, so parallel adds never collide.
      const credential = await store.addCredential(personId, request.body, actorOf(request.headers));
      return reply.code(201).send({ ...credential, renewals: [] });
    });

    app.get('/people/:personId/credentials/:credentialId', { schema: { tags, summary: 'Get a credential', params: credentialParams, response: { 200: credentialOut, ...errors } } }, async (request) =>
      withRenewals(request.params.personId, await store.getCredential(request.params.personId, request.params.credentialId)));

    app.patch('/people/:personId/credentials/:credentialId', {
      schema: { tags, summary: 'Change a credential (program, date earned, number; null clears the number)', params: credentialParams, body: credentialChangesSchema, response: { 200: credentialOut, ...errors } },
    }, async (request) => {
      const { personId, credentialId } = request.params;
      const before = await store.getCredential(personId, credentialId);
      if (request.body.program !== undefined) checkCatalog({ ...before, program: request.body.program });
      return withRenewals(personId, await store.updateCredential(personId, credentialId, request.body, actorOf(request.headers)));
    });

    app.delete('/people/:personId/credentials/:credentialId', { schema: { tags, summary: 'Remove a credential and its renewals', params: credentialParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
      await store.removeCredential(request.params.personId, request.params.credentialId, actorOf(request.headers));
      return reply.code(204).send(null);
    });

    app.post('/people/:personId/credentials/:credentialId/renewals', {
      schema: { tags, summary: 'Record a renewal', params: credentialParams, body: newRenewalSchema, response: { 201: renewalSchema, ...writeErrors } },
    }, async (request, reply) => {
      const { personId, credentialId } = request.params;
      return reply.code(201).send(await store.addRenewal(personId, { credential: credentialId, date: request.body.date }, actorOf(request.headers)));
    });

    app.delete('/people/:personId/credentials/:credentialId/renewals/:renewalId', {
      schema: { tags, summary: 'Remove a renewal', params: renewalParams, response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      const { personId, credentialId, renewalId } = request.params;
      const renewals = await store.listRenewals(personId, credentialId);
      if (!renewals.some((r) => r.id === renewalId)) throw new RecertError([{ code: 'NOT_FOUND', path: 'renewalId', message: `credential "${credentialId}" has no renewal ${renewalId}` }]);
      await store.removeRenewal(personId, renewalId, actorOf(request.headers));
      return reply.code(204).send(null);
    });
  };
}
