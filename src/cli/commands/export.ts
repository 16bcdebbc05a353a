import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { activitiesToCsv } from '../../store/profile-csv.js';
import type { Io } from '../io.js';
import { addWalletOptions, withWallet, type WalletOptions } from './wallet-options.js';

/** `recert export`: json is the profile format (re-importable); csv is the CE log, one row per credit line. */
export function registerExport(program: Command, io: Io): void {
  addWalletOptions(program.command('export'))
    .description('export your wallet: json (profile format) or csv (CE log)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: WalletOptions & { format: 'json' | 'csv'; out?: string }) => {
      await withWallet(options, async ({ store, person }) => {
        const profile = await store.loadProfile(person);
        const text = options.format === 'csv' ? activitiesToCsv(profile, await store.listEvidence(person)) : `${JSON.stringify(profile, null, 2)}\n`;
        if (options.out === undefined) io.out(text.trimEnd());
        else {
          writeFileSync(options.out, text);
          io.out(`wrote ${options.out}`);
        }
      });
    });
}
