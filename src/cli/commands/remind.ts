/**
 * `recert remind --dry-run [--as-of DATE] [--json]`: the reminders due on a date, each with its
 * idempotency key, without sending anything. (Sending by email is not built yet: see docs/app.md.)
 */
import type { Command } from 'commander';
import { evaluate } from '../../engine/evaluate.js';
import { dueReminders } from '../../engine/reminders.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { RecertError } from '../../shared/recert-error.js';
import { parseAsOf, type Io } from '../io.js';
import { addWalletOptions, today, withWallet, type WalletOptions } from './wallet-options.js';

export function registerRemind(program: Command, io: Io): void {
  addWalletOptions(program.command('remind'))
    .description('list the reminders due (90/60/30/7 days before a deadline, grace, card expiry) without sending them')
    .option('--dry-run', 'list what would be sent (required: recert does not send email yet)')
    .option('--as-of <date>', 'the date to check on (default: today)', parseAsOf)
    .option('--json', 'print JSON')
    .action(async (options: WalletOptions & { dryRun?: boolean; asOf?: CalendarDate; json?: boolean }) => {
      if (!options.dryRun) throw new RecertError([{ code: 'USAGE', path: '--dry-run', message: 'recert does not send email yet; use --dry-run to list the reminders due' }]);
      await withWallet(options, async ({ store, person, catalog }) => {
        const asOf = options.asOf ?? today();
        const reminders = dueReminders(person, evaluate(catalog(), await store.loadProfile(person), asOf));
        if (options.json) return io.out(JSON.stringify(reminders, null, 2));
        if (reminders.length === 0) return io.out(`no reminders due on ${asOf}`);
        for (const r of reminders) io.out(`${r.key} (due ${r.dueOn})\n  Subject: ${r.subject}\n  ${r.body.replace(/\n+/g, '\n  ')}`);
      });
    });
}
