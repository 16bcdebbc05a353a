/**
 * `recert remind` (no --dry-run) sends the due reminders by SMTP for cron users, through the same
 * outbox as the server: a second run sends nothing. A real SMTP server (smtp-server) receives them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'recert-remind-cli-'));
const data = join(dir, 'data');
let sink: SmtpSink;
const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM, PUBLIC_URL: process.env.PUBLIC_URL };

beforeAll(async () => {
  sink = await startSmtpSink();
  expect((await cli('init', '--data-dir', data)).code).toBe(0);
  expect((await cli('credential', 'add', 'nasm-cpt', '--earned', '2025-03-01', '--id', 'cpt', '--data-dir', data)).code).toBe(0);
}, 30_000);
afterAll(async () => {
  Object.assign(process.env, saved);
  for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recert remind settings', () => {
  it('shows the defaults, refuses to turn on without an address, and saves on, address and thresholds', async () => {
    expect(await cli('remind', 'settings', '--data-dir', data)).toMatchObject({ code: 0, out: 'reminder emails: off; thresholds: 90, 60, 30, 7 days before; grace reminders always' });
    const noAddress = await cli('remind', 'settings', '--on', '--data-dir', data);
    expect(noAddress.code).toBe(2);
    expect(noAddress.err).toContain('an email address is needed to turn reminders on');
    expect((await cli('remind', 'settings', '--thresholds', '90,45', '--data-dir', data)).code).toBe(2);
    const on = await cli('remind', 'settings', '--on', '--email', 'sam@example.com', '--thresholds', '7,30,90,60', '--data-dir', data);
    expect(on.code).toBe(0);
    expect(on.out).toMatch(/^reminder emails: on \(sam@example\.com\); thresholds: 90, 60, 30, 7 days before; grace reminders always\nunsubscribe link: \/unsubscribe\/[A-Za-z0-9_-]{43} on the server$/);
  });
});

describe('recert remind', () => {
  it('refuses to send without SMTP_URL and MAIL_FROM, naming them', async () => {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    const result = await cli('remind', '--data-dir', data);
    expect(result.code).toBe(2);
    expect(result.err).toContain('to send reminders set SMTP_URL and MAIL_FROM; or use --dry-run');
    expect(sink.messages).toHaveLength(0);
  });

  it('sends what is due once; run again, it sends nothing', async () => {
    process.env.SMTP_URL = sink.url;
    process.env.MAIL_FROM = 'reminders@recert.example.org';
    process.env.PUBLIC_URL = 'https://recert.example.org';
    const first = await cli('remind', '--as-of', '2027-02-25', '--data-dir', data);
    expect(first).toMatchObject({ code: 0, out: 'sent 1 reminder:\n  me/cpt/cycle-1/deadline-7' });
    expect(sink.keys()).toEqual(['me/cpt/cycle-1/deadline-7']);
    expect(sink.messages[0]!.text).toContain('Your dashboard: https://recert.example.org/');
    expect(await cli('remind', '--as-of', '2027-02-26', '--data-dir', data)).toMatchObject({ code: 0, out: 'no reminders to send' });
    expect(sink.messages).toHaveLength(1);
  });
});
