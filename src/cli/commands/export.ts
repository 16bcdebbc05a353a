import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { RecertError } from '../../shared/recert-error.js';
import { activitiesToCsv } from '../../store/profile-csv.js';
import type { Io } from '../io.js';
import { writeAtomically } from './audit.js';
import { addWalletOptions, withWallet, type WalletOptions } from './wallet-options.js';

/**
 * `recert export`: json is the profile format (re-importable); csv is the CE log, one row per credit
 * line; `--all --out FILE.zip` is everything kept about the person (src/export/data-export.ts).
 */
export function registerExport(program: Command, io: Io): void {
  addWalletOptions(program.command('export'))
    .description('export your wallet: json (profile format) or csv (CE log); --all: all your data and evidence files as a ZIP')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('--all', 'everything kept about you as a ZIP (wallet.json, change-log.json, account.json, evidence files); needs --out')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: WalletOptions & { format: 'json' | 'csv'; out?: string; all?: boolean }) => {
      if (options.all === true) {
        if (options.out === undefined) throw new RecertError([{ code: 'USAGE', path: '--out', message: 'export --all writes a ZIP: give the file with --out FILE.zip' }]);
        const out = options.out;
        await withWallet(options, async ({ store, files, person }) => {
          const { dataExportStream } = await import('../../export/data-export.js');
          await writeAtomically(out, await dataExportStream({ store, blobs: files, personId: person, now: new Date() }));
          io.out(`wrote ${out}`);
        });
        return;
      }
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
