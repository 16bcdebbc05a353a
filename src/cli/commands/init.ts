import type { Command } from 'commander';
import type { Io } from '../io.js';
import { addWalletOptions, withWallet, type WalletOptions } from './wallet-options.js';

/** `recert init`: creates the data folder, the database (migrated) and the person's wallet. */
export function registerInit(program: Command, io: Io): void {
  addWalletOptions(program.command('init'))
    .description('create the data folder and an empty wallet (safe to run again)')
    .option('--name <name>', "the person's display name", 'Me')
    .action(async (options: WalletOptions & { name: string }) => {
      await withWallet(options, async ({ store, person, actor, dataDir }) => {
        const { SQLITE_FILE_NAME } = await import('../../store/open-store.js');
        const where = store.engine === 'sqlite' ? `${dataDir}/${SQLITE_FILE_NAME}` : 'PostgreSQL (DATABASE_URL)';
        if ((await store.listPeople()).some((p) => p.id === person)) {
          io.out(`recert: already initialized: wallet "${person}" in ${where}`);
          return;
        }
        await store.createPerson({ id: person, name: options.name }, actor);
        io.out(`recert: created wallet "${person}" in ${where}`);
      }, true);
    });
}
