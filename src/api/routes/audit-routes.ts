/**
 * Audit documents per credential and cycle: the transcript PDF and the audit packet ZIP (the PDF and
 * every certificate of the counted activities). Cycles are numbered from 1; the default is the
 * current one. Both are downloads (Content-Disposition: attachment).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditPacketDocument, transcriptDocument, type AuditDocument, type AuditRequest } from '../../audit/audit-documents.js';
import type { AppDeps } from '../app-deps.js';
import { credentialParams, errors, isoDate } from '../schemas/common-schemas.js';
import { contentDisposition } from './evidence-routes.js';

const auditQuery = z.object({
  cycle: z.coerce.number({ message: 'expected a cycle number' }).int({ message: 'expected a whole cycle number' }).positive({ message: 'expected a cycle number of 1 or more' }).optional()
    .meta({ description: 'The cycle, numbered from 1 (the first cycle after earning); default: the current one' }),
  asOf: isoDate.optional().meta({ description: "The date to evaluate the current cycle on; default: the server's today" }),
});

export function auditRoutes(deps: AppDeps & { readonly now?: () => Date }): FastifyPluginAsyncZod {
  const now = deps.now ?? (() => new Date());
  return async (app) => {
    const tags = ['compliance'];
    const request = (params: { personId: string; credentialId: string }, query: z.infer<typeof auditQuery>): AuditRequest => ({
      personId: params.personId, credentialId: params.credentialId, cycle: query.cycle, asOf: query.asOf ?? deps.today(), now: now(), cyclePath: 'querystring.cycle',
    });
    const send = (reply: import('fastify').FastifyReply, type: string, document: AuditDocument) =>
      reply.type(type).header('content-disposition', contentDisposition('attachment', document.fileName)).header('cache-control', 'no-store').send(document.body);

    app.get('/people/:personId/credentials/:credentialId/transcript.pdf', {
      schema: { tags, summary: 'The CE transcript of one cycle, as a PDF', params: credentialParams, querystring: auditQuery, response: errors },
    }, async (req, reply) => send(reply, 'application/pdf', await transcriptDocument(deps, request(req.params, req.query))));

    app.get('/people/:personId/credentials/:credentialId/audit-packet.zip', {
      schema: { tags, summary: "The audit packet of one cycle: the transcript and every counted activity's certificates, as a ZIP", params: credentialParams, querystring: auditQuery, response: errors },
    }, async (req, reply) => send(reply, 'application/zip', await auditPacketDocument(deps, request(req.params, req.query))));
  };
}
