/**
 * `recert remind --dry-run [--as-of DATE] [--json]`: the reminders due on a date for one person, each
 * with its idempotency key, without sending anything (with or without SMTP configured).
 * `recert remind [--as-of DATE]`: one run of the server's scheduler for cron users: queues what is due
 * for everyone with reminders on and sends it by SMTP (SMTP_URL, MAIL_FROM, PUBLIC_URL). The outbox's
 * idempotency keys make it safe to run next to a server or twice.
 */
import type { Command } from 'commander';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { RecertError } from '../../shared/recert-error.js';
import { parseAsOf, type Io } from '../io.js';
import { addWalletOptions, today, withWallet, type WalletOptions } from './wallet-options.js';

export function registerRemind(program: Command, io: Io): void {
  addWalletOptions(program.command('remind'))
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
}
