/** Conformance: an upload of identical bytes racing the removal of their last row never loses the file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.js';
import { attachEvidence, discardOrphans } from './evidence/attach-evidence.js';
import type { EvidenceBlobs } from './evidence/evidence-blobs.js';
import { EvidenceFiles } from './evidence/evidence-files.js';
import type { Store } from './store.js';
import { describeEachStore } from './testing/store-backends.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n% certificate\n');

await describeEachStore('store evidence races', { describe, it }, (backend) => {
  let store: Store;
  let files: EvidenceBlobs;
  let dir: string;
  const target = { personId: 'me', activityId: 'a1', actor: 'test' };
  beforeEach(async () => {
    store = await backend.open();
    dir = mkdtempSync(join(tmpdir(), 'recert-evidence-race-'));
    // Where the server keeps them: the database on PostgreSQL (cross-process advisory locks), files on SQLite.
    files = store.evidenceBlobs() ?? new EvidenceFiles(dir);
    await store.createPerson({ id: 'me', name: 'Sam' }, 'test');
    await store.addActivity('me', { id: 'a1', title: 'Course', completed: calendarDate('2026-01-01'), credits: [] }, 'test');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the file when the same bytes are attached after the removal committed but before its files are discarded', async () => {
    const first = await attachEvidence(store, files, target, { name: 'c.pdf', bytes: PDF });
    const removed = await store.removeEvidence('me', first.id, 'test');
    expect(removed.orphanedSha256).toEqual([first.sha256]);
    const second = await attachEvidence(store, files, target, { name: 'c.pdf', bytes: PDF });
    await discardOrphans(files, removed);
    expect(await files.has(second.sha256)).toBe(true);
    // Once the last row is really gone, the file goes.
    await discardOrphans(files, await store.removeEvidence('me', second.id, 'test'));
    expect(await files.has(second.sha256)).toBe(false);
  });

  it('never leaves a row without its file when uploads and removals of the same bytes interleave', async () => {
    for (let round = 0; round < 10; round += 1) {
      const held = await attachEvidence(store, files, target, { name: 'c.pdf', bytes: PDF });
      await Promise.all([
        store.removeEvidence('me', held.id, 'test').then((removed) => discardOrphans(files, removed)),
        attachEvidence(store, files, target, { name: 'c.pdf', bytes: PDF }),
      ]);
      const rows = await store.listEvidence('me', 'a1');
      expect(rows).toHaveLength(1);
      expect(await files.has(rows[0]!.sha256)).toBe(true);
      await discardOrphans(files, await store.removeEvidence('me', rows[0]!.id, 'test'));
    }
  });
});
