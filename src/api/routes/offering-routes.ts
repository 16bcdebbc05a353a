/**
 * /api/people/:personId/offerings: courses a person is considering that the shipped catalog lacks.
 * Same fields as one offering of a course file (catalog/courses/SPEC.md) plus its provider; bodies,
 * categories and earned programs are checked against the rule catalog (400 with the field path).
 * The planner sees them as "own:<id>".
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkOwnOffering, ownOfferingInputSchema, type OwnOfferingInput } from '../../catalog/own-offering.js';
import type { Catalog } from '../../catalog/catalog.js';
import { RecertError, type Issue } from '../../shared/recert-error.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { dateString, entryId, errors, personParams, writeErrors } from '../schemas/common-schemas.js';

export const newOfferingSchema = ownOfferingInputSchema.meta({ id: 'NewOffering' });
/** Plain JSON out (the input schema's dates are transforms, which a response cannot encode). */
const day = dateString;
export const offeringOut = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.object({ id: z.string(), name: z.string(), url: z.string().optional() }),
  price: z.number(),
  hours: z.number(),
  format: z.enum(['online', 'in-person', 'blended']),
  availability: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('self-paced'), from: day.optional(), until: day.optional() }),
    z.object({ kind: z.literal('sessions'), dates: z.array(day) }),
    z.object({ kind: z.literal('recurring'), first: day, every: z.union([z.object({ weeks: z.number() }), z.object({ months: z.number() })]), until: day }),
  ]),
  credits: z.array(z.object({ body: z.string(), units: z.number(), category: z.string().optional() })),
  earns: z.string().optional(),
  repeatable: z.boolean(),
  url: z.string().optional(),
  note: z.string().optional(),
  createdAt: z.string(),
}).meta({ id: 'Offering' });
const offeringParams = personParams.extend({ offeringId: entryId });

/** Catalog references and useless entries, with paths under `at`. */
export function offeringIssues(input: OwnOfferingInput, catalog: Catalog, at = 'body'): Issue[] {
  const issues = checkOwnOffering(input, catalog, at);
  if (input.credits.length === 0 && input.earns === undefined) {
    issues.push({ code: 'REQUEST_INVALID', path: `${at}.credits`, message: 'expected at least one credit line (or `earns`): an offering that counts toward nothing cannot help a plan' });
  }
  return issues;
}

export function offeringRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    const tags = ['offerings'];
    app.get('/people/:personId/offerings', {
      schema: { tags, summary: "The person's own offerings", params: personParams, response: { 200: z.array(offeringOut), ...errors } },
    }, (request) => store.listOwnOfferings(request.params.personId));

    app.post('/people/:personId/offerings', {
      schema: { tags, summary: 'Add an offering to plan with (id given by the server: o1, o2, ...)', params: personParams, body: newOfferingSchema, response: { 201: offeringOut, ...writeErrors } },
    }, async (request, reply) => {
      const issues = offeringIssues(request.body, deps.catalog);
      if (issues.length > 0) throw new RecertError(issues);
      return reply.code(201).send(await store.addOwnOffering(request.params.personId, request.body, actorOf(request.headers)));
    });

    app.get('/people/:personId/offerings/:offeringId', {
      schema: { tags, summary: 'One of the person\'s own offerings', params: offeringParams, response: { 200: offeringOut, ...errors } },
    }, (request) => store.getOwnOffering(request.params.personId, request.params.offeringId));

    app.delete('/people/:personId/offerings/:offeringId', {
      schema: { tags, summary: 'Remove an offering (planned items keep their snapshot)', params: offeringParams, response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      await store.removeOwnOffering(request.params.personId, request.params.offeringId, actorOf(request.headers));
      return reply.code(204).send(null);
    });
  };
}
