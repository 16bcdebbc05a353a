/**
 * Property: the HTTP API never answers 5xx to a request its OpenAPI document can describe. Every
 * operation of /openapi.json is exercised: path and query parameters and JSON bodies are generated
 * from the document's own schemas (test/fuzz/json-schema-arbitrary.ts), strings partly from a
 * dictionary of catalog ids and ids the server handed out earlier in the run, so requests reach
 * the store and not only the validation. The multipart routes (evidence upload, planned item done)
 * get generated files. Each case is a short sequence of requests against one running app, so later
 * requests meet the state earlier ones left. In-process (app.inject) on SQLite, and a smaller run on
 * PostgreSQL.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/build-app.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { readCourseDir, DEFAULT_COURSE_DIR } from '../../src/io/read-course-dir.js';
import { calendarDate } from '../../src/shared/calendar-date.js';
import { EvidenceFiles } from '../../src/store/evidence/evidence-files.js';
import type { Store } from '../../src/store/store.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { arbitraryOf, hinted, type JsonSchema, type SchemaContext } from './json-schema-arbitrary.js';

const catalog = readCatalogDir();
const SEED_WALLET = readFileSync(new URL('../../examples/seed-nasm.json', import.meta.url), 'utf8');
const courses = readCourseDir(DEFAULT_COURSE_DIR, catalog);

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly query: readonly { name: string; schema: JsonSchema }[];
  readonly body?: JsonSchema;
  readonly multipart: boolean;
}

interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string | Buffer;
}

/** Ids the server answered with during the run, by kind, so later requests name entries that exist. */
const seenIds: Record<string, Set<string>> = {
  person: new Set(['me']), credential: new Set(['c1']), activity: new Set(['a1']), evidence: new Set(), renewal: new Set(['1']), offering: new Set(['o1']), item: new Set(['p1']), other: new Set(),
};

/** The kind of an entry in a response, by its shape. */
function kindOf(record: Record<string, unknown>): keyof typeof seenIds {
  if ('sha256' in record) return 'evidence';
  if ('program' in record && 'earned' in record) return 'credential';
  if ('completed' in record && 'credits' in record) return 'activity';
  if ('credential' in record && 'date' in record) return 'renewal';
  if ('name' in record && 'createdAt' in record && !('provider' in record)) return 'person';
  const id = String(record.id);
  if (/^o\d+$/.test(id)) return 'offering';
  if (/^p\d+$/.test(id)) return 'item';
  return 'other';
}

function rememberIds(value: unknown, depth = 0): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) rememberIds(item, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string' || typeof record.id === 'number') {
    const ids = seenIds[kindOf(record)]!;
    if (ids.size < 100) ids.add(String(record.id));
  }
  for (const item of Object.values(record)) rememberIds(item, depth + 1);
}

const DATES = ['2026-06-01', '2025-01-15', '2024-02-29', '2027-12-31', '2019-07-01'];
const programs = [...catalog.programs.keys()];
const bodies = [...catalog.bodies.keys()];
const categories = [...catalog.bodies.values()].flatMap((b) => b.categories.map((c) => c.id));
const offeringIds = courses.offerings.map((o) => o.id).slice(0, 30);

function hints(property: string): readonly string[] {
  const known = (kind: keyof typeof seenIds): string[] => [...seenIds[kind]!];
  switch (property) {
    case 'personId': return ['me', 'me', 'me', ...known('person').slice(0, 3), 'someone-else'];
    case 'program': return programs;
    case 'body': return bodies;
    case 'category': return categories;
    case 'credential': case 'credentialId': case 'letLapse': return [...known('credential'), ...programs.slice(0, 3)];
    case 'activityId': return known('activity');
    case 'evidenceId': return [...known('evidence'), '00000000-0000-4000-8000-000000000000'];
    case 'renewalId': return known('renewal');
    case 'offeringId': return known('offering');
    case 'itemId': return known('item');
    case 'id': return [...known('credential'), ...known('activity'), ...known('other'), ...offeringIds.slice(0, 5)];
    case 'earned': case 'completed': case 'date': case 'asOf': case 'from': case 'until': return DATES;
    default: return [];
  }
}

