import type { Command } from 'commander';
import { evaluate } from '../../engine/evaluate.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { renderReport } from '../render-report.js';
import { statusExitCode } from '../status-exit-code.js';
import { parseAsOf, type Io } from '../io.js';
import { toJson } from './check.js';
import { addWalletOptions, today, withWallet, type WalletOptions } from './wallet-options.js';

/** `recert status`: the wallet from the store, evaluated on --as-of (default: today, computed here); exit 0/3/4 by status. */
export function registerStatus(program: Command, io: Io): void {
  addWalletOptions(program.command('status'))
    .description('show where each credential in your wallet stands')
    .option('--as-of <date>', 'the date to evaluate on (default: today)', parseAsOf)
    .option('--json', 'print a machine-readable report')
    .action(async (options: WalletOptions & { asOf?: CalendarDate; json?: boolean }) => {
      await withWallet(options, async ({ store, person, catalog }) => {
        const report = evaluate(catalog(), await store.loadProfile(person), options.asOf ?? today());
        io.out(options.json ? JSON.stringify(toJson(report), null, 2) : renderReport(report));
        io.exitWith?.(statusExitCode(report));
      });
    });
}
