import type { Command } from 'commander';
import { loadCatalogDir } from '../../io/load-catalog-dir.js';
import { readProfileFile } from '../../io/read-profile-file.js';
import type { Io } from '../io.js';

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('check a profile file against the format and the catalog')
    .argument('<profile>', 'profile JSON file')
    .option('--catalog-dir <dir>', 'rule catalog folder (default: the shipped catalog)')
    .action(async (profilePath: string, options: { catalogDir?: string }) => {
      const catalog = await loadCatalogDir(options.catalogDir);
      const profile = readProfileFile(profilePath, catalog);
      io.out(`${profilePath}: valid (${profile.credentials.length} credentials, ${profile.renewals.length} renewals, ${profile.activities.length} activities)`);
    });
}
