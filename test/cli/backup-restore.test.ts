/**
 * `recert backup` and `recert restore` on SQLite: the round trip is exact (every table row and every
 * evidence file, byte for byte), a backup taken while writes and evidence removals run is a consistent
 * snapshot, and restore is all or nothing (refuses a non-empty folder without --force, and a damaged
 * or foreign archive leaves the target as it was).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { attachEvidence, discardOrphans } from '../../src/store/evidence/attach-evidence.js';
import { EvidenceFiles } from '../../src/store/evidence/evidence-files.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import { calendarDate } from '../../src/shared/calendar-date.js';
import { unzip } from '../audit/read-documents.js';
import { cli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'recert-backup-'));
const source = join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every row of every table, in rowid order (the change log, migrations and sqlite_sequence included). */
function dumpDatabase(dataDir: string): Record<string, unknown[]> {
  const db = new BetterSqlite3(join(dataDir, 'recert.sqlite'), { readonly: true });
  try {
    const tables = (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((t) => t.name);
    return Object.fromEntries(tables.map((name) => [name, db.prepare(`select * from "${name}" order by rowid`).all()]));
  } finally {
    db.close();
  }
}

/** Every file under `<dataDir>/evidence`, by relative path. */
function evidenceTree(dataDir: string): Map<string, Buffer> {
  const dir = join(dataDir, 'evidence');
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => { const path = join(e.parentPath, e.name); return [path.slice(dir.length + 1), readFileSync(path)] as const; })
    .sort(([a], [b]) => a.localeCompare(b)));
}

const certificate = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

beforeAll(async () => {
  const at = (...args: string[]) => cli(...args, '--data-dir', source);
  expect((await at('init')).code).toBe(0);
  expect((await at('credential', 'add', 'nasm-cpt', '--earned', '2025-01-15', '--id', 'cpt')).code).toBe(0);
  expect((await at('credential', 'renew', 'cpt', '--date', '2027-01-10')).code).toBe(0);
  for (const [i, text] of ['first', 'second', 'first'].entries()) {
    const file = join(root, `certificate-${i}.pdf`);
    writeFileSync(file, certificate(text));
    expect((await at('activity', 'add', '--title', `Course ${i}`, '--completed', `2026-0${i + 1}-12`, '--credit', 'nasm:1.5', '--evidence', file)).code).toBe(0);
  }
  const note = join(root, 'note.txt');
  writeFileSync(note, 'attended in person\n');
  expect((await at('activity', 'attach', 'a1', note)).code).toBe(0);
  expect((await at('activity', 'remove', 'a2')).code).toBe(0);
}, 60_000);

