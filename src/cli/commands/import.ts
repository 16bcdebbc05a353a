import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkProfileReferences } from '../../profile/parse-profile.js';
import { profileSchema } from '../../profile/profile-schema.js';
import { parseLocated } from '../../shared/parse-located.js';
import { RecertError } from '../../shared/recert-error.js';
import { discardOrphans } from '../../store/evidence/attach-evidence.js';
import { importCheck } from '../../store/import-check.js';
import type { Io } from '../io.js';
import { addWalletOptions, withWallet, type WalletOptions } from './wallet-options.js';

/**
 * `recert import PROFILE.json`: all or nothing, in one transaction. Every problem is reported with the
 * file, line, row and field (`activities[3].credits[0].units`), and nothing is written.
 */
export function registerImport(program: Command, io: Io): void {
  addWalletOptions(program.command('import'))
    .description('import a profile file into your wallet (all or nothing)')
    .argument('<profile>', 'profile JSON file')
    .option('--replace', 'make the wallet equal to the file instead of adding to it')
    .action(async (file: string, options: WalletOptions & { replace?: boolean }) => {
      if (!existsSync(file)) throw new RecertError([{ code: 'FILE_NOT_FOUND', file, path: '', message: 'profile file not found' }]);
      const parsed = parseLocated(readFileSync(file, 'utf8'), file, profileSchema, { syntax: 'PROFILE_SYNTAX', schema: 'PROFILE_SCHEMA' });
      if (!parsed.ok) throw new RecertError(parsed.issues);
      const mode = options.replace ? 'replace' : 'merge';
      await withWallet(options, async ({ store, files, person, actor, catalog }) => {
        const check = importCheck(mode, (p) => checkProfileReferences(p, catalog()).map((issue) => ({ ...issue, file })));
        const summary = await store.importProfile(person, parsed.value, { mode, actor, check });
        await discardOrphans(files, summary.removed);
        io.out(`${mode === 'replace' ? 'replaced wallet with' : 'imported'} ${summary.credentials} credentials, ${summary.renewals} renewals, ${summary.activities} activities from ${file}`);
      });
    });
}
