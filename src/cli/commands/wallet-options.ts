/**
 * What every wallet command shares: where the data is (--data-dir, RECERT_DATA_DIR, default ./data;
 * DATABASE_URL selects PostgreSQL), whose wallet (--person, default "me"), who is acting (for the
 * change log), and today's date, computed here at the edge.
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { Catalog } from '../../catalog/catalog.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import type { EvidenceBlobs } from '../../store/evidence/evidence-blobs.js';
import type { Store } from '../../store/store.js';

export interface WalletOptions {
  dataDir?: string;
  person: string;
  catalogDir?: string;
}

export interface Wallet {
  readonly store: Store;
  readonly files: EvidenceBlobs;
  readonly person: string;
  readonly actor: string;
  readonly dataDir: string;
  catalog(): Catalog;
}

export function addWalletOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'data folder (default: $RECERT_DATA_DIR or ./data)')
    .option('--person <id>', 'whose wallet', parsePersonId, 'me')
    .option('--catalog-dir <dir>', 'rule catalog folder (default: the shipped catalog)');
}

export function parsePersonId(value: string): string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) throw new InvalidArgumentError(`expected a lower-case id of letters, digits and dashes, got "${value}"`);
  return value;
}

export function dataDirOf(options: { dataDir?: string }): string {
  return resolve(options.dataDir ?? process.env.RECERT_DATA_DIR ?? 'data');
}

/** Opens the store for one command and always closes it. */
export async function withWallet<T>(options: WalletOptions, work: (wallet: Wallet) => Promise<T>, create = false): Promise<T> {
  const dataDir = dataDirOf(options);
  // Loaded here, not at start-up: the store's drivers (Kysely, better-sqlite3, pg) take longer to load
  // than `recert check` takes to run, and only the wallet commands need them.
  // The catalog builder likewise: `recert plan --person` imports this module but reads its catalog itself.
  const [{ openStore }, { evidenceBlobsOf }, { readCatalogDir }] = await Promise.all([
    import('../../store/open-store.js'),
    import('../../store/evidence/open-evidence-blobs.js'),
    import('../../io/read-catalog-dir.js'),
  ]);
  const store = await openStore({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined, create });
  let catalog: Catalog | undefined;
  try {
    return await work({
      store,
      files: evidenceBlobsOf(store, dataDir),
      person: options.person,
      actor: process.env.RECERT_ACTOR ?? `cli:${safeUserName()}`,
      dataDir,
      catalog: () => (catalog ??= readCatalogDir(options.catalogDir)),
    });
  } finally {
    await store.close();
  }
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Today on this machine's clock and time zone, as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): CalendarDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as CalendarDate;
}
