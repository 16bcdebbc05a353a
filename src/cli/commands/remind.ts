/**
 * `recert remind --dry-run [--as-of DATE] [--json]`: the reminders due on a date for one person, each
 * with its idempotency key, without sending anything (with or without SMTP configured).
 * `recert remind [--as-of DATE]`: one run of the server's scheduler for cron users: queues what is due
 * for everyone with reminders on and sends it by SMTP (SMTP_URL, MAIL_FROM, PUBLIC_URL). The outbox's
 * idempotency keys make it safe to run next to a server or twice.
 * `recert remind settings [--on | --off] [--email ADDR] [--thresholds 90,60,30,7]`: show or change the
 * person's reminder settings (the same as the web app's panel and PUT /api/people/{id}/reminder-settings).
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { RecertError } from '../../shared/recert-error.js';
import { parseAsOf, type Io } from '../io.js';
import { addWalletOptions, today, withWallet, type WalletOptions } from './wallet-options.js';

export function registerRemind(program: Command, io: Io): void {
  const remind = addWalletOptions(program.command('remind'))
    .description('send the reminder emails due now (SMTP_URL, MAIL_FROM), or list them with --dry-run')
    .option('--dry-run', "list the person's reminders due, without sending")
    .option('--as-of <date>', 'the date to check on (default: today)', parseAsOf)
    .option('--json', 'print JSON')
    .action(async (options: WalletOptions & { dryRun?: boolean; asOf?: CalendarDate; json?: boolean }) => {
      const { personReminders } = await import('../../reminders/person-reminders.js');
      if (options.dryRun) {
        await withWallet(options, async ({ store, person, catalog }) => {
          const asOf = options.asOf ?? today();
          const reminders = await personReminders({ store, catalog: catalog() }, person, asOf);
          if (options.json) return io.out(JSON.stringify(reminders, null, 2));
          if (reminders.length === 0) return io.out(`no reminders due on ${asOf}`);
          for (const r of reminders) io.out(`${r.key} (due ${r.dueOn})\n  Subject: ${r.subject}\n  ${r.body.replace(/\n+/g, '\n  ')}`);
        });
        return;
      }
      const smtpUrl = process.env.SMTP_URL || undefined;
      const from = process.env.MAIL_FROM || undefined;
      if (smtpUrl === undefined || from === undefined) {
        throw new RecertError([{ code: 'USAGE', path: smtpUrl === undefined ? 'SMTP_URL' : 'MAIL_FROM', message: 'to send reminders set SMTP_URL and MAIL_FROM; or use --dry-run to list the reminders due' }]);
      }
      const [{ smtpMailer }, { ReminderScheduler }, { publicUrlOf }] = await Promise.all([
        import('../../reminders/mailer.js'), import('../../reminders/reminder-scheduler.js'), import('../../reminders/reminder-email.js'),
      ]);
      await withWallet(options, async ({ store, catalog }) => {
        const mailer = smtpMailer(smtpUrl);
        try {
          const asOf = options.asOf ?? today();
          const scheduler = new ReminderScheduler({
            store, catalog: catalog(), mailer, from, publicUrl: publicUrlOf(process.env.PUBLIC_URL, Number(process.env.PORT ?? 3000)),
            now: () => new Date(), today: () => asOf, log: (message, error) => io.err(`${message}: ${error instanceof Error ? error.message : String(error)}`),
          });
          const result = await scheduler.tick();
          if (options.json) return io.out(JSON.stringify(result, null, 2));
          io.out(result.sent.length === 0 ? 'no reminders to send' : `sent ${result.sent.length} reminder${result.sent.length === 1 ? '' : 's'}:\n${result.sent.map((k) => `  ${k}`).join('\n')}`);
          if (result.failed.length > 0) throw new RecertError([{ code: 'INTERNAL', path: 'SMTP_URL', message: `${result.failed.length} reminder(s) could not be sent; they are retried on the next run: ${result.failed.join(', ')}` }]);
        } finally {
          mailer.close();
        }
      });
    });

  // The wallet options (--data-dir, --person, --catalog-dir) belong to `remind` and apply here too.
  remind.command('settings')
    .description('show or change your reminder emails: on or off, the address, the thresholds')
    .option('--on', 'turn reminder emails on (needs an address)')
    .option('--off', 'turn reminder emails off')
    .option('--email <address>', 'where to send them')
    .option('--thresholds <days>', 'days before a deadline or card expiry, comma-separated (from 90,60,30,7)', parseThresholds)
    .action(async (_local: unknown, command: Command) => {
      const options = command.optsWithGlobals<WalletOptions & { on?: boolean; off?: boolean; email?: string; thresholds?: number[] }>();
      if (options.on && options.off) throw new RecertError([{ code: 'USAGE', path: '--on', message: 'choose --on or --off, not both' }]);
      if (options.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email)) throw new RecertError([{ code: 'USAGE', path: '--email', message: `expected an email address, got "${options.email}"` }]);
      await withWallet(options, async ({ store, person, actor }) => {
        const current = await store.reminders.getSettings(person);
        const change = options.on || options.off || options.email !== undefined || options.thresholds !== undefined;
        const next = { enabled: options.on ? true : options.off ? false : current.enabled, email: options.email ?? current.email, thresholds: options.thresholds ?? current.thresholds };
        if (next.enabled && next.email === null) throw new RecertError([{ code: 'USAGE', path: '--email', message: 'an email address is needed to turn reminders on: add --email ADDRESS' }]);
        const settings = change ? await store.reminders.putSettings(person, next, actor) : current;
        io.out(`reminder emails: ${settings.enabled ? 'on' : 'off'}${settings.email === null ? '' : ` (${settings.email})`}; thresholds: ${settings.thresholds.join(', ') || 'none'} days before; grace reminders always`);
        if (settings.unsubscribeToken !== null) io.out(`unsubscribe link: /unsubscribe/${settings.unsubscribeToken} on the server`);
      });
    });
}

function parseThresholds(value: string): number[] {
  const days = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const allowed = ['90', '60', '30', '7'];
  const wrong = days.find((d) => !allowed.includes(d));
  if (wrong !== undefined) throw new InvalidArgumentError(`expected days from 90, 60, 30, 7 separated by commas, got "${wrong}"`);
  return [...new Set(days.map(Number))];
}
