/**
 * One error shape for every failure: `{statusCode, code, error, message, issues: [{code, path, message}]}`.
 * Schema failures are 400 with the field path (`body.credits[0].units`); the store's NOT_FOUND is
 * 404, ALREADY_EXISTS 409; evidence over the size limit 413, of a refused type 415.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { MAX_ID_LENGTH } from '../profile/profile-schema.js';
import type { ErrorCode } from '../shared/error-codes.js';
import { pathToString, RecertError, type Issue } from '../shared/recert-error.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  EVIDENCE_TOO_LARGE: 413,
  EVIDENCE_TYPE: 415,
  PLAN_BUSY: 429,
  EVIDENCE_FILE_MISSING: 410,
  STORE_UNREACHABLE: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
};

export interface ApiIssue {
  /** One of the stable codes in src/shared/error-codes.ts (documented in docs/errors.md). */
  readonly code: ErrorCode;
  readonly path: string;
  readonly message: string;
}

/** Headers a handler may have set for a download before it failed: an error answer never carries them. */
const DOWNLOAD_HEADERS = ['content-disposition', 'content-length', 'content-security-policy', 'etag', 'last-modified'];

export function sendIssues(reply: FastifyReply, statusCode: number, issues: readonly ApiIssue[]): FastifyReply {
  const first = issues[0];
  for (const header of DOWNLOAD_HEADERS) reply.removeHeader(header);
  return reply.code(statusCode).type('application/json').header('cache-control', 'no-store').send({
    statusCode,
    code: first?.code ?? 'REQUEST_INVALID',
    error: STATUS_CODES[statusCode] ?? 'Error',
    message: issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; '),
    issues,
  });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      return sendIssues(reply, 400, error.validation.map((v) => ({ code: 'REQUEST_INVALID', path: joinPath(where, pointerToPath(v.instancePath)), message: v.message ?? 'invalid value' })));
    }
    if (error instanceof RecertError) {
      const status = STATUS[error.issues[0]?.code ?? 'USAGE'] ?? 400;
      return sendIssues(reply, status, error.issues.map(toApiIssue));
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
      return sendIssues(reply, 413, [{ code: 'EVIDENCE_TOO_LARGE', path: 'file', message: error.code === 'FST_FILES_LIMIT' ? 'send one file per request' : 'the file is larger than the size limit' }]);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own request errors: malformed JSON, wrong content type, body too large.
      return sendIssues(reply, status, [{ code: 'REQUEST_INVALID', path: 'body', message: error.message }]);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendIssues(reply, 500, [{ code: 'INTERNAL', path: '', message: 'unexpected server error; see the server log' }]);
  });
  app.setNotFoundHandler((request, reply) => sendIssues(reply, 404, [{ code: 'NOT_FOUND', path: 'url', message: `no route ${request.method} ${request.url.split('?')[0]}` }]));
}

/**
 * Failures of the router itself, before any route runs, in the same shape: a path parameter longer
 * than the id limit (414), a malformed percent-encoding in the URL (400).
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    sendIssues(reply, 414, [{ code: 'REQUEST_INVALID', path: 'url', message: `an id in the path is longer than ${MAX_ID_LENGTH} characters; no entry has such an id` }]);
    return;
  }
  sendIssues(reply, error.statusCode ?? 400, [{ code: 'REQUEST_INVALID', path: 'url', message: error.message }]);
}

/** Store and loader issues; the store names path parameters, which the HTTP caller sent in the URL. */
function toApiIssue(issue: Issue): ApiIssue {
  const fromParams = issue.code === 'NOT_FOUND' && /Id$/.test(issue.path);
  const path = fromParams ? `params.${issue.path}` : issue.path;
  return { code: issue.code, path, message: issue.message };
}

/** `/credits/0/units` → `credits[0].units` (digit-only segments are array indexes). */
function pointerToPath(pointer: string): string {
  const segments = pointer.split('/').slice(1).filter((s) => s !== '');
  return pathToString(segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
}

export function joinPath(prefix: string, path: string): string {
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
