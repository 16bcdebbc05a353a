/**
 * The export of all of one person's data (data-protection law's right of access and portability),
 * as a ZIP streamed with yazl:
 * - `wallet.json`: the wallet in the profile format, exactly as `recert export --format json` writes
 *   it, so it imports back (`recert import`, POST /api/people/{id}/profile);
 * - `change-log.json`: every change-log row of the person, oldest first;
 * - `account.json`: the person, the account (email), its sessions, passkeys and API tokens (ids,
 *   names, dates: never a secret or a key), organizations, reminder settings and queued reminders
 *   (without the unsubscribe secret), whether a calendar feed exists (without its token), own
 *   offerings, planned items, and the list of evidence files with the name each has in the ZIP;
 * - `evidence/<activity>-<completed>-<title>.<ext>`: every certificate's bytes.
 */
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { EXTENSION, slugOf } from '../audit/packet-names.js';
import { RecertError } from '../shared/recert-error.js';
import type { EvidenceBlobs } from '../store/evidence/evidence-blobs.js';
import type { EvidenceRecord, Store } from '../store/store.js';

export interface DataExportInput {
  readonly store: Store;
  readonly blobs: Pick<EvidenceBlobs, 'has' | 'read'>;
  readonly personId: string;
  /** For the sessions still live and the entries' modification time. */
  readonly now: Date;
}

/** All the change-log rows of one person (the log's own listing takes the newest first, bounded). */
const ALL_CHANGES = 1_000_000_000;

export interface ExportedEvidence { readonly evidence: EvidenceRecord; readonly fileName: string }

/** `evidence/a3-2026-03-12-nutrition-coaching.pdf`; a second file of the same activity gets `-2`. */
export function evidenceFileNames(activities: readonly { id: string; title: string; completed: string }[], evidence: readonly EvidenceRecord[]): ExportedEvidence[] {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const seen = new Map<string, number>();
  return evidence.map((record) => {
    const activity = byId.get(record.activityId);
    const stem = activity === undefined ? record.activityId : `${slugOf(activity.id, 20)}-${activity.completed}-${slugOf(activity.title)}`;
    const n = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, n);
    return { evidence: record, fileName: `evidence/${stem}${n === 1 ? '' : `-${n}`}.${EXTENSION[record.type] ?? 'bin'}` };
  });
}

/** The documents of the export (everything but the evidence bytes), as JSON values. */
export async function exportDocuments(input: DataExportInput): Promise<{ wallet: unknown; changeLog: unknown; account: unknown; files: ExportedEvidence[] }> {
  const { store, personId, now } = input;
  const person = await store.getPerson(personId);
  const wallet = await store.loadProfile(personId);
  const changeLog = (await store.listChanges({ personId, limit: ALL_CHANGES })).reverse();
  const files = evidenceFileNames(wallet.activities, await store.listEvidence(personId));
  const account = await store.accounts.accountOwning(personId);
  const { unsubscribeToken: _secret, ...reminders } = await store.reminders.getSettings(personId);
  const feed = await store.calendarFeeds.get(personId);
  const accountData = account === null ? null : {
    id: account.id,
    email: account.email,
    createdAt: account.createdAt,
    sessions: (await store.accounts.listSessions(account.id, now)).map(({ id, userAgent, createdAt, expiresAt }) => ({ id, userAgent, createdAt, expiresAt })),
    passkeys: (await store.accounts.listPasskeys(account.id)).map(({ id, transports, createdAt }) => ({ id, transports, createdAt })),
    apiTokens: (await store.accounts.listTokens(account.id)).map(({ id, name, scope, createdAt }) => ({ id, name, scope, createdAt })),
    organizations: (await store.accounts.orgsOf(account.id, personId)).map(({ org, role, sharing }) => ({ id: org.id, name: org.name, role, sharing })),
  };
  return {
    wallet,
    changeLog,
    files,
    account: {
      person,
      account: accountData,
      reminders,
      queuedReminders: (await store.reminders.listOutbox(personId)).map(({ credentialId, cycle, threshold, dueOn, subject, state, createdAt, sentAt }) => ({ credentialId, cycle, threshold, dueOn, subject, state, createdAt, sentAt })),
      calendarFeed: { exists: feed !== null, createdAt: feed?.createdAt ?? null },
      ownOfferings: await store.listOwnOfferings(personId),
      plannedItems: await store.listPlannedItems(personId),
      evidence: files.map(({ evidence, fileName }) => ({ ...evidence, file: fileName })),
    },
  };
}

/**
 * The ZIP as a stream; evidence bytes are read one file at a time as the archive reaches them. Every
 * file is checked first, so a missing one fails (EVIDENCE_FILE_MISSING) before the first byte is sent.
 */
export async function dataExportStream(input: DataExportInput): Promise<Readable> {
  const documents = await exportDocuments(input);
  for (const file of documents.files) {
    if (!(await input.blobs.has(file.evidence.sha256))) throw missing(file.evidence);
  }
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  zip.on('error', (error: Error) => output.destroy(error));
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  const options = { mtime: input.now, compress: true, mode: 0o100644 };
  zip.addBuffer(json(documents.wallet), 'wallet.json', options);
  zip.addBuffer(json(documents.changeLog), 'change-log.json', options);
  zip.addBuffer(json(documents.account), 'account.json', options);
  for (const file of documents.files) {
    zip.addReadStream(Readable.from(bytesOf(input.blobs, file.evidence)), file.fileName, { ...options, compress: file.evidence.type === 'text/plain' });
  }
  zip.end();
  return output;
}

async function* bytesOf(blobs: DataExportInput['blobs'], evidence: EvidenceRecord): AsyncGenerator<Buffer> {
  const bytes = await blobs.read(evidence.sha256);
  if (bytes === null) throw missing(evidence);
  if (Buffer.isBuffer(bytes)) yield bytes;
  else for await (const chunk of bytes) yield chunk as Buffer;
}

function missing(evidence: EvidenceRecord): RecertError {
  return new RecertError([{
    code: 'EVIDENCE_FILE_MISSING', path: 'evidence',
    message: `the certificate "${evidence.name}" (${evidence.sha256}) is missing from the evidence store; restore it from a backup, or remove the evidence and upload it again`,
  }]);
}
