/**
 * Accounts, sessions, sign-in links, API tokens and organizations (migration 009). Secrets never
 * reach this module: callers pass the SHA-256 of each secret (src/api/auth/secrets.ts), so neither
 * the database nor its backups hold anything that signs in. Ids handed out across people are random.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { logChange } from './change-log.js';
import type { Database } from './database.js';
import { newWalletStamp } from './wallet-stamp.js';

export type TokenScope = 'read' | 'write';
export type StaffRole = 'owner' | 'admin' | 'viewer';
/** What an invitation makes its accepter: staff with a role, or a member who shares their status. */
export type InvitationRole = StaffRole | 'member';

export interface Account { readonly id: string; readonly email: string; readonly personId: string; readonly createdAt: string }
export interface SessionInfo { readonly id: string; readonly accountId: string; readonly userAgent: string | null; readonly createdAt: string; readonly expiresAt: string }
export interface ApiTokenInfo { readonly id: string; readonly accountId: string; readonly name: string; readonly scope: TokenScope; readonly createdAt: string }
export interface Passkey { readonly id: string; readonly credentialId: string; readonly accountId: string; readonly publicKey: string; readonly counter: number; readonly transports: string[] | null; readonly createdAt: string }
export interface Org { readonly id: string; readonly name: string; readonly createdAt: string }
export interface SharedPerson {
  readonly personId: string;
  readonly name: string;
  readonly sharedAt: string;
  /** The wallet's stamp (migration 012): every write to the wallet replaces it; null before the first. */
  readonly stamp: string | null;
}
export interface InvitationInfo { readonly id: string; readonly orgId: string; readonly role: InvitationRole; readonly createdAt: string; readonly expiresAt: string; readonly acceptedAt: string | null }

/** 128 random bits as 32 lower-case hex digits: a valid person id (a slug) and unguessable. */
export function randomId(): string {
  return randomBytes(16).toString('hex');
}

export interface AccountStore {
  /** True once any account exists; the server then asks every /api request for a session or token. */
  hasAccounts(): Promise<boolean>;
  /** A new account owning `adoptPersonId` (an existing person no account owns) or a new person with a random id. */
  createAccount(email: string, personName: string, actor: string, adoptPersonId?: string): Promise<Account>;
  accountByEmail(email: string): Promise<Account | null>;
  accountOwning(personId: string): Promise<Account | null>;

  createSignInLink(email: string, secretSha256: string, expiresAt: Date): Promise<void>;
  /** Marks the link used and returns its email; null when unknown, used or expired. Single use even under races. */
  consumeSignInLink(secretSha256: string, now: Date): Promise<string | null>;

  createSession(accountId: string, secretSha256: string, userAgent: string | null, expiresAt: Date): Promise<SessionInfo>;
  sessionBySecret(secretSha256: string, now: Date): Promise<{ session: SessionInfo; account: Account } | null>;
  listSessions(accountId: string, now: Date): Promise<SessionInfo[]>;
  revokeSession(accountId: string, sessionId: string): Promise<boolean>;

  /** Keeps a passkey challenge handed out (what it is for, for which account) until `expiresAt`. */
  addPasskeyChallenge(challenge: string, purpose: 'register' | 'sign-in', accountId: string | null, expiresAt: Date): Promise<void>;
  /** True once for a live challenge of this purpose and account, in any process; it is gone afterwards. */
  takePasskeyChallenge(challenge: string, purpose: 'register' | 'sign-in', accountId: string | null, now: Date): Promise<boolean>;
  addPasskey(accountId: string, passkey: { credentialId: string; publicKey: string; counter: number; transports: string[] | null }): Promise<Passkey>;
  passkeyByCredentialId(credentialId: string): Promise<{ passkey: Passkey; account: Account } | null>;
  listPasskeys(accountId: string): Promise<Passkey[]>;
  setPasskeyCounter(id: string, counter: number): Promise<void>;
  removePasskey(accountId: string, id: string): Promise<boolean>;

