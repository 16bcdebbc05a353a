/**
 * Evidence bytes in PostgreSQL: stored once per content, read back whole, removed by hash, and taken
 * over from the evidence folder an older version kept beside a PostgreSQL database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/calendar-date.js';
import type { Store } from '../store.js';
import { storeBackends } from '../testing/store-backends.js';
import { attachEvidence } from './attach-evidence.js';
import { EvidenceFiles } from './evidence-files.js';
import { PostgresEvidenceBlobs } from './postgres-evidence-blobs.js';

const PDF = Buffer.from('%PDF-1.4\n% kept in the database\n');
const postgres = (await storeBackends()).find((b) => b.engine === 'postgres');

// PostgreSQL only (SQLite keeps evidence in the data folder). Without PostgreSQL the suite is skipped and
// named by the skipped-suites reporter; under CI the other PostgreSQL suites fail instead.
const suite = postgres?.available === true ? describe : describe.skip; // skipped without PostgreSQL: the suite needs a live database

suite('evidence bytes in PostgreSQL', () => {
  let store: Store;
  let blobs: PostgresEvidenceBlobs;
  let folder: string;
  beforeEach(async () => {
    if (postgres?.available !== true) return;
    store = await postgres.backend.open();
    blobs = store.evidenceBlobs() as PostgresEvidenceBlobs;
    folder = mkdtempSync(join(tmpdir(), 'recert-old-evidence-'));
    await store.createPerson({ id: 'me', name: 'Sam' }, 'test');
    await store.addActivity('me', { id: 'a1', title: 'Course', completed: calendarDate('2026-01-01'), credits: [] }, 'test');
  });
  afterEach(async () => {
    await store?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is what a PostgreSQL store hands out, and SQLite has none', async () => {
    expect(blobs).toBeInstanceOf(PostgresEvidenceBlobs);
    const sqlite = (await storeBackends()).find((b) => b.engine === 'sqlite');
    if (sqlite?.available === true) {
      const other = await sqlite.backend.open();
      expect(other.evidenceBlobs()).toBeNull();
      await other.close();
    }
  });

  it('stores one copy per content, reads the same bytes back, and removes by hash', async () => {
    const sha256 = await blobs.put(PDF);
    expect(await blobs.put(new Uint8Array(PDF))).toBe(sha256);
    expect(await blobs.list()).toEqual([sha256]);
    expect(await blobs.read(sha256)).toEqual(PDF);
    await blobs.remove([sha256]);
    expect(await blobs.has(sha256)).toBe(false);
    expect(await blobs.read(sha256)).toBeNull();
    await expect(blobs.read('../etc/passwd')).rejects.toThrow('not a SHA-256');
  });

  it('runs exclusive work for one hash one at a time, across connections', async () => {
    const sha256 = EvidenceFiles.sha256(PDF);
    const order: string[] = [];
    const work = (name: string) => async () => {
      order.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push(`${name} out`);
    };
    // A second instance stands for another process: it shares only the database.
    const other = new PostgresEvidenceBlobs((blobs as unknown as { db: never }).db);
    await Promise.all([blobs.exclusive(sha256, work('a')), other.exclusive(sha256, work('b'))]);
    expect([order.slice(0, 2), order.slice(2)].map((pair) => pair[0]!.split(' ')[0] === pair[1]!.split(' ')[0])).toEqual([true, true]);
  });

  it('takes over the files an older version kept in the data folder', async () => {
    const record = await attachEvidence(store, new EvidenceFiles(folder), { personId: 'me', activityId: 'a1', actor: 'test' }, { name: 'c.pdf', bytes: PDF });
    expect(await blobs.has(record.sha256)).toBe(false);
    expect(await blobs.adoptFiles(folder)).toBe(1);
    expect(await blobs.read(record.sha256)).toEqual(PDF);
    expect(await blobs.adoptFiles(folder)).toBe(0);
  });
});
