/** /api/people/:personId/credentials, with each credential's renewals. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { credentialWarnings, renewalWarnings } from '../../engine/entry-warnings.js';
import { checkProfileReferences } from '../../profile/parse-profile.js';
import type { Credential } from '../../profile/profile-schema.js';
import { RecertError } from '../../shared/recert-error.js';
import { entryIssues } from '../../store/import-check.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { credentialParams, errors, personParams, renewalParams, writeErrors } from '../schemas/common-schemas.js';
import {
  credentialChangesSchema, credentialOut, newCredentialSchema, newRenewalSchema, renewalChangesSchema, savedCredentialSchema, savedRenewalSchema,
} from '../schemas/entity-schemas.js';

export function credentialRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  /** Catalog checks (known program) with paths under `body.`. */
  const checkCatalog = (credential: Credential): void => {
    const issues = entryIssues({ credential }, (p) => checkProfileReferences(p, deps.catalog));
    if (issues.length > 0) throw new RecertError(issues.map((i) => ({ ...i, path: `body.${i.path}` })));
  };
  const withRenewals = async (personId: string, credential: Credential) => ({ ...credential, renewals: await store.listRenewals(personId, credential.id) });
  /** The saved credential with its renewals and the likely mistakes in it (judged on the wallet as saved). */
  const saved = async (personId: string, credential: Credential) => {
    const wallet = await store.loadProfile(personId);
    return { ...await withRenewals(personId, credential), warnings: credentialWarnings(deps.catalog, wallet, credential, deps.today()) };
  };
  /** The renewal's credential, checked to own it (404 otherwise). */
  const renewalOf = async (personId: string, credentialId: string, renewalId: number) => {
    const renewal = (await store.listRenewals(personId, credentialId)).find((r) => r.id === renewalId);
    if (renewal === undefined) throw new RecertError([{ code: 'NOT_FOUND', path: 'renewalId', message: `credential "${credentialId}" has no renewal ${renewalId}` }]);
    return renewal;
  };

  return async (app) => {
    const tags = ['credentials'];
    app.get('/people/:personId/credentials', { schema: { tags, summary: "List a person's credentials", params: personParams, response: { 200: z.array(credentialOut), ...errors } } }, async (request) => {
      const { personId } = request.params;
      const [credentials, renewals] = await Promise.all([store.listCredentials(personId), store.listRenewals(personId)]);
      return credentials.map((c) => ({ ...c, renewals: renewals.filter((r) => r.credential === c.id) }));
    });

    app.post('/people/:personId/credentials', {
      schema: { tags, summary: 'Add a credential (the program must be in the catalog)', params: personParams, body: newCredentialSchema, response: { 201: savedCredentialSchema, ...writeErrors } },
    }, async (request, reply) => {
      const { personId } = request.params;
      checkCatalog({ ...request.body, id: request.body.id ?? request.body.program });
      // Without an id the store derives it inside its transaction, so parallel adds never collide.
      const credential = await store.addCredential(personId, request.body, actorOf(request.headers));
      // A new credential has no renewals: only the wallet is read again, for the duplicate check.
      const wallet = await store.loadProfile(personId);
      return reply.code(201).send({ ...credential, renewals: [], warnings: credentialWarnings(deps.catalog, wallet, credential, deps.today()) });
    });

    app.get('/people/:personId/credentials/:credentialId', { schema: { tags, summary: 'Get a credential', params: credentialParams, response: { 200: credentialOut, ...errors } } }, async (request) =>
      withRenewals(request.params.personId, await store.getCredential(request.params.personId, request.params.credentialId)));

    app.patch('/people/:personId/credentials/:credentialId', {
      schema: { tags, summary: 'Change a credential (program, date earned, number; null clears the number)', params: credentialParams, body: credentialChangesSchema, response: { 200: savedCredentialSchema, ...errors } },
    }, async (request) => {
      const { personId, credentialId } = request.params;
      const before = await store.getCredential(personId, credentialId);
      if (request.body.program !== undefined) checkCatalog({ ...before, program: request.body.program });
      return saved(personId, await store.updateCredential(personId, credentialId, request.body, actorOf(request.headers)));
    });

    app.delete('/people/:personId/credentials/:credentialId', { schema: { tags, summary: 'Remove a credential and its renewals', params: credentialParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
      await store.removeCredential(request.params.personId, request.params.credentialId, actorOf(request.headers));
      return reply.code(204).send(null);
    });

    app.post('/people/:personId/credentials/:credentialId/renewals', {
      schema: { tags, summary: "Record a renewal (warns when the cycle's requirement was not met on that date)", params: credentialParams, body: newRenewalSchema, response: { 201: savedRenewalSchema, ...writeErrors } },
    }, async (request, reply) => {
      const { personId, credentialId } = request.params;
      const renewal = { credential: credentialId, date: request.body.date };
      const wallet = await store.loadProfile(personId);
      const stored = await store.addRenewal(personId, renewal, actorOf(request.headers));
      return reply.code(201).send({ ...stored, warnings: renewalWarnings(deps.catalog, wallet, renewal) });
    });

    app.patch('/people/:personId/credentials/:credentialId/renewals/:renewalId', {
      schema: { tags, summary: 'Move a renewal to another date', params: renewalParams, body: renewalChangesSchema, response: { 200: savedRenewalSchema, ...writeErrors } },
    }, async (request) => {
      const { personId, credentialId, renewalId } = request.params;
      const before = await renewalOf(personId, credentialId, renewalId);
      const profile = await store.loadProfile(personId);
      // Judged on the wallet without this renewal's old date, as if it were recorded anew.
      const index = profile.renewals.findIndex((r) => r.credential === before.credential && r.date === before.date);
      const wallet = { ...profile, renewals: profile.renewals.filter((_, i) => i !== index) };
      const stored = await store.updateRenewal(personId, renewalId, request.body.date, actorOf(request.headers));
      return { ...stored, warnings: renewalWarnings(deps.catalog, wallet, { credential: credentialId, date: request.body.date }) };
    });

    app.delete('/people/:personId/credentials/:credentialId/renewals/:renewalId', {
      schema: { tags, summary: 'Remove a renewal', params: renewalParams, response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      const { personId, credentialId, renewalId } = request.params;
      await renewalOf(personId, credentialId, renewalId);
      await store.removeRenewal(personId, renewalId, actorOf(request.headers));
      return reply.code(204).send(null);
    });
  };
}