  createToken(accountId: string, name: string, scope: TokenScope, secretSha256: string): Promise<ApiTokenInfo>;
  tokenBySecret(secretSha256: string): Promise<{ token: ApiTokenInfo; account: Account } | null>;
  listTokens(accountId: string): Promise<ApiTokenInfo[]>;
  revokeToken(accountId: string, tokenId: string): Promise<boolean>;

  createOrg(name: string, ownerAccountId: string): Promise<Org>;
  getOrg(orgId: string): Promise<Org | null>;
  /** The organizations the account is staff of (with the role) or shares its person with. */
  orgsOf(accountId: string, personId: string): Promise<{ org: Org; role: StaffRole | null; sharing: boolean }[]>;
  staffRole(orgId: string, accountId: string): Promise<StaffRole | null>;
  listStaff(orgId: string): Promise<{ accountId: string; email: string; role: StaffRole }[]>;
  removeStaff(orgId: string, accountId: string): Promise<boolean>;
  createInvitation(orgId: string, role: InvitationRole, secretSha256: string, createdBy: string, expiresAt: Date): Promise<InvitationInfo>;
  /** Accepts once: staff invitations add the account as staff, member invitations share the person. */
  acceptInvitation(secretSha256: string, account: Account, now: Date): Promise<InvitationInfo | null>;
  sharedPeople(orgId: string): Promise<SharedPerson[]>;
  isShared(orgId: string, personId: string): Promise<boolean>;
  /** Ends sharing (the member withdraws, or staff removes the member); true when there was a share. */
  removeShare(orgId: string, personId: string): Promise<boolean>;

}

const iso = (d: Date): string => d.toISOString();

