/** Every migration, by name, in order. Names are `NNN-what`; a shipped migration is never edited. */
import type { Migration } from 'kysely';
import type { Engine } from '../store.js';
import { initialMigration } from './001-initial.js';
import { uniqueRenewalsMigration } from './002-unique-renewals.js';
import { offeringsAndPlannedItemsMigration } from './003-offerings-and-planned-items.js';
import { calendarFeedsMigration } from './006-calendar-feeds.js';
import { evidenceBlobsMigration } from './007-evidence-blobs.js';
import { remindersMigration } from './008-reminders.js';
import { accountsMigration } from './009-accounts.js';
import { passkeyChallengesMigration } from './010-passkey-challenges.js';
import { erasureMigration } from './011-erasure.js';
import { walletStampsMigration } from './012-wallet-stamps.js';

export function migrations(engine: Engine): Record<string, Migration> {
  return {
    '001-initial': initialMigration(engine),
    '002-unique-renewals': uniqueRenewalsMigration(),
    '003-offerings-and-planned-items': offeringsAndPlannedItemsMigration(engine),
    '006-calendar-feeds': calendarFeedsMigration(engine),
    '007-evidence-blobs': evidenceBlobsMigration(engine),
    '008-reminders': remindersMigration(engine),
    '009-accounts': accountsMigration(engine),
    '010-passkey-challenges': passkeyChallengesMigration(engine),
    '011-erasure': erasureMigration(engine),
    '012-wallet-stamps': walletStampsMigration(engine),
  };
}
