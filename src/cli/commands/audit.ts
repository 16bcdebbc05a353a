/**
 * `recert transcript CREDENTIAL [--cycle N] --out FILE` and `recert packet CREDENTIAL [--cycle N] --out FILE`:
 * the same transcript PDF and audit packet ZIP the API serves, written to a file.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type { AuditDocument, AuditRequest, AuditSources } from '../../audit/audit-documents.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { RecertError } from '../../shared/recert-error.js';
import { parseAsOf, type Io } from '../io.js';
import { addWalletOptions, today, withWallet, type WalletOptions } from './wallet-options.js';

type AuditOptions = WalletOptions & { cycle?: number; out: string; asOf?: CalendarDate };

function parseCycle(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new InvalidArgumentError(`expected a cycle number of 1 or more, got "${value}"`);
  return Number(value);
}

/** Writes next to the target and renames, so a reader never sees half a file; a bad path is exit 2. */
export async function writeAtomically(path: string, body: Buffer | Readable): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    if (Buffer.isBuffer(body)) await writeFile(temporary, body);
    else await pipeline(body, createWriteStream(temporary, { flags: 'wx' }));
    await rename(temporary, path);
  } catch (error) {
    if (!Buffer.isBuffer(body)) body.destroy();
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
      throw new RecertError([{ code: 'FILE_NOT_FOUND', path: '--out', message: `cannot write "${path}" (${code}): does its folder exist?` }]);
    }
    throw error;
  }
}

export function registerAudit(program: Command, io: Io): void {
  // The PDF and ZIP libraries load only when one of these commands runs, not on every `recert` call.
  const documents = () => import('../../audit/audit-documents.js');
  const commands: [string, string, (sources: AuditSources, request: AuditRequest) => Promise<AuditDocument>][] = [
    ['transcript', 'write the CE transcript of one cycle of a credential as a PDF', async (sources, request) => (await documents()).transcriptDocument(sources, request)],
    ['packet', "write the audit packet of one cycle (the transcript and every counted activity's certificates) as a ZIP", async (sources, request) => (await documents()).auditPacketDocument(sources, request)],
  ];
  for (const [name, description, make] of commands) {
    addWalletOptions(program.command(name))
      .description(description)
      .argument('<credential>', 'the credential id (`recert credential list`)')
      .option('--cycle <n>', 'the cycle, numbered from 1 (default: the current one)', parseCycle)
      .requiredOption('--out <file>', 'the file to write')
      .option('--as-of <date>', 'the date to evaluate the current cycle on (default: today)', parseAsOf)
      .action(async (credentialId: string, options: AuditOptions) => {
        await withWallet(options, async ({ store, files, person, catalog }) => {
          const document = await make({ store, files, catalog: catalog() }, {
            personId: person, credentialId, cycle: options.cycle, asOf: options.asOf ?? today(), now: new Date(), cyclePath: '--cycle', cycleErrorCode: 'USAGE',
          });
          await writeAtomically(options.out, document.body);
          const cycle = document.transcript.cycle === null ? 'no cycle' : `cycle ${document.transcript.cycle.number} ${document.transcript.cycle.start} to ${document.transcript.cycle.end}`;
          const certificates = name === 'packet' ? `, ${document.files.length} certificate file(s)` : '';
          io.out(`wrote ${options.out} (${credentialId}, ${cycle}: ${document.transcript.activities.length} counted activit${document.transcript.activities.length === 1 ? 'y' : 'ies'}${certificates})`);
        });
      });
  }
}