export class KyselyAccounts implements AccountStore {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  async hasAccounts(): Promise<boolean> {
    return (await this.db.selectFrom('accounts').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  async createAccount(email: string, personName: string, actor: string, adoptPersonId?: string): Promise<Account> {
    const at = iso(this.now());
    return this.db.transaction().execute(async (trx) => {
      let personId = adoptPersonId;
      if (personId === undefined) {
        personId = randomId();
        await trx.insertInto('people').values({ id: personId, name: personName, created_at: at, wallet_stamp: newWalletStamp() }).execute();
        await logChange(trx, { actor, at }, { personId, entity: 'person', entityId: personId, action: 'create', after: { id: personId, name: personName } });
      }
      const account = { id: randomId(), email, person_id: personId, created_at: at };
      await trx.insertInto('accounts').values(account).execute();
      return accountFromRow(account);
    });
  }

  async accountByEmail(email: string): Promise<Account | null> {
    const row = await this.db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
    return row === undefined ? null : accountFromRow(row);
  }

  async accountOwning(personId: string): Promise<Account | null> {
    const row = await this.db.selectFrom('accounts').selectAll().where('person_id', '=', personId).executeTakeFirst();
    return row === undefined ? null : accountFromRow(row);
  }

  async createSignInLink(email: string, secretSha256: string, expiresAt: Date): Promise<void> {
    // Expired links are of no use to anyone: each new one sweeps them.
    await this.db.deleteFrom('sign_in_links').where('expires_at', '<=', iso(this.now())).execute();
    await this.db.insertInto('sign_in_links').values({ secret_sha256: secretSha256, email, created_at: iso(this.now()), expires_at: iso(expiresAt), used_at: null }).execute();
  }

  async consumeSignInLink(secretSha256: string, now: Date): Promise<string | null> {
    const result = await this.db.updateTable('sign_in_links').set({ used_at: iso(now) })
      .where('secret_sha256', '=', secretSha256).where('used_at', 'is', null).where('expires_at', '>', iso(now))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return null;
    const row = await this.db.selectFrom('sign_in_links').select('email').where('secret_sha256', '=', secretSha256).executeTakeFirst();
    return row?.email ?? null;
  }

  async addPasskeyChallenge(challenge: string, purpose: 'register' | 'sign-in', accountId: string | null, expiresAt: Date): Promise<void> {
    await this.db.deleteFrom('passkey_challenges').where('expires_at', '<=', iso(this.now())).execute();
    await this.db.insertInto('passkey_challenges').values({ challenge, purpose, account_id: accountId, expires_at: iso(expiresAt) }).execute();
  }

  async takePasskeyChallenge(challenge: string, purpose: 'register' | 'sign-in', accountId: string | null, now: Date): Promise<boolean> {
    // One DELETE decides: of two requests presenting the same challenge, only one deletes the row.
    const row = await this.db.deleteFrom('passkey_challenges').where('challenge', '=', challenge)
      .returning(['purpose', 'account_id', 'expires_at']).executeTakeFirst();
    return row !== undefined && row.purpose === purpose && row.account_id === accountId && new Date(row.expires_at).getTime() > now.getTime();
  }

  async createSession(accountId: string, secretSha256: string, userAgent: string | null, expiresAt: Date): Promise<SessionInfo> {
    const row = { id: randomId(), secret_sha256: secretSha256, account_id: accountId, user_agent: userAgent, created_at: iso(this.now()), expires_at: iso(expiresAt) };
    await this.db.deleteFrom('sessions').where('account_id', '=', accountId).where('expires_at', '<=', row.created_at).execute();
    await this.db.insertInto('sessions').values(row).execute();
    return sessionFromRow(row);
  }

  async sessionBySecret(secretSha256: string, now: Date): Promise<{ session: SessionInfo; account: Account } | null> {
    const row = await this.db.selectFrom('sessions').innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select(['sessions.id', 'sessions.account_id', 'sessions.user_agent', 'sessions.created_at', 'sessions.expires_at', 'accounts.email', 'accounts.person_id', 'accounts.created_at as account_created_at'])
      .where('sessions.secret_sha256', '=', secretSha256).where('sessions.expires_at', '>', iso(now))
      .executeTakeFirst();
    if (row === undefined) return null;
    return {
      session: sessionFromRow(row),
      account: { id: row.account_id, email: row.email, personId: row.person_id, createdAt: row.account_created_at },
    };
  }

  async listSessions(accountId: string, now: Date): Promise<SessionInfo[]> {
    const rows = await this.db.selectFrom('sessions').selectAll().where('account_id', '=', accountId).where('expires_at', '>', iso(now)).orderBy('created_at').execute();
    return rows.map(sessionFromRow);
  }

  async revokeSession(accountId: string, sessionId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sessions').where('account_id', '=', accountId).where('id', '=', sessionId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async addPasskey(accountId: string, passkey: { credentialId: string; publicKey: string; counter: number; transports: string[] | null }): Promise<Passkey> {
    const row = { id: randomId(), credential_id: passkey.credentialId, account_id: accountId, public_key: passkey.publicKey, counter: passkey.counter, transports: passkey.transports === null ? null : JSON.stringify(passkey.transports), created_at: iso(this.now()) };
    await this.db.insertInto('passkeys').values(row).execute();
    return passkeyFromRow(row);
  }

  async passkeyByCredentialId(credentialId: string): Promise<{ passkey: Passkey; account: Account } | null> {
    const row = await this.db.selectFrom('passkeys').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
    if (row === undefined) return null;
    const account = await this.db.selectFrom('accounts').selectAll().where('id', '=', row.account_id).executeTakeFirstOrThrow();
    return { passkey: passkeyFromRow(row), account: accountFromRow(account) };
  }

  async listPasskeys(accountId: string): Promise<Passkey[]> {
    return (await this.db.selectFrom('passkeys').selectAll().where('account_id', '=', accountId).orderBy('created_at').execute()).map(passkeyFromRow);
  }

  async setPasskeyCounter(id: string, counter: number): Promise<void> {
    await this.db.updateTable('passkeys').set({ counter }).where('id', '=', id).execute();
  }

  async removePasskey(accountId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('passkeys').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async createToken(accountId: string, name: string, scope: TokenScope, secretSha256: string): Promise<ApiTokenInfo> {
    const row = { id: randomId(), secret_sha256: secretSha256, account_id: accountId, name, scope, created_at: iso(this.now()) };
    await this.db.insertInto('api_tokens').values(row).execute();
    return tokenFromRow(row);
  }

  async tokenBySecret(secretSha256: string): Promise<{ token: ApiTokenInfo; account: Account } | null> {
    const row = await this.db.selectFrom('api_tokens').innerJoin('accounts', 'accounts.id', 'api_tokens.account_id')
      .select(['api_tokens.id', 'api_tokens.account_id', 'api_tokens.name', 'api_tokens.scope', 'api_tokens.created_at', 'accounts.email', 'accounts.person_id', 'accounts.created_at as account_created_at'])
      .where('api_tokens.secret_sha256', '=', secretSha256)
      .executeTakeFirst();
    if (row === undefined) return null;
    return { token: tokenFromRow(row), account: { id: row.account_id, email: row.email, personId: row.person_id, createdAt: row.account_created_at } };
  }

  async listTokens(accountId: string): Promise<ApiTokenInfo[]> {
    return (await this.db.selectFrom('api_tokens').selectAll().where('account_id', '=', accountId).orderBy('created_at').execute()).map(tokenFromRow);
  }

  async revokeToken(accountId: string, tokenId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('api_tokens').where('account_id', '=', accountId).where('id', '=', tokenId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async createOrg(name: string, ownerAccountId: string): Promise<Org> {
    const org = { id: randomId(), name, created_at: iso(this.now()) };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('orgs').values(org).execute();
      await trx.insertInto('org_staff').values({ org_id: org.id, account_id: ownerAccountId, role: 'owner' }).execute();
    });
    return orgFromRow(org);
  }

  async getOrg(orgId: string): Promise<Org | null> {
    const row = await this.db.selectFrom('orgs').selectAll().where('id', '=', orgId).executeTakeFirst();
    return row === undefined ? null : orgFromRow(row);
  }

  async orgsOf(accountId: string, personId: string): Promise<{ org: Org; role: StaffRole | null; sharing: boolean }[]> {
    const staff = await this.db.selectFrom('org_staff').innerJoin('orgs', 'orgs.id', 'org_staff.org_id').select(['orgs.id', 'orgs.name', 'orgs.created_at', 'org_staff.role']).where('org_staff.account_id', '=', accountId).execute();
    const shares = await this.db.selectFrom('org_shares').innerJoin('orgs', 'orgs.id', 'org_shares.org_id').select(['orgs.id', 'orgs.name', 'orgs.created_at']).where('org_shares.person_id', '=', personId).execute();
    const out = new Map<string, { org: Org; role: StaffRole | null; sharing: boolean }>();
    for (const row of staff) out.set(row.id, { org: orgFromRow(row), role: row.role as StaffRole, sharing: false });
    for (const row of shares) out.set(row.id, { org: orgFromRow(row), role: out.get(row.id)?.role ?? null, sharing: true });
    return [...out.values()].sort((a, b) => a.org.name.localeCompare(b.org.name));
  }

  async staffRole(orgId: string, accountId: string): Promise<StaffRole | null> {
    const row = await this.db.selectFrom('org_staff').select('role').where('org_id', '=', orgId).where('account_id', '=', accountId).executeTakeFirst();
    return (row?.role as StaffRole | undefined) ?? null;
  }

  async listStaff(orgId: string): Promise<{ accountId: string; email: string; role: StaffRole }[]> {
    const rows = await this.db.selectFrom('org_staff').innerJoin('accounts', 'accounts.id', 'org_staff.account_id').select(['accounts.id', 'accounts.email', 'org_staff.role']).where('org_staff.org_id', '=', orgId).orderBy('accounts.email').execute();
    return rows.map((r) => ({ accountId: r.id, email: r.email, role: r.role as StaffRole }));
  }

  async removeStaff(orgId: string, accountId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('org_staff').where('org_id', '=', orgId).where('account_id', '=', accountId).where('role', '!=', 'owner').executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async createInvitation(orgId: string, role: InvitationRole, secretSha256: string, createdBy: string, expiresAt: Date): Promise<InvitationInfo> {
    const row = { id: randomId(), secret_sha256: secretSha256, org_id: orgId, role, created_by: createdBy, created_at: iso(this.now()), expires_at: iso(expiresAt), accepted_at: null };
    await this.db.insertInto('org_invitations').values(row).execute();
    return invitationFromRow(row);
  }

  async acceptInvitation(secretSha256: string, account: Account, now: Date): Promise<InvitationInfo | null> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('org_invitations').set({ accepted_at: iso(now) })
        .where('secret_sha256', '=', secretSha256).where('accepted_at', 'is', null).where('expires_at', '>', iso(now)).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      const row = await trx.selectFrom('org_invitations').selectAll().where('secret_sha256', '=', secretSha256).executeTakeFirstOrThrow();
      if (row.role === 'member') {
        const shared = await trx.selectFrom('org_shares').select('person_id').where('org_id', '=', row.org_id).where('person_id', '=', account.personId).executeTakeFirst();
        if (shared === undefined) await trx.insertInto('org_shares').values({ org_id: row.org_id, person_id: account.personId, shared_at: iso(now) }).execute();
      } else {
        const staff = await trx.selectFrom('org_staff').select('role').where('org_id', '=', row.org_id).where('account_id', '=', account.id).executeTakeFirst();
        if (staff === undefined) await trx.insertInto('org_staff').values({ org_id: row.org_id, account_id: account.id, role: row.role }).execute();
        else if (staff.role !== 'owner') await trx.updateTable('org_staff').set({ role: row.role }).where('org_id', '=', row.org_id).where('account_id', '=', account.id).execute();
      }
      return invitationFromRow(row);
    });
  }

