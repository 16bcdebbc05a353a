/**
 * Evidence: upload a certificate to an activity (multipart, one file), list, download, remove.
 * Type and size are checked on the bytes (store/evidence/attach-evidence.ts); downloads are served
 * with the stored type, `nosniff` and a sandbox CSP, and the name only ever appears in
 * Content-Disposition.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachEvidence, discardOrphans } from '../../store/evidence/attach-evidence.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { activityParams, errorSchema, errors, evidenceParams } from '../schemas/common-schemas.js';
import { evidenceSchema } from '../schemas/entity-schemas.js';
import { sendIssues } from '../error-handler.js';
import { RecertError } from '../../shared/recert-error.js';

export function evidenceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { store, files } = deps;
  return async (app) => {
    const tags = ['evidence'];
    app.post('/people/:personId/activities/:activityId/evidence', {
      schema: {
        tags,
        summary: 'Attach a certificate (multipart/form-data, one part named "file")',
        description: `PDF, PNG, JPEG, WebP or plain text, judged by content; at most ${deps.maxEvidenceBytes} bytes. The file name's extension must agree with the content.`,
        consumes: ['multipart/form-data'],
        params: activityParams,
        response: { 201: evidenceSchema, ...errors, 413: errorSchema, 415: errorSchema },
      },
    }, async (request, reply) => {
      if (!request.isMultipart()) return sendIssues(reply, 415, [{ code: 'REQUEST_INVALID', path: 'body', message: 'expected multipart/form-data with one part named "file"' }]);
      const part = await request.file();
      if (part === undefined) return sendIssues(reply, 400, [{ code: 'REQUEST_INVALID', path: 'file', message: 'no file in the request' }]);
      const bytes = await part.toBuffer();
      const { personId, activityId } = request.params;
      const record = await attachEvidence(store, files, { personId, activityId, actor: actorOf(request.headers), maxBytes: deps.maxEvidenceBytes }, { name: part.filename, bytes });
      return reply.code(201).send(record);
    });

    app.get('/people/:personId/activities/:activityId/evidence', {
      schema: { tags, summary: "List an activity's evidence", params: activityParams, response: { 200: z.array(evidenceSchema), ...errors } },
    }, (request) => store.listEvidence(request.params.personId, request.params.activityId));

    app.get('/people/:personId/evidence/:evidenceId', { schema: { tags, summary: 'Evidence metadata', params: evidenceParams, response: { 200: evidenceSchema, ...errors } } }, (request) =>
      store.getEvidence(request.params.personId, request.params.evidenceId));

    app.get('/people/:personId/evidence/:evidenceId/file', {
      schema: {
        tags,
        summary: 'Download the evidence file',
        params: evidenceParams,
        querystring: z.object({ inline: z.enum(['true', 'false']).default('false').meta({ description: 'true: show in the browser instead of downloading' }) }),
      },
    }, async (request, reply) => {
      const evidence = await store.getEvidence(request.params.personId, request.params.evidenceId);
      // Open the bytes before any download header is set: a missing file is a plain error answer.
      const bytes = await files.read(evidence.sha256);
      if (bytes === null) {
        throw new RecertError([{ code: 'EVIDENCE_FILE_MISSING', path: 'params.evidenceId', message: `the bytes of evidence "${evidence.id}" (${evidence.name}) are missing from the evidence store; restore them from a backup, or remove the evidence and upload it again` }]);
      }
      const disposition = request.query.inline === 'true' ? 'inline' : 'attachment';
      reply
        .type(evidence.type === 'text/plain' ? 'text/plain; charset=utf-8' : evidence.type)
        .header('content-length', evidence.size)
        .header('content-disposition', contentDisposition(disposition, evidence.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=31536000, immutable');
      // Text could look like HTML to a careless reader: sandbox it. PDF and images were checked by
      // their magic bytes, and a sandbox would stop the browser's PDF viewer from showing them.
      if (evidence.type === 'text/plain') reply.header('content-security-policy', "sandbox; default-src 'none'");
      return reply.send(bytes);
    });

    app.delete('/people/:personId/evidence/:evidenceId', { schema: { tags, summary: 'Remove evidence', params: evidenceParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
      await discardOrphans(files, await store.removeEvidence(request.params.personId, request.params.evidenceId, actorOf(request.headers)));
      return reply.code(204).send(null);
    });
  };
}

/** RFC 6266: an ASCII fallback plus the exact name percent-encoded in UTF-8. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
