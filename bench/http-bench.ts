/**
 * HTTP benchmark: the status of a typical wallet (4 credentials, 20 activities) against a trivial
 * route (/api/health) in the same run, on both engines, with autocannon (50 connections).
 *
 *   npm run bench:http                 # 10 s per route and engine
 *   npm run bench:http -- --duration 5
 *
 * Targets (issue 13): status reaches at least 50% of the trivial route's requests per second, and its
 * p99 latency is at most twice the trivial route's. The target is judged on the default answer
 * (`detail=summary`: per credential its status, dates, next step and why in one sentence, ~5 KB); the
 * full answer the web app loads (`detail=full`: every finding and what each activity counted, ~37 KB)
 * is measured in the same run and printed beside it. Both are served from the answers kept per wallet
 * stamp (src/api/status-answers.ts) after the first request. What a miss costs (the first request after
 * a write to the wallet) is measured apart: 300 requests one after another, each for a new as-of date. The server is the real one, compiled (dist/
 * startServer, as `npm start` runs it; `npm run bench:http` builds first), with the compiled web app's
 * folder and logging at warn, in this process; autocannon runs in a worker thread. The machine's load
 * average is printed before and after: on a shared machine both routes slow down, not equally.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '../src/server/start-server.js';
import { TEST_DATABASE_URL, storeBackends } from '../src/store/testing/store-backends.js';

const { startServer } = await import(join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist', 'server', 'start-server.js')) as typeof import('../src/server/start-server.js');
const args = process.argv.slice(2);
const duration = Number(args.includes('--duration') ? args[args.indexOf('--duration') + 1] : 10);
const CONNECTIONS = 50;
const BODIES = ['nasm', 'ace', 'acsm', 'nsca'];

async function seed(server: RunningServer): Promise<void> {
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  for (const [program, earned] of [['nasm-cpt', '2025-03-10'], ['ace-cpt', '2024-08-20'], ['acsm-cpt', '2024-06-15'], ['cpr-aed', '2025-06-01']] as const) {
    await call('/people/me/credentials', { program, earned });
  }
  for (let i = 0; i < 20; i++) {
    await call('/people/me/activities', {
      title: `Course ${i + 1}`, completed: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`, hours: 2,
      credits: [{ body: BODIES[i % 4]!, units: 0.2 }, { body: BODIES[(i + 1) % 4]!, units: 0.1 }],
    });
  }
}

async function measure(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  // workers: 1 runs the load generator in a worker thread, off the server's event loop.
  const result = await autocannon({ url, connections: CONNECTIONS, duration, pipelining: 1, workers: 1 });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** A wallet of `count` activities as an import file (about 100 bytes an activity). */
