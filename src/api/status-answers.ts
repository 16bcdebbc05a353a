/**
 * The status answers of wallets (the JSON GET /people/:id/status sends, as UTF-8 bytes ready for the socket), kept with the wallet
 * stamp they were computed from. Every write to a wallet replaces its stamp in the write's own
 * transaction (src/store/wallet-stamp.ts), so an answer is served again only while the database still
 * holds that stamp: a write through any process, on either engine, makes the next request compute
 * afresh. Nothing here has to be shared between processes, and nothing served is stale.
 *
 * Why it is safe to read the stamp before the wallet, in two statements: a write landing between them
 * gives an answer newer than its stamp, kept under the older stamp; every request that starts after
 * that write reads the newer stamp and misses, so the mix is only ever served to requests that ran
 * alongside the write.
 *
 * Only recert's own store writes replace the stamp. A write that bypasses it (SQL typed by hand, a
 * server process of a version before migration 012 still running during an upgrade) is seen once the
 * answer is `maxAgeMs` old (a minute): the bound on staleness for writers that do not keep the stamp.
 *
 * Memory is bounded: at most `maxBytes` of answers (least recently used people go first), and a
 * person's answers not asked for within `maxIdleMs` (a minute) are dropped, as they are as soon as a
 * request finds the person gone (removed or erased).
 */
import type { Store } from '../store/store.js';

interface PersonAnswers {
  readonly stamp: string;
  /** Answer bytes per question (the as-of date and the detail asked for), and when each was computed. */
  readonly byQuestion: Map<string, { readonly body: Buffer; readonly at: number }>;
  bytes: number;
  lastUsed: number;
}

export interface StatusAnswerLimits {
  readonly maxBytes: number;
  readonly maxIdleMs: number;
  /** An answer older than this is computed again even if the stamp is unchanged (see the file comment). */
  readonly maxAgeMs: number;
  /** Milliseconds since an epoch; tests pass their own. */
  readonly now: () => number;
}

const DEFAULT_LIMITS: StatusAnswerLimits = { maxBytes: 64 * 1024 * 1024, maxIdleMs: 60_000, maxAgeMs: 60_000, now: () => Date.now() };

export class StatusAnswers {
  /** In least-recently-used order: a person is moved to the end on every use. */
  private readonly people = new Map<string, PersonAnswers>();
  private bytes = 0;
  private readonly limits: StatusAnswerLimits;
  /** How many answers were computed (not served from memory); read by tests. */
  computed = 0;

  constructor(private readonly store: Pick<Store, 'walletStamp'>, limits: Partial<StatusAnswerLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /**
   * The answer to `question` (a key naming everything the answer depends on besides the wallet: the
   * as-of date, the detail asked for) for the person's wallet as it stands now in the database;
   * `compute` loads the wallet and builds the answer when none is kept for the current stamp.
   */
  async answer(personId: string, question: string, compute: () => Promise<Buffer>): Promise<Buffer> {
    const stamp = await this.store.walletStamp(personId);
    const now = this.limits.now();
    this.dropIdle(now);
    let kept = this.people.get(personId);
    if (kept !== undefined && kept.stamp !== stamp) {
      this.forget(personId);
      kept = undefined;
    }
    const hit = kept?.byQuestion.get(question);
    if (kept !== undefined && hit !== undefined && now - hit.at <= this.limits.maxAgeMs) {
      this.touch(personId, kept, now);
      return hit.body;
    }
    this.computed++;
    // Throws NOT_FOUND for a person that is gone (stamp undefined): nothing is kept for them.
    const body = await compute();
    if (typeof stamp === 'string') this.keep(personId, stamp, question, body, now);
    return body;
  }

  private keep(personId: string, stamp: string, question: string, body: Buffer, now: number): void {
    let kept = this.people.get(personId);
    // Another request may have kept a newer stamp's answers meanwhile: the later computation wins.
    if (kept !== undefined && kept.stamp !== stamp) this.forget(personId);
    kept = this.people.get(personId);
    if (kept === undefined) {
      kept = { stamp, byQuestion: new Map(), bytes: 0, lastUsed: now };
      this.people.set(personId, kept);
    }
    const before = kept.byQuestion.get(question)?.body.length ?? 0;
    kept.byQuestion.set(question, { body, at: now });
    kept.bytes += body.length - before;
    this.bytes += body.length - before;
    this.touch(personId, kept, now);
    for (const [id] of this.people) {
      if (this.bytes <= this.limits.maxBytes) break;
      this.forget(id);
    }
  }

  private touch(personId: string, kept: PersonAnswers, now: number): void {
    kept.lastUsed = now;
    this.people.delete(personId);
    this.people.set(personId, kept);
  }

  private dropIdle(now: number): void {
    for (const [id, kept] of this.people) {
      if (now - kept.lastUsed <= this.limits.maxIdleMs) break;
      this.forget(id);
    }
  }

  private forget(personId: string): void {
    const kept = this.people.get(personId);
    if (kept === undefined) return;
    this.bytes -= kept.bytes;
    this.people.delete(personId);
  }

  /** People and bytes held; read by tests. */
  get size(): { readonly people: number; readonly bytes: number } {
    return { people: this.people.size, bytes: this.bytes };
  }
}
