/**
 * Team view benchmark (issue 12): an organization of 2,000 members, each with 4 credentials and 50
 * activities (bench/generate-wallets.ts, `uniform`), behind the real HTTP app. Measures
 * GET /api/orgs/{org}/team (50-row page) over HTTP, signed in as the organization's owner:
 * the first request (cold cache: every member loaded and evaluated), then warm requests, then
 * requests right after one member logged an activity (that member alone is evaluated again).
 *
 *   npm run bench:team                              # PostgreSQL (RECERT_TEST_DATABASE_URL), 2,000 members
 *   npm run bench:team -- --engine sqlite --members 500 --requests 50
 *
 * Target: p95 < 300 ms on PostgreSQL for 2,000 members (warm).
 */
import { loadavg, cpus } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/api/build-app.js';
import { newSecret, sha256 } from '../src/api/auth/secrets.js';
import { readCatalogDir } from '../src/io/read-catalog-dir.js';
import { checkProfileReferences } from '../src/profile/parse-profile.js';
import { calendarDate } from '../src/shared/calendar-date.js';
import { EvidenceFiles } from '../src/store/evidence/evidence-files.js';
import { importCheck } from '../src/store/import-check.js';
import { storeBackends } from '../src/store/testing/store-backends.js';
import { generateWallets } from './generate-wallets.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : fallback);
const engine = arg('engine', 'postgres');
const members = Number(arg('members', '2000'));
const requests = Number(arg('requests', '100'));
const TODAY = calendarDate('2026-01-15');

const status = (await storeBackends()).find((b) => b.engine === engine);
if (status === undefined || !status.available) throw new Error(`engine ${engine} not available${status && !status.available ? `: ${status.reason}` : ''}`);
const catalog = readCatalogDir();
const store = await status.backend.open();
const evidenceDir = mkdtempSync(join(tmpdir(), 'recert-team-bench-'));
try {
  const t0 = performance.now();
  const wallets = generateWallets(catalog, { people: members, credentials: 4, activities: 50, shape: 'uniform' });
  const owner = await store.accounts.createAccount('owner@gym.example', 'Owner', 'bench');
  const org = await store.accounts.createOrg('Bench Gym', owner.id);
  const check = importCheck('merge', (p) => checkProfileReferences(p, catalog));
  let next = 0;
  const memberIds: string[] = [];
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < wallets.length) {
      const i = next++;
      const account = await store.accounts.createAccount(`member${i}@example.org`, `Member ${String(i).padStart(4, '0')}`, 'bench');
      await store.importProfile(account.personId, wallets[i]!, { mode: 'merge', actor: 'bench', check });
      const secret = newSecret();
      await store.accounts.createInvitation(org.id, 'member', sha256(secret), owner.id, new Date(Date.now() + 3_600_000));
      await store.accounts.acceptInvitation(sha256(secret), account, new Date());
      memberIds.push(account.personId);
    }
  }));
  const seeded = performance.now() - t0;
  const cookieSecret = newSecret();
  await store.accounts.createSession(owner.id, sha256(cookieSecret), 'bench', new Date(Date.now() + 3_600_000));

  const app = await buildApp({ store, files: new EvidenceFiles(evidenceDir), catalog, today: () => TODAY, maxEvidenceBytes: 1024 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const headers = { cookie: `recert_session=${cookieSecret}` };
  const timeOne = async (path: string): Promise<number> => {
    const start = performance.now();
    const response = await fetch(`${base}${path}`, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return performance.now() - start;
  };
  const page = `/api/orgs/${org.id}/team?sort=deadline&pageSize=50`;
  const cold = await timeOne(page);
  const warm: number[] = [];
  for (let i = 0; i < requests; i++) warm.push(await timeOne(`${page}&page=${1 + (i % 10)}`));
  const afterChange: number[] = [];
  for (let i = 0; i < Math.min(requests, 20); i++) {
    await store.addActivity(memberIds[i]!, { title: 'New course', completed: TODAY, credits: [{ body: 'nasm', units: 0.2, category: null }] } as never, 'bench');
    afterChange.push(await timeOne(page));
  }
  const csv = await timeOne(`/api/orgs/${org.id}/team.csv`);
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  process.stdout.write([
    `team view benchmark: ${engine}, ${members} members × 4 credentials × 50 activities (${members * 4} rows); ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`,
    `  seeding: ${(seeded / 1000).toFixed(1)} s`,
    `  first request (cold cache, all members evaluated): ${f(cold)}`,
    `  warm, ${warm.length} requests (50-row pages): p50 ${f(pct(warm, 50))}, p95 ${f(pct(warm, 95))}, max ${f(Math.max(...warm))}`,
    `  right after one member's change, ${afterChange.length} requests: p50 ${f(pct(afterChange, 50))}, p95 ${f(pct(afterChange, 95))}`,
    `  CSV of all rows: ${f(csv)}`,
    '',
  ].join('\n'));
  const closing = app.close();
  app.server.closeAllConnections();
  await closing;
} finally {
  await store.close();
  rmSync(evidenceDir, { recursive: true, force: true });
}
