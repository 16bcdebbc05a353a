/**
 * The reminder queue's producer and consumer, run in the server on an interval timer (and once by
 * `recert remind`). Each tick:
 *  1. enqueue: for everyone with reminders on, the reminders due today (person-reminders.ts) go into
 *     the outbox; a key already there is ignored (the table's primary key), so restarts and a second
 *     server add nothing;
 *  2. drain: claim ready rows with a lease, send each by SMTP, then mark it sent. A failed send is
 *     retried with back-off, up to `maxAttempts`; a row whose person has since turned reminders off
 *     (or dropped that threshold) is skipped.
 * The clock is injected (`now`, `today`); nothing here reads the real one.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Catalog } from '../catalog/catalog.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { OutboxItem } from '../store/reminder-store.js';
import type { Store } from '../store/store.js';
import type { Mailer } from './mailer.js';
import { personReminders, thresholdDays } from './person-reminders.js';
import { reminderEmail } from './reminder-email.js';

export interface SchedulerOptions {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly mailer: Mailer;
  /** The From address (MAIL_FROM). */
  readonly from: string;
  /** The server's public address, ending in "/" (PUBLIC_URL). */
  readonly publicUrl: string;
  readonly now: () => Date;
  readonly today: () => CalendarDate;
  /** Names this process in the outbox's claimed_by (default host:pid:random). */
  readonly worker?: string;
  /** How long a claim holds before another worker may take the row again (default 10 minutes). */
  readonly leaseMs?: number;
  readonly batchSize?: number;
  readonly maxAttempts?: number;
  readonly log?: (message: string, error?: unknown) => void;
}

export interface TickResult {
  readonly queued: string[];
  readonly sent: string[];
  readonly failed: string[];
  readonly skipped: string[];
}

export const DEFAULT_LEASE_MS = 10 * 60_000;

export class ReminderScheduler {
  readonly worker: string;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.worker = options.worker ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** Enqueue what is due today, then send everything ready. */
  async tick(): Promise<TickResult> {
    const queued = await this.enqueueDue();
    return { queued, ...(await this.drain()) };
  }

  async enqueueDue(): Promise<string[]> {
    const { store, catalog } = this.options;
    const asOf = this.options.today();
    const queued: string[] = [];
    for (const settings of await store.reminders.enabledSettings()) {
      try {
        const due = await personReminders({ store, catalog }, settings.personId, asOf, settings.thresholds);
        queued.push(...(await store.reminders.enqueue(due, this.options.now())));
      } catch (error) {
        // One person's wallet (removed meanwhile, a catalog change) must not stop everyone's reminders.
        this.options.log?.(`reminders: cannot enqueue for "${settings.personId}"`, error);
      }
    }
    return queued;
  }

  async drain(): Promise<Omit<TickResult, 'queued'>> {
    const out = { sent: [] as string[], failed: [] as string[], skipped: [] as string[] };
    const { store } = this.options;
    for (;;) {
      const batch = await store.reminders.claim(this.worker, this.options.now(), this.options.leaseMs ?? DEFAULT_LEASE_MS, this.options.batchSize ?? 20);
      if (batch.length === 0) return out;
      for (const item of batch) {
        const result = await this.sendOne(item);
        out[result].push(item.key);
      }
    }
  }

  private async sendOne(item: OutboxItem): Promise<'sent' | 'failed' | 'skipped'> {
    const { store } = this.options;
    const settings = await store.reminders.getSettings(item.personId).catch(() => null);
    const days = thresholdDays(item.threshold);
    if (settings === null || !settings.enabled || settings.email === null || settings.unsubscribeToken === null || (days !== null && !settings.thresholds.includes(days))) {
      await store.reminders.markSkipped(item.key, this.worker, 'reminders were turned off (or this threshold deselected) before it was sent');
      return 'skipped';
    }
    try {
      await this.options.mailer.send(reminderEmail(item, settings.email, this.options.from, { publicUrl: this.options.publicUrl, unsubscribeToken: settings.unsubscribeToken }));
    } catch (error) {
      const give = item.attempts >= (this.options.maxAttempts ?? 5);
      const retryAt = give ? null : new Date(this.options.now().getTime() + Math.min(60 * 60_000, 60_000 * 2 ** (item.attempts - 1)));
      await store.reminders.markFailed(item.key, this.worker, error instanceof Error ? error.message : String(error), retryAt);
      this.options.log?.(`reminders: sending ${item.key} failed${give ? '; giving up' : `; retrying at ${retryAt!.toISOString()}`}`, error);
      return 'failed';
    }
    // At-least-once: if the process dies here, the lease lapses and the email is sent again (decision 0011).
    await store.reminders.markSent(item.key, this.worker, this.options.now());
    return 'sent';
  }

  /** Ticks every `intervalMs` (never two at once), starting now. */
  start(intervalMs: number): void {
    const run = (): void => {
      if (this.running !== undefined) return;
      this.running = this.tick()
        .catch((error: unknown) => this.options.log?.('reminders: tick failed', error))
        .finally(() => {
          this.running = undefined;
        });
    };
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
    run();
  }

  /** Stops the timer and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