describe('recert backup and restore', () => {
  it('round-trips the database and every evidence file exactly', async () => {
    const archive = join(root, 'backup.zip');
    const backup = await cli('backup', '--out', archive, '--data-dir', source);
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toBe(`recert: backed up ${source} to ${archive}: the database (${backup.out.match(/\((\d+) bytes\)/)![1]} bytes) and 2 evidence file(s)`);
    const entries = await unzip(readFileSync(archive));
    expect([...entries.keys()].sort()).toEqual(['evidence/' + [...evidenceTree(source).keys()][0], 'evidence/' + [...evidenceTree(source).keys()][1], 'manifest.json', 'recert.sqlite'].sort());

    const target = join(root, 'restored');
    const restored = await cli('restore', archive, '--data-dir', target);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toContain(`recert: restored ${target} from the backup of `);
    expect(dumpDatabase(target)).toEqual(dumpDatabase(source));
    expect(evidenceTree(target)).toEqual(evidenceTree(source));
    expect(evidenceTree(target).size).toBe(2);
    // The database file is the archived snapshot itself, untouched by the checks.
    const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as { database: { sha256: string } };
    expect(createHash('sha256').update(readFileSync(join(target, 'recert.sqlite'))).digest('hex')).toBe(manifest.database.sha256);
    // And recert works on it.
    const listed = await cli('activity', 'list', '--data-dir', target, '--as-of', '2026-06-01');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('Course 0');
    expect(listed.out).not.toContain('Course 1');
  });

  it('refuses a data folder that is not empty unless --force, then replaces it whole', async () => {
    const archive = join(root, 'again.zip');
    expect((await cli('backup', '--out', archive, '--data-dir', source)).code).toBe(0);
    const target = join(root, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'mine');
    const refused = await cli('restore', archive, '--data-dir', target);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('[RESTORE_TARGET_NOT_EMPTY]');
    expect(readdirSync(target)).toEqual(['keep.txt']);
    const forced = await cli('restore', archive, '--data-dir', target, '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('(the previous contents were replaced)');
    expect(existsSync(join(target, 'keep.txt'))).toBe(false);
    expect(dumpDatabase(target)).toEqual(dumpDatabase(source));
    expect(evidenceTree(target)).toEqual(evidenceTree(source));
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('leaves the target untouched when the archive is damaged or not a recert backup', async () => {
    const archive = join(root, 'good.zip');
    expect((await cli('backup', '--out', archive, '--data-dir', source)).code).toBe(0);
    const entries = await unzip(readFileSync(archive));
    const target = join(root, 'precious');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'mine');

    const variants: Array<[string, Map<string, Buffer>]> = [];
    const altered = new Map(entries);
    const evidenceName = [...entries.keys()].find((name) => name.startsWith('evidence/'))!;
    altered.set(evidenceName, Buffer.concat([entries.get(evidenceName)!, Buffer.from(' ')]));
    variants.push(['an altered evidence file', altered]);
    const missing = new Map(entries);
    missing.delete(evidenceName);
    variants.push(['a missing evidence file', missing]);
    const escaping = new Map(entries);
    escaping.set('evidence/zz/escape.txt', Buffer.from('x'));
    escaping.set('startup.sh', Buffer.from('x'));
    variants.push(['entries a backup does not have', escaping]);
    const foreign = new Map(entries);
    foreign.delete('manifest.json');
    variants.push(['no manifest', foreign]);
    const damagedDb = new Map(entries);
    damagedDb.set('recert.sqlite', Buffer.from('not a database'));
    variants.push(['a database that does not match the manifest', damagedDb]);

    for (const [what, files] of variants) {
      const file = join(root, `bad-${variants.findIndex(([w]) => w === what)}.zip`);
      await writeZip(file, files);
      const answer = await cli('restore', file, '--data-dir', target, '--force');
      expect(answer.code, what).toBe(2);
      expect(answer.err, what).toContain('[BACKUP_INVALID]');
      expect(readdirSync(target), what).toEqual(['keep.txt']);
    }
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('takes a consistent snapshot while writes and evidence removals run', async () => {
    const live = join(root, 'live');
    expect((await cli('init', '--data-dir', live)).code).toBe(0);
    const store = await openSqliteStore({ file: join(live, 'recert.sqlite') });
    const files = new EvidenceFiles(join(live, 'evidence'));
    let stop = false;
    let writes = 0;
    // One writer: each round adds an activity with its own certificate, and removes the evidence of an
    // earlier round, whose file is then deleted: the backup meets files vanishing after its snapshot.
    const writer = (async () => {
      const held: string[] = [];
      while (!stop) {
        const id = `w${writes}`;
        await store.addActivity('me', { id, title: `Write ${writes}`, completed: calendarDate('2026-02-01'), credits: [{ body: 'nasm', units: 0.1 }] }, 'test');
        const evidence = await attachEvidence(store, files, { personId: 'me', activityId: id, actor: 'test' }, { name: 'c.pdf', bytes: certificate(`write ${writes}`) });
        held.push(evidence.id);
        if (held.length > 2) await discardOrphans(files, await store.removeEvidence('me', held.shift()!, 'test'));
        writes++;
      }
    })();
    try {
      for (let round = 0; round < 3; round++) {
        const archive = join(root, `live-${round}.zip`);
        const backup = await cli('backup', '--out', archive, '--data-dir', live);
        expect(backup.code, backup.err).toBe(0);
        const target = join(root, `live-restored-${round}`);
        expect((await cli('restore', archive, '--data-dir', target)).code).toBe(0);
        const dump = dumpDatabase(target) as Record<string, Array<Record<string, unknown>>>;
        // Each activity was written together with its change-log row: the snapshot has both or neither.
        const logged = dump.change_log!.filter((row) => row.entity === 'activity' && row.action === 'create').map((row) => row.entity_id).sort();
        expect(dump.activities!.map((row) => row.id).sort()).toEqual(logged);
        // Every evidence row of the snapshot has its file, with the right bytes.
        const tree = evidenceTree(target);
        for (const row of dump.evidence!) {
          const sha256 = String(row.sha256);
          expect(createHash('sha256').update(tree.get(join(sha256.slice(0, 2), sha256))!).digest('hex')).toBe(sha256);
        }
        expect(tree.size).toBe(new Set(dump.evidence!.map((row) => row.sha256)).size);
      }
    } finally {
      stop = true;
      await writer;
      await store.close();
    }
    expect(writes).toBeGreaterThan(3);
  }, 60_000);

  it('refuses to write a backup whose database refers to an evidence file that is gone', async () => {
    const broken = join(root, 'broken');
    expect((await cli('init', '--data-dir', broken)).code).toBe(0);
    const file = join(root, 'lost.pdf');
    writeFileSync(file, certificate('lost'));
    expect((await cli('activity', 'add', '--title', 'Lost', '--completed', '2026-01-01', '--credit', 'nasm:1', '--evidence', file, '--data-dir', broken)).code).toBe(0);
    rmSync(join(broken, 'evidence'), { recursive: true });
    const answer = await cli('backup', '--out', join(root, 'broken.zip'), '--data-dir', broken);
    expect(answer.code).toBe(2);
    expect(answer.err).toContain('[BACKUP_INCONSISTENT]');
    expect(existsSync(join(root, 'broken.zip'))).toBe(false);
  });

  it('sends PostgreSQL users to pg_dump', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:1/none';
    try {
      const answer = await cli('backup', '--out', join(root, 'pg.zip'));
      expect(answer.code).toBe(2);
      expect(answer.err).toContain('pg_dump');
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});

async function writeZip(file: string, entries: Map<string, Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name, { compress: false });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(file, Buffer.concat(chunks));
}
