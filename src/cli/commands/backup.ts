/**
 * `recert backup --out FILE` and `recert restore FILE`: the SQLite data folder (database and evidence
 * files) to one archive and back (src/store/backup/sqlite-backup.ts). Backup is safe while the server
 * runs; restore is all or nothing and wants the server stopped. With DATABASE_URL, PostgreSQL holds
 * everything, evidence included: back it up with pg_dump (docs/app.md).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { RecertError } from '../../shared/recert-error.js';
import type { Io } from '../io.js';
import { dataDirOf } from './wallet-options.js';

function refusePostgres(command: string): void {
  if (process.env.DATABASE_URL) {
    throw new RecertError([{ code: 'USAGE', path: 'DATABASE_URL', message: `recert ${command} works on the SQLite data folder; with DATABASE_URL everything, evidence included, is in PostgreSQL: use pg_dump and pg_restore (see docs/app.md, "Backup and restore")` }]);
  }
}

export function registerBackup(program: Command, io: Io): void {
  program.command('backup')
    .description('copy the database and the evidence files into one archive (safe while the server runs)')
    .requiredOption('--out <file>', 'the archive to write (a zip file)')
    .option('--data-dir <dir>', 'data folder (default: $RECERT_DATA_DIR or ./data)')
    .action(async (options: { out: string; dataDir?: string }) => {
      refusePostgres('backup');
      const { backupSqlite } = await import('../../store/backup/sqlite-backup.js');
      const summary = await backupSqlite(dataDirOf(options), resolve(options.out));
      io.out(`recert: backed up ${dataDirOf(options)} to ${summary.file}: the database (${summary.databaseBytes} bytes) and ${summary.evidenceFiles} evidence file(s)`);
    });

  program.command('restore')
    .description('replace the data folder with a backup, all or nothing (stop the server first)')
    .argument('<file>', 'an archive written by `recert backup`')
    .option('--data-dir <dir>', 'data folder (default: $RECERT_DATA_DIR or ./data)')
    .option('--force', 'replace a data folder that is not empty')
    .action(async (file: string, options: { dataDir?: string; force?: boolean }) => {
      refusePostgres('restore');
      const { restoreSqlite } = await import('../../store/backup/sqlite-backup.js');
      const summary = await restoreSqlite(resolve(file), dataDirOf(options), { force: options.force === true });
      io.out(`recert: restored ${summary.dataDir} from the backup of ${summary.createdAt}: the database and ${summary.evidenceFiles} evidence file(s)${summary.replaced ? ' (the previous contents were replaced)' : ''}`);
    });
}
