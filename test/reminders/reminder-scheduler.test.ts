/**
 * The reminder queue against the real components on every backend: the store's outbox, nodemailer
 * and a real SMTP server (smtp-server) that reads each message back with mailparser. The clock is a
 * variable the test moves; nothing reads the real one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { smtpMailer, type Mailer } from '../../src/reminders/mailer.js';
import { ReminderScheduler } from '../../src/reminders/reminder-scheduler.js';
import { addDays, calendarDate, type CalendarDate } from '../../src/shared/calendar-date.js';
import type { Store } from '../../src/store/store.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink.js';

const catalog = readCatalogDir();
const PUBLIC_URL = 'https://recert.example.org/';
const TIMEOUT = 120_000;

/** When each reminder of this wallet is first due (the engine's thresholds; see src/engine/reminders.ts). */
const SCHEDULE: [CalendarDate, string][] = [
  ['2026-11-02', 'me/cpr/cycle-1/card-90'],
  ['2026-12-01', 'me/cpt/cycle-1/deadline-90'],
  ['2026-12-02', 'me/cpr/cycle-1/card-60'],
  ['2026-12-31', 'me/cpt/cycle-1/deadline-60'],
  ['2027-01-01', 'me/cpr/cycle-1/card-30'],
  ['2027-01-24', 'me/cpr/cycle-1/card-7'],
  ['2027-01-30', 'me/cpt/cycle-1/deadline-30'],
  ['2027-02-22', 'me/cpt/cycle-1/deadline-7'],
  ['2027-03-02', 'me/cpt/cycle-1/grace-entry'],
  ['2027-05-23', 'me/cpt/cycle-1/grace-ends-7'],
].map(([day, key]) => [calendarDate(day!), key!]);

/** A NASM CPT with no CE logged (deadline 2027-03-01) and a CPR/AED card expiring 2027-01-31; reminders on. */
async function seed(store: Store): Promise<void> {
  await store.createPerson({ id: 'me', name: 'Sam' }, 'test');
  await store.addCredential('me', { id: 'cpt', program: 'nasm-cpt', earned: calendarDate('2025-03-01') }, 'test');
  await store.addCredential('me', { id: 'cpr', program: 'cpr-aed', earned: calendarDate('2025-01-10') }, 'test');
  await store.reminders.putSettings('me', { enabled: true, email: 'sam@example.com', thresholds: [90, 60, 30, 7] }, 'test');
}

/** A clock the test moves: `day` at 08:00 UTC plus `minutes`. */
class TestClock {
  minutes = 0;
  constructor(public day: CalendarDate) {}
  now = (): Date => new Date(Date.parse(`${this.day}T08:00:00Z`) + this.minutes * 60_000);
  today = (): CalendarDate => this.day;
}

let sink: SmtpSink;
const mailers: Mailer[] = [];
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  for (const m of mailers) m.close();
  await sink.close();
});
afterEach(() => {
  sink.messages.length = 0;
});

function scheduler(store: Store, clock: TestClock, worker: string, options: { batchSize?: number } = {}): ReminderScheduler {
  const mailer = smtpMailer(sink.url);
  mailers.push(mailer);
  return new ReminderScheduler({ store, catalog, mailer, from: 'recert <reminders@recert.example.org>', publicUrl: PUBLIC_URL, now: clock.now, today: clock.today, worker, ...options });
}

