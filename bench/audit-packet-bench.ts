/**
 * Audit packet benchmark: a cycle with 50 counted activities and 50 certificates, packed by a fresh
 * `recert packet` process (the built CLI, `node dist/cli/main.js`) reading the real data folder.
 * Target: under 2 s per packet, Node's start-up included.
 *
 * Two structurally different generators write the wallets:
 *  A. in process, through the store: one NASM-CPT, 50 activities with one PDF certificate each
 *     (80-240 KB of incompressible bytes);
 *  B. as a user would: a profile JSON file run through `recert import`, then `recert activity attach`
 *     per activity: one ACE-CPT, 25 activities (some also granting NASM units) with accented titles, two
 *     certificates each (a 300-600 KB JPEG and a PNG or a text file), plus 2 activities that do not
 *     count (their certificates must stay out of the packet).
 *
 * Run: `npm run bench:packet` (builds first). Prints a table; exits 1 if a packet is wrong or slow.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import yauzl from 'yauzl';
import { addDays, type CalendarDate } from '../src/shared/calendar-date.js';
import { attachEvidence } from '../src/store/evidence/attach-evidence.js';
import { EvidenceFiles } from '../src/store/evidence/evidence-files.js';
import { openStore } from '../src/store/open-store.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = 5;
const TARGET_MS = 2000;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

async function generatorA(dataDir: string): Promise<{ credential: string; asOf: CalendarDate; certificates: number }> {
  const store = await openStore({ dataDir, create: true });
  const files = new EvidenceFiles(join(dataDir, 'evidence'));
  try {
    await store.createPerson({ id: 'me', name: 'Bench A' }, 'bench').catch(() => undefined);
    await store.addCredential('me', { id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' as CalendarDate, number: 'NASM-1' }, 'bench');
    for (let i = 0; i < 50; i++) {
      const id = `a${i + 1}`;
      await store.addActivity('me', { id, title: `Course number ${i + 1}`, completed: addDays('2025-02-01' as CalendarDate, i * 12), hours: 1, provider: 'Provider A', credits: [{ body: 'nasm', units: 0.1 }] }, 'bench');
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(80_000 + ((i * 3_271) % 160_000)), Buffer.from('\n%%EOF\n')]);
      await attachEvidence(store, files, { personId: 'me', activityId: id, actor: 'bench' }, { name: `certificate-${i + 1}.pdf`, bytes });
    }
  } finally {
    await store.close();
  }
  return { credential: 'cpt', asOf: '2026-12-01' as CalendarDate, certificates: 50 };
}

function recert(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
}

function jpeg(size: number): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size), Buffer.from([0xff, 0xd9])]);
}
function png(size: number): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size)]);
}

function generatorB(dataDir: string, scratch: string): { credential: string; asOf: CalendarDate; certificates: number } {
  const titles = ['Entraînement fonctionnel', 'Nutrición deportiva', 'Mobilität & Beweglichkeit', 'Youth fitness — level 2', 'Pilates reformer'];
  const activities = [];
  for (let i = 0; i < 25; i++) {
    activities.push({
      id: `b-${String(i).padStart(2, '0')}`, title: `${titles[i % titles.length]} ${i + 1}`, completed: addDays('2025-09-01' as CalendarDate, i * 20),
      hours: 2.5, provider: `Académie ${i % 3}`, credits: [{ body: 'ace', units: 0.2 }, ...(i % 3 === 0 ? [{ body: 'nasm', units: 0.2 }] : [])],
    });
  }
  // Two that do not count: no ACE units, and before the credential was earned.
  activities.push({ id: 'x-nasm', title: 'NASM only', completed: '2026-01-10' as CalendarDate, hours: 1, provider: 'Other', credits: [{ body: 'nasm', units: 0.1 }] });
  activities.push({ id: 'x-early', title: 'Before earning', completed: '2025-01-10' as CalendarDate, hours: 1, provider: 'Other', credits: [{ body: 'ace', units: 0.1 }] });
  const profile = { credentials: [{ id: 'ace', program: 'ace-cpt', earned: '2025-08-20', number: 'ACE-7' }], renewals: [], activities };
  const profilePath = join(scratch, 'profile-b.json');
  writeFileSync(profilePath, JSON.stringify(profile, null, 1));
  recert(dataDir, 'init');
  recert(dataDir, 'import', profilePath);
  let certificates = 0;
  activities.forEach((activity, i) => {
    const first = join(scratch, `${activity.id}-scan.jpg`);
    writeFileSync(first, jpeg(300_000 + ((i * 7_919) % 300_000)));
    const second = i % 2 === 0 ? join(scratch, `${activity.id}-badge.png`) : join(scratch, `${activity.id}-note.txt`);
    writeFileSync(second, i % 2 === 0 ? png(40_000 + i * 500) : `Attendance confirmed for ${activity.title}\n`.repeat(40));
    recert(dataDir, 'activity', 'attach', activity.id, first, second);
    if (!activity.id.startsWith('x-')) certificates += 2;
  });
  return { credential: 'ace', asOf: '2027-01-15' as CalendarDate, certificates };
}

function entries(zip: Buffer): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error || archive === undefined) return reject(error);
      const names: string[] = [];
      archive.on('entry', (entry: yauzl.Entry) => { names.push(entry.fileName); archive.readEntry(); });
      archive.on('end', () => resolvePromise(names));
      archive.readEntry();
    });
  });
}

async function measure(label: string, dataDir: string, scratch: string, wallet: { credential: string; asOf: CalendarDate; certificates: number }): Promise<boolean> {
  const out = join(scratch, `${label.replace(/[^A-Za-z0-9]+/g, '-')}.zip`);
  const times: number[] = [];
  const cpu: number[] = [];
  const args = [CLI, 'packet', wallet.credential, '--out', out, '--as-of', wallet.asOf, '--data-dir', dataDir];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    // GNU time, where installed, reports the child's CPU seconds: the figure a shared, loaded machine distorts least.
    const result = TIME === undefined
      ? spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } })
      : spawnSync(TIME, ['-f', 'cpu %U %S', process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`recert packet failed: ${result.stderr}`);
    const used = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
    if (used !== null) cpu.push((Number(used[1]) + Number(used[2])) * 1000);
  }
  cpu.sort((a, b) => a - b);
  const zip = readFileSync(out);
  const names = await entries(zip);
  const ok = names.length === wallet.certificates + 1;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const max = times[times.length - 1]!;
  const cpuMedian = cpu.length === 0 ? 'n/a' : `${cpu[Math.floor(cpu.length / 2)]!.toFixed(0)} ms`;
  console.log(`| ${label} | ${wallet.certificates} | ${(zip.length / 1024 / 1024).toFixed(1)} MB | ${median.toFixed(0)} ms | ${max.toFixed(0)} ms | ${cpuMedian} | ${ok && median < TARGET_MS ? 'yes' : 'NO'} |`);
  if (!ok) console.error(`${label}: expected ${wallet.certificates + 1} entries, got ${names.length}`);
  return ok && median < TARGET_MS;
}

/** The same packet from a freshly started server (`node dist/server/main.js`): the first request, then warm ones. */
async function measureHttp(label: string, dataDir: string, wallet: { credential: string; asOf: CalendarDate; certificates: number }): Promise<boolean> {
  const server = spawn(process.execPath, [join(ROOT, 'dist', 'server', 'main.js')], { env: { ...process.env, PORT: '0', RECERT_DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let text = '';
      server.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const found = /running at (\S+)/.exec(text);
        if (found !== null) resolveUrl(found[1]!);
      });
      server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    });
    const times: number[] = [];
    let names: string[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const start = performance.now();
      const response = await fetch(`${url}api/people/me/credentials/${wallet.credential}/audit-packet.zip?asOf=${wallet.asOf}`);
      const zip = Buffer.from(await response.arrayBuffer());
      times.push(performance.now() - start);
      if (run === 0) names = await entries(zip);
    }
    const first = times.shift()!;
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const ok = names.length === wallet.certificates + 1;
    console.log(`| ${label} over HTTP | ${wallet.certificates} | first request ${first.toFixed(0)} ms | warm median ${median.toFixed(0)} ms | ${ok && first < TARGET_MS ? 'yes' : 'NO'} |`);
    return ok && first < TARGET_MS;
  } finally {
    server.kill('SIGTERM');
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'recert-bench-packet-'));
try {
  const dirA = join(scratch, 'data-a');
  const dirB = join(scratch, 'data-b');
  const a = await generatorA(dirA);
  const b = generatorB(dirB, scratch);
  console.log(`audit packet, fresh \`recert packet\` process per run (${RUNS} runs each), Node ${process.version}`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  console.log('| wallet | certificates | packet | wall median | wall max | CPU median | median under 2 s |');
  console.log('|---|---|---|---|---|---|---|');
  const okA = await measure('A (store, NASM, 50 PDFs)', dirA, scratch, a);
  const okB = await measure('B (import + attach, ACE, JPEG/PNG/text)', dirB, scratch, b);
  console.log('');
  console.log('| wallet | certificates | cold | warm | first request under 2 s |');
  console.log('|---|---|---|---|---|');
  const httpA = await measureHttp('A', dirA, a);
  const httpB = await measureHttp('B', dirB, b);
  process.exitCode = okA && okB && httpA && httpB ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
