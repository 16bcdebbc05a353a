/** `recert credential add|list|renew|remove`: the credentials in a wallet. */
import type { Command } from 'commander';
import { credentialWarnings, renewalWarnings } from '../../engine/entry-warnings.js';
import { checkProfileReferences } from '../../profile/parse-profile.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { RecertError } from '../../shared/recert-error.js';
import { findProgramId } from '../../catalog/find-program.js';
import { entryIssues } from '../../store/import-check.js';
import { parseAsOf, type Io } from '../io.js';
import { printWarnings } from '../print-warnings.js';
import { addWalletOptions, today, withWallet, type WalletOptions } from './wallet-options.js';

export function registerCredential(program: Command, io: Io): void {
  const credential = program.command('credential').description('add, list, renew or remove credentials in your wallet');

  addWalletOptions(credential.command('add'))
    .description('add a credential you hold (see `recert programs` for program ids)')
    .argument('<program>', 'catalog program id, e.g. nasm-cpt')
    .requiredOption('--earned <date>', 'the date you earned it (YYYY-MM-DD)', parseAsOf)
    .option('--id <id>', 'your id for it (default: the program id)')
    .option('--number <number>', 'certificate or card number, kept for audits')
    .action(async (typed: string, options: WalletOptions & { earned: CalendarDate; id?: string; number?: string }) => {
      await withWallet(options, async (wallet) => {
        // Program ids are matched without regard to case; an unknown one gets a "did you mean".
        const programId = findProgramId(wallet.catalog(), typed) ?? typed;
        const fields = { program: programId, earned: options.earned, ...(options.number === undefined ? {} : { number: options.number }) };
        const issues = entryIssues({ credential: { ...fields, id: options.id ?? programId } }, (p) => checkProfileReferences(p, wallet.catalog()));
        if (issues.length > 0) throw new RecertError(issues);
        // Without --id the store picks the id inside its transaction (no race with the server).
        const entry = await wallet.store.addCredential(wallet.person, { ...fields, id: options.id }, wallet.actor);
        io.out(`added credential "${entry.id}" (${wallet.catalog().programs.get(programId)?.name ?? programId}), earned ${entry.earned}`);
        printWarnings(io, credentialWarnings(wallet.catalog(), await wallet.store.loadProfile(wallet.person), entry, today()));
      });
    });

  addWalletOptions(credential.command('list'))
    .description('list your credentials and their renewals')
    .option('--json', 'print JSON')
    .action(async (options: WalletOptions & { json?: boolean }) => {
      await withWallet(options, async ({ store, person, catalog }) => {
        const [credentials, renewals] = await Promise.all([store.listCredentials(person), store.listRenewals(person)]);
        const rows = credentials.map((c) => ({ ...c, renewals: renewals.filter((r) => r.credential === c.id).map((r) => r.date) }));
        if (options.json) return io.out(JSON.stringify(rows, null, 2));
        if (rows.length === 0) return io.out('No credentials yet. Add one with `recert credential add <program> --earned YYYY-MM-DD`.');
        for (const row of rows) {
          const name = catalog().programs.get(row.program)?.name ?? row.program;
          const renewed = row.renewals.length === 0 ? '' : `; renewed ${row.renewals.join(', ')}`;
          io.out(`${row.id.padEnd(14)} ${name}, earned ${row.earned}${row.number === undefined ? '' : ` (no. ${row.number})`}${renewed}`);
        }
      });
    });

  addWalletOptions(credential.command('renew'))
    .description('record that you renewed a credential')
    .argument('<id>', 'the credential id')
    .requiredOption('--date <date>', 'the renewal date (YYYY-MM-DD)', parseAsOf)
    .action(async (id: string, options: WalletOptions & { date: CalendarDate }) => {
      await withWallet(options, async ({ store, person, actor, catalog }) => {
        const before = await store.loadProfile(person);
        await store.addRenewal(person, { credential: id, date: options.date }, actor);
        io.out(`recorded renewal of "${id}" on ${options.date}`);
        printWarnings(io, renewalWarnings(catalog(), before, { credential: id, date: options.date }));
      });
    });

  addWalletOptions(credential.command('remove'))
    .description('remove a credential and its renewals')
    .argument('<id>', 'the credential id')
    .action(async (id: string, options: WalletOptions) => {
      await withWallet(options, async ({ store, person, actor }) => {
        await store.removeCredential(person, id, actor);
        io.out(`removed credential "${id}"`);
      });
    });
}
