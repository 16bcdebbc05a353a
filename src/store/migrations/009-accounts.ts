/**
 * 009: accounts and what hangs off them. Each account owns one person (its wallet). Sessions,
 * sign-in links and API tokens keep only the SHA-256 of their secret, so a copy of the database
 * does not let anyone sign in; passkeys keep only their public keys. Organizations have staff (owner, admin, viewer) and shares: a person
 * who accepted an invitation and lets the organization see their compliance status.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../store.js';

export function accountsMigration(engine: Engine): Migration {
  const timeType = engine === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('person_id', 'text', (c) => c.notNull().unique().references('people.id').onDelete('cascade'))
        .addColumn('created_at', timeType, (c) => c.notNull())
        .execute();
      await db.schema.createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('secret_sha256', 'text', (c) => c.notNull().unique())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('user_agent', 'text')
        .addColumn('created_at', timeType, (c) => c.notNull())
        .addColumn('expires_at', timeType, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();
      await db.schema.createTable('passkeys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('credential_id', 'text', (c) => c.notNull().unique())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('counter', 'bigint', (c) => c.notNull())
        .addColumn('transports', 'text')
        .addColumn('created_at', timeType, (c) => c.notNull())
        .execute();
      await db.schema.createTable('sign_in_links')
        .addColumn('secret_sha256', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('created_at', timeType, (c) => c.notNull())
        .addColumn('expires_at', timeType, (c) => c.notNull())
        .addColumn('used_at', timeType)
        .execute();
      await db.schema.createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('secret_sha256', 'text', (c) => c.notNull().unique())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('created_at', timeType, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('api_tokens_account').on('api_tokens').column('account_id').execute();
      await db.schema.createTable('orgs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', timeType, (c) => c.notNull())
        .execute();
      await db.schema.createTable('org_staff')
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('org_staff_pk', ['org_id', 'account_id'])
        .execute();
      await db.schema.createTable('org_shares')
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('shared_at', timeType, (c) => c.notNull())
        .addPrimaryKeyConstraint('org_shares_pk', ['org_id', 'person_id'])
        .execute();
      await db.schema.createTable('org_invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('secret_sha256', 'text', (c) => c.notNull().unique())
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', timeType, (c) => c.notNull())
        .addColumn('expires_at', timeType, (c) => c.notNull())
        .addColumn('accepted_at', timeType)
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['org_invitations', 'org_shares', 'org_staff', 'orgs', 'api_tokens', 'sign_in_links', 'passkeys', 'sessions', 'accounts']) await db.schema.dropTable(table).execute();
    },
  };
}
