/**
 * /api/people/:personId/planned-items: offerings chosen from a plan ("add to my plan"), kept apart
 * from completed CE. Adding takes the plan's steps as `POST .../plan` returned them; the server snapshots
 * each offering from its own catalogs (title, provider, price, hours, format, link, credit lines),
 * never from the client. `mode: replace` removes the open planned items in the same transaction.
 * Done: one transaction turns the item into a CE activity (and the credential it earns, if any);
 * an optional certificate (multipart) is checked before and attached right after.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OWN_PREFIX, plannerOffering } from '../../catalog/own-offering.js';
import type { Offering } from '../../catalog/course-schema.js';
import { fromMilli } from '../../shared/units.js';
import { RecertError, type Issue } from '../../shared/recert-error.js';
import { attachEvidence, inspectEvidence, type EvidenceUpload } from '../../store/evidence/attach-evidence.js';
import type { PlannedItemInput } from '../../store/store.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { sendIssues } from '../error-handler.js';
import { entryId, errorSchema, errors, isoDate, personParams, writeErrors } from '../schemas/common-schemas.js';
import { activityOut, credentialOut } from '../schemas/entity-schemas.js';

const stepCountIn = z.object({
  credential: z.string().max(200), programName: z.string().max(300), ordinal: z.number().int().min(1).max(100), end: isoDate,
  via: z.enum(['credit', 'grant', 'current', 'current-grant']), units: z.number().min(0).max(10_000), unit: z.string().max(50),
  category: z.string().max(100).nullable(), label: z.string().max(300).optional(),
});

/** A plan step as `POST .../plan` returns it; only the offering id, the dates and the counts are used. */
const planStepIn = z.object({
  offering: z.object({ id: z.string().min(1).max(300) }),
  from: isoDate, by: isoDate, session: isoDate.nullable(), completed: isoDate,
  counts: z.array(stepCountIn).max(100),
});

export const addPlannedItemsSchema = z.strictObject({
  mode: z.enum(['keep', 'replace']).default('keep').meta({ description: 'keep: add to the open planned items; replace: remove them first (same transaction)' }),
  items: z.array(planStepIn).max(200).meta({ description: "The plan's chosen steps (`steps` of the plan response), as returned" }),
}).meta({ id: 'AddPlannedItems' });

const countOut = stepCountIn.extend({ end: z.string() });
export const plannedItemOut = z.object({
  id: z.string(), offeringId: z.string(), title: z.string(), provider: z.string(), providerName: z.string(),
  price: z.number(), hours: z.number(), format: z.string(), url: z.string().optional(),
  credits: z.array(z.object({ body: z.string(), units: z.number(), category: z.string().optional() })),
  earns: z.string().optional(),
  from: z.string(), by: z.string(), session: z.string().nullable(), planned: z.string(),
  counts: z.array(countOut), createdAt: z.string(),
  sampleData: z.boolean().optional().meta({ description: "true when the offering comes from a shipped course file whose prices and dates are sample data (answered by the list and add routes)" }),
}).meta({ id: 'PlannedItem' });

const itemParams = personParams.extend({ itemId: entryId });

