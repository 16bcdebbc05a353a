/**
 * Starts the real HTTP app on a free loopback port over a fresh store of the given backend, with the
 * evidence where the server keeps it (a temporary folder on SQLite, the database on PostgreSQL) and a
 * fixed "today". Tests talk to it with fetch, as a client would.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/api/build-app.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { calendarDate } from '../../src/shared/calendar-date.js';
import type { EvidenceBlobs } from '../../src/store/evidence/evidence-blobs.js';
import { EvidenceFiles } from '../../src/store/evidence/evidence-files.js';
import type { PostgresEvidenceBlobs } from '../../src/store/evidence/postgres-evidence-blobs.js';
import type { Store } from '../../src/store/store.js';
import type { Backend } from '../../src/store/testing/store-backends.js';

export const TODAY = calendarDate('2026-06-01');
const catalog = readCatalogDir();

export interface TestApp {
  readonly base: string;
  /** The Fastify app itself (its route table, for the isolation matrix). */
  readonly app: FastifyInstance;
  readonly store: Store;
  /** Where the app keeps evidence bytes: files in a temporary folder (SQLite) or the database (PostgreSQL). */
  readonly blobs: EvidenceBlobs;
  /** fetch with JSON in and out; the body is parsed when the response is JSON. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  /** How many evidence contents are stored (files on disk, or rows of evidence_blobs). */
  storedBlobs(): Promise<number>;
  /** Deletes every stored evidence content behind the app's back (a lost disk, a bad restore). */
  loseAllEvidence(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApp(backend: Backend, options: { maxEvidenceBytes?: number; app?: AppOptions; emailConfigured?: boolean } = {}): Promise<TestApp> {
  const store = await backend.open();
  await store.createPerson({ id: 'me', name: 'Sam' }, 'test');
  const evidenceDir = mkdtempSync(join(tmpdir(), 'recert-http-'));
  const blobs = store.evidenceBlobs() ?? new EvidenceFiles(evidenceDir);
  const app = await buildApp({ store, files: blobs, catalog, today: () => TODAY, maxEvidenceBytes: options.maxEvidenceBytes ?? 64 * 1024, emailConfigured: options.emailConfigured ?? false }, options.app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    base,
    app,
    store,
    blobs,
    async call(method, path, body, headers = {}) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const json = (response.headers.get('content-type') ?? '').includes('json') && text !== '';
      return { status: response.status, body: json ? JSON.parse(text) : text, headers: response.headers };
    },
    async storedBlobs() {
      if (blobs instanceof EvidenceFiles) return readdirSync(evidenceDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
      return (await (blobs as PostgresEvidenceBlobs).list()).length;
    },
    async loseAllEvidence() {
      if (blobs instanceof EvidenceFiles) rmSync(evidenceDir, { recursive: true, force: true });
      else await blobs.remove(await (blobs as PostgresEvidenceBlobs).list());
    },
    async close() {
      // fetch keeps sockets alive between calls; close them rather than wait for them to time out.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await store.close();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}
