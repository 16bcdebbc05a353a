/**
 * Export of all of one's data and erasure of an account, on both engines, through the real HTTP app.
 * Ana holds a full wallet (credential, renewal, activity with two certificates, one of them the same
 * bytes Ben uploaded too, own offering, planned item, reminders, calendar feed, organization share,
 * API token, passkey, sessions); Ben is the bystander whose data must not change.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceFiles } from '../../src/store/evidence/evidence-files.js';
import type { Database } from '../../src/store/database.js';
import type { Store } from '../../src/store/store.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { unzip } from '../audit/read-documents.js';
import { startAccountsApp, type AccountsApp } from './account-fixtures.js';
import { startTestApp, type TestApp } from './start-test-app.js';

const WORKSHOP = {
  title: 'Local strength workshop series', provider: { id: 'my-gym', name: 'My Gym' }, price: 50, hours: 20, format: 'in-person',
  availability: { kind: 'sessions', dates: ['2026-09-12', '2027-03-13'] }, credits: [{ body: 'nasm', units: 2.0 }], repeatable: true,
};
const dbOf = (store: Store): Kysely<Database> => (store as unknown as { db: Kysely<Database> }).db;
const UNIQUE_PDF = Buffer.from('%PDF-1.4\n% Ana only: first aid certificate\n%%EOF\n');
const SHARED_PDF = Buffer.from('%PDF-1.4\n% the same workshop handout both uploaded\n%%EOF\n');

await describeEachStore('export and erasure of an account', { describe, it }, (backend) => {
  let app: AccountsApp;
  let ana: { accountId: string; personId: string; cookie: string };
  let ben: { accountId: string; personId: string; cookie: string };
  const secrets: string[] = [];
  let anaSeqs: number[] = [];
  let benProfile: unknown;
  let benChanges: unknown;

  const asAna = (method: string, path: string, body?: unknown) => app.as({ cookie: ana.cookie }, method, path, body);
  const asBen = (method: string, path: string, body?: unknown) => app.as({ cookie: ben.cookie }, method, path, body);

  async function upload(cookie: string, activityId: string, bytes: Buffer, name: string): Promise<{ id: string; sha256: string }> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const response = await fetch(`${app.base}/api/people/me/activities/${activityId}/evidence`, { method: 'POST', body: form, headers: { cookie } });
    expect(response.status).toBe(201);
    return await response.json() as { id: string; sha256: string };
  }

  /** Every row of every table of the schema, as JSON text, per table (evidence_blobs without its bytes). */
  async function everyRow(): Promise<Map<string, string[]>> {
    const db = dbOf(app.store);
    const tables = app.store.engine === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['people', 'accounts', 'sessions', 'passkeys', 'api_tokens', 'org_shares', 'evidence', 'change_log', 'reminder_settings', 'calendar_feeds']));
    const out = new Map<string, string[]>();
    for (const table of tables) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
      out.set(table, rows.map((row) => JSON.stringify({ ...row, ...(table === 'evidence_blobs' ? { bytes: null } : {}) })));
    }
    return out;
  }

  const mentions = (rows: Map<string, string[]>, needles: readonly string[]) =>
    [...rows].flatMap(([table, list]) => list.filter((row) => needles.some((n) => row.includes(n))).map((row) => `${table}: ${row.slice(0, 200)}`));

  beforeAll(async () => {
    app = await startAccountsApp(backend);
    await app.signIn('first@example.org'); // takes over the local wallet "me"; Ana and Ben get random ids
    ana = await app.signIn('ana@example.org');
    await app.signIn('ana@example.org'); // a second session
    ben = await app.signIn('ben@example.org');

    expect((await asAna('PATCH', '/api/people/me', { name: 'Ana Example' })).status).toBe(200);
    expect((await asAna('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2024-06-20', number: 'NASM-4711' })).status).toBe(201);
    expect((await asAna('POST', '/api/people/me/credentials/cpt/renewals', { date: '2026-06-20' })).status).toBe(201);
    expect((await asAna('POST', '/api/people/me/activities', { id: 'a1', title: 'First aid refresher', completed: '2026-03-12', credits: [{ body: 'nasm', units: 0.5 }] })).status).toBe(201);
    expect((await asAna('POST', '/api/people/me/activities', { id: 'a2', title: 'Strength workshop', completed: '2026-04-02' })).status).toBe(201);
    await upload(ana.cookie, 'a1', UNIQUE_PDF, 'first-aid.pdf');
    await upload(ana.cookie, 'a2', SHARED_PDF, 'handout.pdf');
    expect((await asAna('POST', '/api/people/me/offerings', WORKSHOP)).status).toBe(201);
    await app.store.addPlannedItems(ana.personId, [{
      offeringId: 'own:o1', title: 'Local strength workshop series', provider: 'my-gym', providerName: 'My Gym', price: 50, hours: 20, format: 'in-person',
      credits: [{ body: 'nasm', units: 2 }], from: '2026-09-12' as never, by: '2026-09-12' as never, session: '2026-09-12' as never, planned: '2026-06-01' as never, counts: [],
    }], 'keep', `account:${ana.accountId}`);
    const reminders = await asAna('PUT', '/api/people/me/reminder-settings', { enabled: true, email: 'ana.reminders@example.org', thresholds: [30] });
    expect(reminders.status).toBe(200);
    const feed = await asAna('POST', '/api/people/me/calendar-feed');
    expect(feed.status).toBeLessThan(300);
    const token = await asAna('POST', '/api/auth/tokens', { name: 'my script', scope: 'read' });
    expect(token.status).toBe(201);
    const passkey = await app.store.accounts.addPasskey(ana.accountId, { credentialId: 'cred-ana-1', publicKey: 'pQECAyYgASFYIPUBLICKEYOFANA', counter: 0, transports: ['internal'] });
    secrets.push(ana.cookie.split('=')[1]!, token.body.token, (await app.store.reminders.getSettings(ana.personId)).unsubscribeToken!, (await app.store.calendarFeeds.get(ana.personId))!.token, passkey.publicKey);

    // Ben's organization, which Ana joins as a sharing member; Ana's own organization.
    const org = await asBen('POST', '/api/orgs', { name: "Ben's gym" });
    const invitation = await asBen('POST', `/api/orgs/${org.body.id}/invitations`, { role: 'member' });
    expect((await asAna('POST', '/api/invitations/accept', { token: invitation.body.token })).status).toBe(200);
    expect((await asAna('POST', '/api/orgs', { name: 'Ana coaching' })).status).toBe(201);

    expect((await asBen('POST', '/api/people/me/activities', { id: 'a1', title: 'Strength workshop', completed: '2026-04-02' })).status).toBe(201);
    await upload(ben.cookie, 'a1', SHARED_PDF, 'same-handout.pdf');
    benProfile = (await asBen('GET', '/api/people/me/profile')).body;
    benChanges = await app.store.listChanges({ personId: ben.personId, limit: 1000 });
    anaSeqs = (await app.store.listChanges({ personId: ana.personId, limit: 1000 })).map((c) => c.seq);
    expect(anaSeqs.length).toBeGreaterThan(8);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('exports exactly the person\'s data: the importable wallet, their change log, their account without secrets, and every evidence file byte for byte', async () => {
    const response = await fetch(`${app.base}/api/people/me/export.zip`, { headers: { cookie: ana.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const entries = await unzip(Buffer.from(await response.arrayBuffer()));
    expect([...entries.keys()]).toEqual(['wallet.json', 'change-log.json', 'account.json', 'evidence/a1-2026-03-12-first-aid-refresher.pdf', 'evidence/a2-2026-04-02-strength-workshop.pdf']);
    expect(entries.get('evidence/a1-2026-03-12-first-aid-refresher.pdf')).toEqual(UNIQUE_PDF);
    expect(entries.get('evidence/a2-2026-04-02-strength-workshop.pdf')).toEqual(SHARED_PDF);

    const wallet = JSON.parse(entries.get('wallet.json')!.toString());
    expect(wallet).toEqual((await asAna('GET', '/api/people/me/export?format=json')).body);

    const log = JSON.parse(entries.get('change-log.json')!.toString()) as { seq: number; personId: string }[];
    expect(log.length).toBeGreaterThan(8);
    expect(log.every((row) => row.personId === ana.personId)).toBe(true);
    expect(log.map((row) => row.seq)).toEqual([...log.map((row) => row.seq)].sort((a, b) => a - b));

    const text = entries.get('account.json')!.toString();
    const account = JSON.parse(text);
    expect(account.person).toMatchObject({ id: ana.personId, name: 'Ana Example' });
    expect(account.account).toMatchObject({ id: ana.accountId, email: 'ana@example.org' });
    expect(account.account.sessions).toHaveLength(2);
    expect(account.account.passkeys).toEqual([expect.objectContaining({ transports: ['internal'] })]);
    expect(account.account.apiTokens).toEqual([expect.objectContaining({ name: 'my script', scope: 'read' })]);
    expect(account.account.organizations.map((o: any) => [o.name, o.role, o.sharing]).sort()).toEqual([['Ana coaching', 'owner', false], ["Ben's gym", null, true]]);
    expect(account.reminders).toMatchObject({ enabled: true, email: 'ana.reminders@example.org', thresholds: [30] });
    expect(account.reminders).not.toHaveProperty('unsubscribeToken');
    expect(account.calendarFeed.exists).toBe(true);
    expect(account.ownOfferings.map((o: any) => o.title)).toEqual([WORKSHOP.title]);
    expect(account.plannedItems.map((p: any) => p.offeringId)).toEqual(['own:o1']);
    expect(account.evidence.map((e: any) => e.file)).toEqual(['evidence/a1-2026-03-12-first-aid-refresher.pdf', 'evidence/a2-2026-04-02-strength-workshop.pdf']);
    // Nothing that signs in or unsubscribes, and nothing of Ben's.
    const all = [...entries.values()].map((b) => b.toString('latin1')).join('\n');
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).not.toContain(ben.personId);
    expect(all).not.toContain('ben@example.org');
  });

  it('refuses the deletion unless the email is typed again', async () => {
    const response = await asAna('DELETE', '/api/account', { confirmEmail: 'ben@example.org' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('CONFIRMATION_MISMATCH');
    expect((await asAna('GET', '/api/auth/me')).body.signedIn).toBe(true);
  });

  it('changes nothing when the erasure fails half-way', async () => {
    const db = dbOf(app.store);
    const before = await everyRow();
    const blobsBefore = await app.storedBlobs();
    // Injected: the last delete of the erasure (the person's row) fails, after every other row went.
    if (app.store.engine === 'sqlite') {
      await sql`create trigger test_fail_erasure before delete on people begin select raise(abort, 'injected failure'); end`.execute(db);
    } else {
      await sql`create function test_fail_erasure() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`.execute(db);
      await sql`create trigger test_fail_erasure before delete on people for each row execute function test_fail_erasure()`.execute(db);
    }
    try {
      expect((await asAna('DELETE', '/api/account', { confirmEmail: 'ana@example.org' })).status).toBe(500);
    } finally {
      if (app.store.engine === 'sqlite') await sql`drop trigger test_fail_erasure`.execute(db);
      else {
        await sql`drop trigger test_fail_erasure on people`.execute(db);
        await sql`drop function test_fail_erasure()`.execute(db);
      }
    }
    expect(await everyRow()).toEqual(before);
    expect(await app.storedBlobs()).toBe(blobsBefore);
    expect((await asAna('GET', '/api/auth/me')).body.signedIn).toBe(true);
  });

  it('erases the account: no row of the person is left, the change log keeps its rows with personal fields cleared, unshared evidence bytes are gone', async () => {
    const unique = EvidenceFiles.sha256(UNIQUE_PDF);
    const shared = EvidenceFiles.sha256(SHARED_PDF);
    expect(await app.blobs.has(unique)).toBe(true);
    const logBefore = new Map((await app.store.listChanges({ limit: 100_000 })).map((c) => [c.seq, c]));

    const response = await asAna('DELETE', '/api/account', { confirmEmail: ' Ana@Example.org ' });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toContain('recert_session=;');

    // Every table of the schema, every column: nothing names Ana's person, account, email, or secrets.
    const rows = await everyRow();
    expect(mentions(rows, [ana.personId, ana.accountId, 'ana@example.org', 'ana.reminders@example.org', 'Ana Example', 'NASM-4711', 'First aid refresher', 'cred-ana-1', ...secrets])).toEqual([]);

    // The change log: the same rows (seq, time, entity kind, action), personal fields cleared.
    const logAfter = new Map((await app.store.listChanges({ limit: 100_000 })).map((c) => [c.seq, c]));
    for (const seq of anaSeqs) {
      const was = logBefore.get(seq)!;
      const now = logAfter.get(seq)!;
      expect(now).toEqual({ ...was, personId: null, before: null, after: null, actor: was.actor === `account:${ana.accountId}` ? 'erased' : was.actor, entityId: was.entityId === ana.personId ? 'erased' : was.entityId });
    }
    const erasure = [...logAfter.values()].filter((c) => !logBefore.has(c.seq));
    expect(erasure).toEqual([expect.objectContaining({ entity: 'person', entityId: 'erased', action: 'delete', actor: 'erased', personId: null, before: null, after: null })]);
    // The log stays append-only: only erasure may touch a row, and nothing may delete one.
    const db = dbOf(app.store);
    await expect(sql`update change_log set actor = 'mallory' where seq = ${anaSeqs[0]}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from change_log where seq = ${anaSeqs[0]}`.execute(db)).rejects.toThrow(/append-only/);

    // Evidence bytes: Ana's own certificate is gone; the handout Ben also holds stays, and Ben can download it.
    expect(await app.blobs.has(unique)).toBe(false);
    expect(await app.blobs.has(shared)).toBe(true);
    const benEvidence = (await asBen('GET', '/api/people/me/activities/a1/evidence')).body as { id: string }[];
    const download = await fetch(`${app.base}/api/people/me/evidence/${benEvidence[0]!.id}/file`, { headers: { cookie: ben.cookie } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(SHARED_PDF);

    // Ben's wallet and log are untouched; his organization stays.
    expect((await asBen('GET', '/api/people/me/profile')).body).toEqual(benProfile);
    expect(await app.store.listChanges({ personId: ben.personId, limit: 1000 })).toEqual(benChanges);
    expect((await asBen('GET', '/api/orgs')).body.map((o: any) => o.name)).toEqual(["Ben's gym"]);

    // Ana's session no longer opens anything, and she can start afresh with a new, empty account.
    expect((await asAna('GET', '/api/people/me/profile')).status).toBe(401);
    const again = await app.signIn('ana@example.org');
    expect(again.personId).not.toBe(ana.personId);
    expect((await app.as({ cookie: again.cookie }, 'GET', '/api/people/me/activities')).body).toEqual([]);
  });
});

await describeEachStore('erasure of a person on a local server', { describe, it }, (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function upload(personId: string, activityId: string, bytes: Buffer): Promise<void> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'certificate.pdf');
    expect((await fetch(`${app.base}/api/people/${personId}/activities/${activityId}/evidence`, { method: 'POST', body: form })).status).toBe(201);
  }

  it('DELETE /api/people/{id} erases the person and their unshared evidence bytes, keeps the log rows cleared, and leaves the other wallet alone', async () => {
    expect((await app.call('POST', '/api/people', { id: 'kim', name: 'Kim Local' })).status).toBe(201);
    for (const person of ['kim', 'me']) {
      expect((await app.call('POST', `/api/people/${person}/activities`, { id: 'a1', title: `Workshop of ${person}`, completed: '2026-04-02' })).status).toBe(201);
      await upload(person, 'a1', SHARED_PDF);
    }
    await upload('kim', 'a1', UNIQUE_PDF);
    const mine = (await app.call('GET', '/api/people/me/profile')).body;
    const kimSeqs = (await app.store.listChanges({ personId: 'kim', limit: 1000 })).map((c) => c.seq);

    expect((await app.call('DELETE', '/api/people/kim')).status).toBe(204);
    expect((await app.call('GET', '/api/people/kim')).status).toBe(404);
    expect(await app.blobs.has(EvidenceFiles.sha256(UNIQUE_PDF))).toBe(false);
    expect(await app.blobs.has(EvidenceFiles.sha256(SHARED_PDF))).toBe(true);
    expect((await app.call('GET', '/api/people/me/profile')).body).toEqual(mine);
    const log = await app.store.listChanges({ limit: 1000 });
    for (const seq of kimSeqs) {
      expect(log.find((c) => c.seq === seq)).toMatchObject({ personId: null, before: null, after: null, actor: 'local' });
    }
    expect(JSON.stringify(log)).not.toContain('Kim Local');
    expect(JSON.stringify(log)).not.toContain('Workshop of kim');
  });

  it('erases once when two deletions of the same person arrive at once, and keeps bytes another person uploads meanwhile', async () => {
    const racePdf = Buffer.from('%PDF-1.4\n% raced certificate\n%%EOF\n');
    expect((await app.call('POST', '/api/people', { id: 'lee', name: 'Lee Race' })).status).toBe(201);
    expect((await app.call('POST', '/api/people/lee/activities', { id: 'a1', title: 'Race', completed: '2026-04-02' })).status).toBe(201);
    await upload('lee', 'a1', racePdf);
    expect((await app.call('POST', '/api/people/me/activities', { id: 'a9', title: 'Race too', completed: '2026-04-02' })).status).toBe(201);
    const seqBefore = Math.max(...(await app.store.listChanges({ limit: 1 })).map((c) => c.seq));

    const form = new FormData();
    form.append('file', new Blob([racePdf]), 'same.pdf');
    const [first, second, uploaded] = await Promise.all([
      app.call('DELETE', '/api/people/lee'),
      app.call('DELETE', '/api/people/lee'),
      fetch(`${app.base}/api/people/me/activities/a9/evidence`, { method: 'POST', body: form }),
    ]);
    expect([first.status, second.status].sort()).toEqual([204, 404]);
    expect(uploaded.status).toBe(201);
    // The upload committed a row for these bytes, before or after the erasure: the bytes stay.
    expect(await app.blobs.has(EvidenceFiles.sha256(racePdf))).toBe(true);
    const added = await app.call('GET', '/api/people/me/activities/a9/evidence');
    const download = await fetch(`${app.base}/api/people/me/evidence/${added.body[0].id}/file`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(racePdf);
    const erasures = (await app.store.listChanges({ limit: 1000 })).filter((c) => c.seq > seqBefore && c.entity === 'person' && c.entityId === 'erased' && c.before === null);
    expect(erasures).toHaveLength(1);
  });
});