export function plannedItemRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  const shipped = new Map(deps.courses.offerings.map((o) => [o.id, o]));

  /** Whether the item's prices are sample data: its shipped offering's file says so; own offerings are the person's own figures. */
  const withSampleFlag = <T extends { offeringId: string }>(item: T): T & { sampleData: boolean } => ({ ...item, sampleData: shipped.get(item.offeringId)?.sampleData ?? false });

  return async (app) => {
    const tags = ['planned items'];
    app.get('/people/:personId/planned-items', {
      schema: { tags, summary: 'Open planned items, in the order added', params: personParams, response: { 200: z.array(plannedItemOut), ...errors } },
    }, async (request) => (await store.listPlannedItems(request.params.personId)).map(withSampleFlag));

    app.post('/people/:personId/planned-items', {
      schema: {
        tags, summary: "Add a plan's chosen steps as planned items (keep or replace the open ones)", params: personParams, body: addPlannedItemsSchema,
        response: { 201: z.object({ added: z.array(plannedItemOut), removed: z.array(z.string()) }), ...writeErrors },
      },
    }, async (request, reply) => {
      const { personId } = request.params;
      const own = new Map((await store.listOwnOfferings(personId)).map((o) => [`${OWN_PREFIX}${o.id}`, plannerOffering(o)]));
      const issues: Issue[] = [];
      const items: PlannedItemInput[] = [];
      request.body.items.forEach((step, index) => {
        const at = `body.items[${index}]`;
        const offering = shipped.get(step.offering.id) ?? own.get(step.offering.id);
        if (offering === undefined) {
          issues.push({ code: 'REQUEST_INVALID', path: `${at}.offering.id`, message: `no offering "${step.offering.id}" in the course catalog or the person's own offerings` });
          return;
        }
        if (step.by < step.from) issues.push({ code: 'REQUEST_INVALID', path: `${at}.by`, message: `expected a date on or after from (${step.from})` });
        items.push(snapshot(offering, step));
      });
      if (issues.length > 0) throw new RecertError(issues);
      const saved = await store.addPlannedItems(personId, items, request.body.mode, actorOf(request.headers));
      return reply.code(201).send({ ...saved, added: saved.added.map(withSampleFlag) });
    });

    app.delete('/people/:personId/planned-items/:itemId', {
      schema: { tags, summary: 'Remove a planned item', params: itemParams, response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      await store.removePlannedItem(request.params.personId, request.params.itemId, actorOf(request.headers));
      return reply.code(204).send(null);
    });

    app.post('/people/:personId/planned-items/:itemId/done', {
      schema: {
        tags,
        summary: 'Mark a planned item done: it becomes a CE activity (and the credential it earns), in one step',
        description: 'JSON `{completed?}` (default: today), or multipart/form-data with an optional field `completed` and an optional certificate part `file` '
          + '(checked like evidence uploads before anything is written, attached to the new activity).',
        params: itemParams,
        body: z.strictObject({ completed: isoDate.optional().meta({ description: "The completion date; default: the server's today" }) }).nullish(),
        response: {
          201: z.object({ activity: activityOut, credential: credentialOut.nullable(), item: plannedItemOut }),
          ...writeErrors, 413: errorSchema, 415: errorSchema,
        },
      },
    }, async (request, reply) => {
      const { personId, itemId } = request.params;
      let completedText: string | undefined = request.body?.completed;
      let upload: EvidenceUpload | undefined;
      if (request.isMultipart()) {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file') return sendIssues(reply, 400, [{ code: 'REQUEST_INVALID', path: part.fieldname, message: 'the certificate part must be named "file"' }]);
            upload = { name: part.filename, bytes: await part.toBuffer() };
          } else if (part.fieldname === 'completed') {
            completedText = String(part.value);
          } else {
            return sendIssues(reply, 400, [{ code: 'REQUEST_INVALID', path: part.fieldname, message: 'unexpected field; expected "completed" and "file"' }]);
          }
        }
      }
      const parsed = isoDate.optional().safeParse(completedText);
      if (!parsed.success) return sendIssues(reply, 400, [{ code: 'REQUEST_INVALID', path: 'body.completed', message: parsed.error.issues[0]?.message ?? 'expected a date' }]);
      if (upload !== undefined) inspectEvidence(upload, deps.maxEvidenceBytes);
      const actor = actorOf(request.headers);
      const done = await store.completePlannedItem(personId, itemId, parsed.data ?? deps.today(), actor);
      const evidence = upload === undefined ? [] : [await attachEvidence(store, deps.files, { personId, activityId: done.activity.id, actor, maxBytes: deps.maxEvidenceBytes }, upload)];
      return reply.code(201).send({ ...done, activity: { ...done.activity, evidence }, credential: done.credential === null ? null : { ...done.credential, renewals: [] } });
    });
  };
}

function snapshot(offering: Offering, step: z.infer<typeof planStepIn>): PlannedItemInput {
  return {
    offeringId: offering.id,
    title: offering.title,
    provider: offering.provider,
    providerName: offering.providerName,
    price: offering.priceCents / 100,
    hours: offering.hours,
    format: offering.format,
    ...(offering.url === undefined ? {} : { url: offering.url }),
    credits: offering.credits.map((c) => ({ body: c.body, units: fromMilli(c.milli), ...(c.category === undefined ? {} : { category: c.category }) })),
    ...(offering.earns === undefined ? {} : { earns: offering.earns }),
    from: step.from,
    by: step.by,
    session: step.session,
    planned: step.completed,
    counts: step.counts,
  };
}
