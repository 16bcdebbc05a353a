/**
 * `recert calendar --out FILE.ics`: the same iCalendar file the feed serves.
 * `recert calendar token [--rotate | --revoke]`: show (issuing on first use), replace or remove the
 * secret feed token; the feed is then at /ical/{token}.ics on the server.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { RecertError } from '../../shared/recert-error.js';
import { parseAsOf, type Io } from '../io.js';
import { addWalletOptions, today, withWallet, type WalletOptions } from './wallet-options.js';

export function registerCalendar(program: Command, io: Io): void {
  const calendar = addWalletOptions(program.command('calendar'))
    .description('write your deadlines, grace ends and card expiries as an iCalendar file (with reminders at 90, 30 and 7 days)')
    .option('--out <file>', 'the .ics file to write (default: standard output)')
    .option('--as-of <date>', 'the date to evaluate on (default: today)', parseAsOf)
    .action(async (options: WalletOptions & { out?: string; asOf?: CalendarDate }) => {
      await withWallet(options, async ({ store, person, catalog }) => {
        // Loaded on use: ical-generator is only needed by this command.
        const { personCalendar } = await import('../../calendar/person-calendar.js');
        const text = await personCalendar({ store, catalog: catalog() }, person, { asOf: options.asOf ?? today(), now: new Date() });
        if (options.out === undefined) return io.out(text.trimEnd());
        try {
          writeFileSync(options.out, text);
        } catch (error) {
          throw new RecertError([{ code: 'FILE_NOT_FOUND', path: '--out', message: `cannot write "${options.out}" (${(error as NodeJS.ErrnoException).code ?? String(error)}): does its folder exist?` }]);
        }
        io.out(`wrote ${options.out}`);
      });
    });

  // The wallet options (--data-dir, --person, --catalog-dir) belong to `calendar` and apply here too.
  calendar.command('token')
    .description('show your secret calendar feed address (issuing it on first use), or replace or revoke it')
    .option('--rotate', 'replace the token: the old address stops working')
    .option('--revoke', 'remove the token: no address works until you ask for one again')
    .action(async (_local: unknown, command: Command) => {
      const options = command.optsWithGlobals<WalletOptions & { rotate?: boolean; revoke?: boolean }>();
      if (options.rotate && options.revoke) throw new RecertError([{ code: 'USAGE', path: '--rotate', message: 'choose --rotate or --revoke, not both' }]);
      await withWallet(options, async ({ store, person, actor }) => {
        if (options.revoke) {
          const had = await store.calendarFeeds.revoke(person, actor);
          return io.out(had ? 'calendar feed revoked: its address no longer works' : 'no calendar feed to revoke');
        }
        const feed = options.rotate ? await store.calendarFeeds.rotate(person, actor) : await store.calendarFeeds.ensure(person, actor);
        io.out(`${options.rotate ? 'new ' : ''}calendar feed: /ical/${feed.token}.ics`);
        io.out(`subscribe to it on the server, e.g. http://localhost:${process.env.PORT ?? '3000'}/ical/${feed.token}.ics`);
      });
    });
}
