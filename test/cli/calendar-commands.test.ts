/** `recert calendar --out` and `recert calendar token` on a temporary SQLite wallet; the file is parsed by ical.js. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../calendar/parse-feed.js';
import { walletCli } from './run-cli.js';

const { dir, out, err, recert } = walletCli('recert-calendar-cli-');

beforeAll(async () => {
  await recert('init');
  await recert('credential', 'add', 'nasm-cpt', '--earned', '2025-03-01', '--id', 'cpt');
  await recert('credential', 'add', 'cpr-aed', '--earned', '2025-01-10', '--id', 'cpr');
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recert calendar', () => {
  it('writes the feed as an .ics file that an independent parser reads', async () => {
    const file = join(dir, 'recert.ics');
    expect(await recert('calendar', '--out', file, '--as-of', '2026-06-01')).toBe(0);
    expect(out.join('\n')).toBe(`wrote ${file}`);
    const events = parseFeed(readFileSync(file, 'utf8'));
    expect(events.map((e) => e.uid).sort()).toEqual([
      'me/cpr/card-expires/cycle-1@recert', 'me/cpt/grace-ends/cycle-1@recert', 'me/cpt/renewal-deadline/cycle-1@recert',
    ]);
    expect(events.every((e) => e.startIsDate && e.triggers.join() === '-P90D,-P30D,-P7D')).toBe(true);
  });

  it('shows, rotates and revokes the feed token', async () => {
    expect(await recert('calendar', 'token')).toBe(0);
    const first = /\/ical\/([A-Za-z0-9_-]{43})\.ics/.exec(out[0]!)![1];
    expect(await recert('calendar', 'token')).toBe(0);
    expect(out[0]).toContain(first);
    expect(await recert('calendar', 'token', '--rotate')).toBe(0);
    expect(out[0]).toMatch(/^new calendar feed: \/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(out[0]).not.toContain(first);
    expect(await recert('calendar', 'token', '--revoke')).toBe(0);
    expect(out[0]).toBe('calendar feed revoked: its address no longer works');
    expect(await recert('calendar', 'token', '--revoke')).toBe(0);
    expect(out[0]).toBe('no calendar feed to revoke');
    expect(await recert('calendar', 'token', '--revoke', '--rotate')).toBe(2);
    expect(err.join('\n')).toContain('[USAGE]');
  });
});

describe('recert remind --dry-run', () => {
  it('lists the reminders due on a date with their idempotency keys, and sends nothing', async () => {
    expect(await recert('remind', '--dry-run', '--as-of', '2027-02-25', '--json')).toBe(0);
    const reminders = JSON.parse(out.join('\n')) as { key: string; subject: string }[];
    expect(reminders.map((r) => r.key)).toEqual(['me/cpt/cycle-1/deadline-7']);
    expect(await recert('remind', '--dry-run', '--as-of', '2027-02-25')).toBe(0);
    expect(out.join('\n')).toMatch(/^me\/cpt\/cycle-1\/deadline-7 \(due 2027-02-22\)\n {2}Subject: .*deadline 2027-03-01/);
    expect(await recert('remind', '--dry-run', '--as-of', '2026-01-01')).toBe(0);
    expect(out.join('\n')).toBe('no reminders due on 2026-01-01');
    expect(await recert('remind')).toBe(2);
    expect(err.join('\n')).toContain('use --dry-run');
  });
});
