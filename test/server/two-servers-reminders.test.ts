/**
 * Real server processes (`src/server/main.ts` under tsx) on one database (a fresh PostgreSQL database,
 * or one SQLite file) with SMTP configured and a one-second reminder interval, over people who each have
 * one reminder due today; a real SMTP server (smtp-server) receives the emails.
 *  - Two servers started at the same moment: every reminder arrives exactly once.
 *  - A server killed with SIGKILL in the middle of an SMTP send (claimed, not sent): a server started
 *    after it sends each reminder once, after the dead one's lease has lapsed.
 * The PostgreSQL cases are skipped off CI without a server, like the other PostgreSQL suites.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { seededDatabase, startServerProcess, type SeededDatabase } from './reminder-server-processes.js';

const KEY = /^p\d\d\/cpt\/cycle-1\/deadline-(90|60)$/;
const people = (n: number): string[] => Array.from({ length: n }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

await describeEachStore('reminder emails from several server processes on one database', { describe, it }, (backend) => {
  let db: SeededDatabase | undefined;
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    sink.messages.length = 0;
    sink.stall(false);
    await db?.dispose();
    db = undefined;
  });

  it('two servers started at the same moment email each reminder exactly once', async () => {
    const who = people(20);
    db = await seededDatabase(backend.engine, who);
    const env = { SMTP_URL: sink.url, RECERT_REMINDER_INTERVAL_SECONDS: '1' };
    const servers = await Promise.all([startServerProcess(db.env(env)), startServerProcess(db.env(env))]);
    children.push(...servers.map((s) => s.child));
    await expect.poll(() => sink.messages.length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(who.length);
    // A few more ticks of both servers: nothing more may arrive.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const keys = sink.keys();
    expect(keys).toHaveLength(who.length);
    expect(keys.map((k) => k.split('/')[0]).sort()).toEqual(who);
    expect(keys.every((k) => KEY.test(k))).toBe(true);
    for (const s of servers) expect(s.output()).not.toMatch(/error/i);
  }, 120_000);

  it('a server killed (SIGKILL) in the middle of a send leaves its claims; the next server sends each reminder once after the lease', async () => {
    const who = people(3);
    db = await seededDatabase(backend.engine, who);
    sink.stall(true);
    const doomed = await startServerProcess(db.env({ SMTP_URL: sink.url, RECERT_REMINDER_INTERVAL_SECONDS: '1', RECERT_REMINDER_LEASE_SECONDS: '3' }));
    children.push(doomed.child);
    await expect.poll(() => sink.stalled(), { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
    doomed.child.kill('SIGKILL');
    await new Promise((resolve) => doomed.child.once('exit', resolve));
    const store = await db.open();
    try {
      const outbox = (await Promise.all(who.map((id) => store.reminders.listOutbox(id)))).flat();
      expect(outbox.map((item) => item.state)).toEqual(['claimed', 'claimed', 'claimed']);
    } finally {
      await store.close();
    }
    expect(sink.messages).toHaveLength(0);

    sink.stall(false);
    const next = await startServerProcess(db.env({ SMTP_URL: sink.url, RECERT_REMINDER_INTERVAL_SECONDS: '1' }));
    children.push(next.child);
    await expect.poll(() => sink.messages.length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(who.length);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const keys = sink.keys();
    expect(keys).toHaveLength(who.length);
    expect(keys.map((k) => k.split('/')[0]).sort()).toEqual(who);
  }, 120_000);
});