  async sharedPeople(orgId: string): Promise<SharedPerson[]> {
    const rows = await this.db.selectFrom('org_shares').innerJoin('people', 'people.id', 'org_shares.person_id')
      .select(['people.id', 'people.name', 'people.wallet_stamp', 'org_shares.shared_at'])
      .where('org_shares.org_id', '=', orgId).execute();
    return rows.map((r) => ({ personId: r.id, name: r.name, sharedAt: r.shared_at, stamp: r.wallet_stamp }));
  }

  async isShared(orgId: string, personId: string): Promise<boolean> {
    return (await this.db.selectFrom('org_shares').select('person_id').where('org_id', '=', orgId).where('person_id', '=', personId).executeTakeFirst()) !== undefined;
  }

  async removeShare(orgId: string, personId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('org_shares').where('org_id', '=', orgId).where('person_id', '=', personId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

}

function accountFromRow(row: { id: string; email: string; person_id: string; created_at: string }): Account {
  return { id: row.id, email: row.email, personId: row.person_id, createdAt: row.created_at };
}
function sessionFromRow(row: { id: string; account_id: string; user_agent: string | null; created_at: string; expires_at: string }): SessionInfo {
  return { id: row.id, accountId: row.account_id, userAgent: row.user_agent, createdAt: row.created_at, expiresAt: row.expires_at };
}
function tokenFromRow(row: { id: string; account_id: string; name: string; scope: string; created_at: string }): ApiTokenInfo {
  return { id: row.id, accountId: row.account_id, name: row.name, scope: row.scope as TokenScope, createdAt: row.created_at };
}
function passkeyFromRow(row: { id: string; credential_id: string; account_id: string; public_key: string; counter: number | string; transports: string | null; created_at: string }): Passkey {
  return { id: row.id, credentialId: row.credential_id, accountId: row.account_id, publicKey: row.public_key, counter: Number(row.counter), transports: row.transports === null ? null : JSON.parse(row.transports) as string[], createdAt: row.created_at };
}
function orgFromRow(row: { id: string; name: string; created_at: string }): Org {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}
function invitationFromRow(row: { id: string; org_id: string; role: string; created_at: string; expires_at: string; accepted_at: string | null }): InvitationInfo {
  return { id: row.id, orgId: row.org_id, role: row.role as InvitationRole, createdAt: row.created_at, expiresAt: row.expires_at, acceptedAt: row.accepted_at };
}