function bigWallet(count: number): unknown {
  return {
    credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: '2020-01-15' }],
    renewals: [],
    activities: Array.from({ length: count }, (_, i) => ({
      id: `big${i}`, title: `Imported course ${i}`, completed: `20${20 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      credits: [{ body: BODIES[i % 4]!, units: 0.1 }],
    })),
  };
}

/**
 * /api/health polled every 5 ms, one request at a time, while `imports` imports of 30,000 activities
 * (about 3 MB each) run at once into people of their own: how long the server stops answering others.
 */
async function healthDuringImports(server: RunningServer, imports: number): Promise<string> {
  const file = JSON.stringify(bigWallet(30_000));
  const people = Array.from({ length: imports }, (_, i) => `big-${imports}-${i}`);
  for (const id of people) {
    const created = await fetch(`${server.url}api/people`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, name: id }) });
    if (!created.ok) throw new Error(`create ${id}: ${created.status}`);
  }
  const latencies: number[] = [];
  let importing = true;
  const poll = (async () => {
    while (importing) {
      const started = performance.now();
      await (await fetch(`${server.url}api/health`)).arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const started = performance.now();
  const answers = await Promise.all(people.map((id) => fetch(`${server.url}api/people/${id}/import?mode=replace`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: file })));
  const took = performance.now() - started;
  importing = false;
  await poll;
  for (const answer of answers) if (!answer.ok) throw new Error(`import: ${answer.status} ${await answer.text()}`);
  latencies.sort((x, y) => x - y);
  const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!;
  return `${imports} × 30,000-activity import (${(file.length / 1e6).toFixed(1)} MB each) at once: ${(took / 1000).toFixed(1)} s; /api/health meanwhile ${latencies.length} requests, p99 ${p99.toFixed(0)} ms, max ${latencies[latencies.length - 1]!.toFixed(0)} ms`;
}

/** Latency of status requests that each need a fresh evaluation: every one asks for another as-of date. */
async function missLatency(prefix: string, requests = 300): Promise<{ median: number; p99: number }> {
  const times: number[] = [];
  const first = Date.UTC(2026, 5, 1);
  for (let i = 0; i < requests; i++) {
    const asOf = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
    const started = performance.now();
    const response = await fetch(`${prefix}${asOf}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`status on ${asOf}: ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((x, y) => x - y);
  return { median: times[Math.floor(requests / 2)]!, p99: times[Math.min(requests - 1, Math.floor(requests * 0.99))]! };
}

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');
process.stdout.write(`HTTP benchmark (Node ${process.version}, ${cpus()[0]?.model ?? '?'} × ${cpus().length}, load average ${load()}), ${CONNECTIONS} connections, ${duration} s per route\n\n`);
process.stdout.write('| Engine | Route | req/s | p99 | errors |\n|---|---|---|---|---|\n');
const verdicts: string[] = [];
const misses: string[] = [];
let failed = false;
for (const status of await storeBackends()) {
  if (!status.available) {
    process.stdout.write(`| ${status.engine} | skipped: ${status.reason} | | | |\n`);
    continue;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'recert-http-bench-'));
  const schema = `recert_bench_${process.pid}`;
  let databaseUrl: string | undefined;
  if (status.engine === 'postgres') {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`create schema if not exists ${schema}`);
    await client.end();
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
  }
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, databaseUrl, logLevel: 'warn' });
  try {
    await seed(server);
    const trivial = await measure(`${server.url}api/health`);
    const wallet = await measure(`${server.url}api/people/me/status?asOf=2026-06-01`);
    const full = await measure(`${server.url}api/people/me/status?asOf=2026-06-01&detail=full`);
    const uncached = await missLatency(`${server.url}api/people/me/status?asOf=`);
    process.stdout.write(`| ${status.engine} | GET /api/health | ${trivial.rps.toFixed(0)} | ${trivial.p99} ms | ${trivial.errors} |\n`);
    process.stdout.write(`| ${status.engine} | GET /api/people/me/status | ${wallet.rps.toFixed(0)} | ${wallet.p99} ms | ${wallet.errors} |\n`);
    process.stdout.write(`| ${status.engine} | GET /api/people/me/status?detail=full | ${full.rps.toFixed(0)} (${(full.rps / trivial.rps * 100).toFixed(0)}%) | ${full.p99} ms | ${full.errors} |\n`);
    misses.push(`${status.engine}: ${await healthDuringImports(server, 1)}`);
    misses.push(`${status.engine}: ${await healthDuringImports(server, 3)}`);
    const big = await missLatency(`${server.url}api/people/big-1-0/status?asOf=`, 40);
    misses.push(`${status.engine}: status of the 30,000-activity wallet, computed afresh each time (40 requests): median ${big.median.toFixed(0)} ms, max ${big.p99.toFixed(0)} ms`);
    misses.push(`${status.engine}: a status computed afresh (nothing kept for the wallet's stamp), one request at a time: median ${uncached.median.toFixed(1)} ms, p99 ${uncached.p99.toFixed(1)} ms`);
    const ratio = wallet.rps / trivial.rps;
    const p99Ratio = wallet.p99 / Math.max(1, trivial.p99);
    const met = ratio >= 0.5 && p99Ratio <= 2 && wallet.errors === 0;
    failed ||= !met;
    verdicts.push(`${status.engine}: status at ${(ratio * 100).toFixed(0)}% of the trivial route's req/s (target ≥ 50%), p99 ${p99Ratio.toFixed(2)}× (target ≤ 2×): ${met ? 'met' : 'NOT met'}`);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (status.engine === 'postgres') {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  }
}
process.stdout.write(`\n${verdicts.join('\n')}\n${misses.join('\n')}\nload average at end ${load()}\n`);
if (failed) process.exitCode = 1;