function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (op.parameters ?? []) as { in: string; name: string; schema: JsonSchema }[];
      const json = op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
      const multipart = path.endsWith('/evidence') && method === 'post' || path.endsWith('/done');
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        ...(json === undefined ? {} : { body: json }),
        multipart,
      });
    }
  }
  return out;
}

const FILE_STARTS: readonly Uint8Array[] = [
  Buffer.from('%PDF-1.4\n'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('RIFF\0\0\0\0WEBP'), Buffer.from('certificate of completion\n'), Buffer.alloc(0),
];

const uploadArb = fc.record({
  start: fc.constantFrom(...FILE_STARTS),
  rest: fc.uint8Array({ maxLength: 64 }),
  name: fc.oneof(fc.constantFrom('certificate.pdf', 'card.png', 'scan.jpg', 'note.txt', 'x.webp', '../../etc/passwd', '', 'évidence.pdf', 'a"b.pdf'), fc.string({ maxLength: 30 })),
  field: fc.oneof({ arbitrary: fc.constant('file'), weight: 5 }, { arbitrary: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => /^[\w-]+$/.test(s)), weight: 1 }),
  completed: fc.option(fc.constantFrom(...DATES, 'not a date', ''), { nil: undefined }),
});

function multipartBody(upload: typeof uploadArb extends fc.Arbitrary<infer U> ? U : never): { payload: Buffer; contentType: string } {
  const boundary = '----recertfuzz7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  if (upload.completed !== undefined) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="completed"\r\n\r\n${upload.completed}\r\n`));
  const name = upload.name.replace(/["\r\n]/g, '_');
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${upload.field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(Buffer.from(upload.start), Buffer.from(upload.rest), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function requestArb(operation: Operation, context: SchemaContext): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...operation.pathParams.map((name) => fc.oneof(
    { arbitrary: hinted(() => hints(name)), weight: 4 },
    { arbitrary: fc.string({ minLength: 1, maxLength: 20 }), weight: 1 },
  )));
  const query = fc.tuple(...operation.query.map((q) => fc.option(arbitraryOf(q.schema, context, q.name), { nil: undefined, freq: 2 })));
  const body: fc.Arbitrary<unknown> = operation.body === undefined ? fc.constant(undefined) : arbitraryOf(operation.body, context);
  const upload = operation.multipart ? fc.option(uploadArb, { nil: undefined, freq: 4 }) : fc.constant(undefined);
  return fc.record({ params, query, body, upload }).map(({ params: values, query: queryValues, body: json, upload: file }): FuzzRequest => {
    let url = operation.path;
    operation.pathParams.forEach((name, i) => { url = url.replace(`{${name}}`, encodeURIComponent(String(values[i]))); });
    const search = new URLSearchParams();
    operation.query.forEach((q, i) => { if (queryValues[i] !== undefined) search.set(q.name, String(queryValues[i])); });
    if ([...search.keys()].length > 0) url += `?${search.toString()}`;
    if (file !== undefined) {
      const { payload, contentType } = multipartBody(file);
      return { method: operation.method, url, headers: { 'content-type': contentType }, payload };
    }
    if (json === undefined) return { method: operation.method, url, headers: {} };
    // Plans are solved for real: keep each one short.
    const payload = operation.path.endsWith('/plan') && typeof json === 'object' && json !== null ? { ...json, timeLimitSeconds: 1 } : json;
    return { method: operation.method, url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) };
  });
}

await describeEachStore('the HTTP API never answers 5xx to a request its schema describes', { describe, it }, (backend) => {
  let app: FastifyInstance;
  let store: Store;
  let evidenceDir: string;
  let operations: Operation[];
  let context: SchemaContext;

  beforeAll(async () => {
    store = await backend.open();
    evidenceDir = mkdtempSync(join(tmpdir(), 'recert-fuzz-http-'));
    app = await buildApp({ store, files: store.evidenceBlobs() ?? new EvidenceFiles(evidenceDir), catalog, courses, today: () => calendarDate('2026-06-01'), maxEvidenceBytes: 4096 }, { logger: false });
    await seedWallet();
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    operations = operationsOf(doc).filter((op) => op.path.startsWith('/api/') || op.path.startsWith('/ical/'));
    context = { components: doc.components?.schemas ?? {}, hints };
  });
  /** "me" holding the example wallet (credentials, renewals, activities), so requests meet real entries. */
  async function seedWallet(): Promise<void> {
    await app.inject({ method: 'POST', url: '/api/people', payload: { id: 'me', name: 'Sam' } });
    const seeded = await app.inject({ method: 'POST', url: '/api/people/me/import?mode=replace', headers: { 'content-type': 'application/json' }, payload: SEED_WALLET });
    expect(seeded.statusCode).toBe(200);
    rememberIds(JSON.parse((await app.inject({ method: 'GET', url: '/api/people/me/profile' })).body));
  }

  afterAll(async () => {
    await app?.close();
    await store?.close();
    if (evidenceDir !== undefined) rmSync(evidenceDir, { recursive: true, force: true });
  });

  it('covers every write route of the OpenAPI document', () => {
    const writes = operations.filter((op) => op.method !== 'GET').map((op) => `${op.method} ${op.path}`);
    expect(writes).toContain('POST /api/people/{personId}/import');
    expect(writes).toContain('POST /api/people/{personId}/activities/{activityId}/evidence');
    expect(writes.length).toBeGreaterThanOrEqual(20);
  });

  it('answers every generated request below 500', async () => {
    // Plans run HiGHS for real: a plan is one request in about fifty.
    const weighted = operations.map((op) => ({ arbitrary: requestArb(op, context), weight: op.path.endsWith('/plan') ? 1 : op.method === 'GET' ? 2 : 6 }));
    const sequence = fc.array(fc.oneof(...weighted), { minLength: 1, maxLength: 3 });
    const small = backend.engine === 'sqlite' ? 100 : 30;
    const outcomes = new Map<string, number>();
    await fc.assert(fc.asyncProperty(sequence, async (requests) => {
      for (const request of requests) {
        const response = await app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, ...(request.payload === undefined ? {} : { payload: request.payload }) });
        if (response.statusCode >= 500) {
          const shown = typeof request.payload === 'string' ? request.payload.slice(0, 2000) : `<${request.payload?.length ?? 0} bytes>`;
          throw new Error(`${request.method} ${request.url} ${shown} → ${response.statusCode} ${response.body.slice(0, 1000)}`);
        }
        const key = process.env.RECERT_FUZZ_STATS === 'routes' ? `${request.method} ${request.url.replace(/\?.*/, '')} ${response.statusCode} ${response.statusCode >= 400 ? response.json().code : ''}` : `${request.method} ${Math.floor(response.statusCode / 100)}xx`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        if ((response.headers['content-type'] ?? '').toString().includes('json') && response.body !== '') rememberIds(JSON.parse(response.body));
        // Removing "me" would turn every later request into a 404: give the run its wallet back.
        if (request.method === 'DELETE' && request.url === '/api/people/me' && response.statusCode === 204) await seedWallet();
      }
    }), fuzzParameters(small, backend.engine === 'sqlite' ? 1 : 0.1));
    if (process.env.RECERT_FUZZ_STATS) process.stderr.write(`${backend.engine}: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}\n`);
    // The generated requests must get past validation: some writes succeed.
    expect((outcomes.get('POST 2xx') ?? 0) + (outcomes.get('PATCH 2xx') ?? 0)).toBeGreaterThan(0);
  }, fuzzTimeout(60_000));
});