await describeEachStore('the reminder scheduler', { describe, it }, (backend) => {
  it('sends exactly the expected emails, each on its day, as the clock moves day by day across every threshold', async () => {
    const store = await backend.open();
    try {
      await seed(store);
      const clock = new TestClock(calendarDate('2026-10-25'));
      const s = scheduler(store, clock, 'w1');
      const arrived: [CalendarDate, string][] = [];
      for (; clock.day <= '2027-05-31'; clock.day = addDays(clock.day, 1)) {
        const result = await s.tick();
        expect(result.failed).toEqual([]);
        for (const key of result.sent) arrived.push([clock.day, key]);
      }
      expect(arrived).toEqual(SCHEDULE);
      expect(sink.keys()).toEqual(SCHEDULE.map(([, key]) => key));

      const mail = sink.messages.find((m) => m.headers.get('x-recert-reminder') === 'me/cpt/cycle-1/deadline-30')!;
      expect(mail.subject).toBe('NASM Certified Personal Trainer (NASM-CPT) (cpt): deadline 2027-03-01');
      expect(mail.from?.value[0]).toMatchObject({ name: 'recert', address: 'reminders@recert.example.org' });
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('sam@example.com');
      expect(mail.text).toContain('What is missing: 1.9 CEU still missing.');
      expect(mail.text).toContain('Next step: Complete 1.9 CEU by 2027-03-01, then renew.');
      expect(mail.text).toContain(`Your dashboard: ${PUBLIC_URL}`);
      const token = (await store.reminders.getSettings('me')).unsubscribeToken!;
      expect(mail.text).toContain(`${PUBLIC_URL}unsubscribe/${token}`);
      const header = (name: string): string => mail.headerLines.find((l) => l.key === name)?.line ?? '';
      expect(header('list-unsubscribe')).toContain(`<${PUBLIC_URL}unsubscribe/${token}>`);
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect((await store.reminders.listOutbox('me')).every((item) => item.state === 'sent' && item.attempts === 1)).toBe(true);
    } finally {
      await store.close();
    }
  }, TIMEOUT);

  it('sends nothing twice when the server restarts in the middle of the season', async () => {
    const { store, reopen, dispose } = await backend.openReopenable();
    let second: Store | undefined;
    try {
      await seed(store);
      const clock = new TestClock(calendarDate('2026-11-25'));
      const first = scheduler(store, clock, 'before-restart');
      for (; clock.day <= '2026-12-15'; clock.day = addDays(clock.day, 1)) await first.tick();
      await store.close();
      second = await reopen();
      clock.day = calendarDate('2026-12-10');
      const after = scheduler(second, clock, 'after-restart');
      for (; clock.day <= '2027-01-05'; clock.day = addDays(clock.day, 1)) await after.tick();
      expect(sink.keys()).toEqual(['me/cpr/cycle-1/card-90', 'me/cpt/cycle-1/deadline-90', 'me/cpr/cycle-1/card-60', 'me/cpt/cycle-1/deadline-60', 'me/cpr/cycle-1/card-30']);
    } finally {
      await second?.close();
      await dispose();
    }
  }, TIMEOUT);

  it('sends a reminder claimed by a process killed before sending once its lease has passed, and only once', async () => {
    const { store, reopen, dispose } = await backend.openReopenable();
    let second: Store | undefined;
    try {
      await seed(store);
      const clock = new TestClock(calendarDate('2026-12-01'));
      // The first process queues and claims, then dies before its SMTP send (kill -9): no markSent.
      const doomed = scheduler(store, clock, 'killed');
      expect((await doomed.enqueueDue()).sort()).toEqual(['me/cpr/cycle-1/card-90', 'me/cpt/cycle-1/deadline-90']);
      const claimed = await store.reminders.claim('killed', clock.now(), 10 * 60_000, 20);
      expect(claimed.map((c) => c.key).sort()).toEqual(['me/cpr/cycle-1/card-90', 'me/cpt/cycle-1/deadline-90']);
      await store.close();

      second = await reopen();
      const survivor = scheduler(second, clock, 'survivor');
      clock.minutes = 5;
      expect((await survivor.tick()).sent).toEqual([]);
      clock.minutes = 11;
      expect((await survivor.tick()).sent.sort()).toEqual(['me/cpr/cycle-1/card-90', 'me/cpt/cycle-1/deadline-90']);
      clock.minutes = 30;
      expect((await survivor.tick()).sent).toEqual([]);
      expect(sink.keys().sort()).toEqual(['me/cpr/cycle-1/card-90', 'me/cpt/cycle-1/deadline-90']);
      expect((await second.reminders.listOutbox('me')).map((i) => [i.state, i.attempts, i.claimedBy])).toEqual([['sent', 2, 'survivor'], ['sent', 2, 'survivor']]);
    } finally {
      await second?.close();
      await dispose();
    }
  }, TIMEOUT);

  it('retries a send the SMTP server refused, later, and sends it once', async () => {
    const store = await backend.open();
    try {
      await seed(store);
      const clock = new TestClock(calendarDate('2026-12-01'));
      const s = scheduler(store, clock, 'w1', { batchSize: 1 });
      sink.failNext(1);
      const first = await s.tick();
      expect(first.failed).toHaveLength(1);
      expect(first.sent).toHaveLength(1);
      expect((await s.tick()).sent).toEqual([]);
      clock.minutes = 2;
      expect((await s.tick()).sent).toEqual(first.failed);
      expect(sink.keys().sort()).toEqual(['me/cpr/cycle-1/card-90', 'me/cpt/cycle-1/deadline-90']);
    } finally {
      await store.close();
    }
  }, TIMEOUT);

  it('two servers on one database, ticking at the same moments, send each reminder once', async () => {
    const { store, reopen, dispose } = await backend.openReopenable();
    const other = await reopen();
    try {
      await seed(store);
      const clock = new TestClock(calendarDate('2026-11-25'));
      const a = scheduler(store, clock, 'server-a', { batchSize: 1 });
      const b = scheduler(other, clock, 'server-b', { batchSize: 1 });
      const sentBy = new Map<string, string[]>();
      for (; clock.day <= '2027-03-05'; clock.day = addDays(clock.day, 1)) {
        const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
        for (const [who, r] of [['a', ra], ['b', rb]] as const) for (const key of r.sent) sentBy.set(key, [...(sentBy.get(key) ?? []), who]);
      }
      const expected = ['me/cpr/cycle-1/card-90', ...SCHEDULE.filter(([day]) => day > '2026-11-25' && day <= '2027-03-05').map(([, key]) => key)];
      expect(sink.keys().sort()).toEqual([...expected].sort());
      expect([...sentBy.values()].every((who) => who.length === 1)).toBe(true);
    } finally {
      await other.close();
      await store.close();
      await dispose();
    }
  }, TIMEOUT);
});
