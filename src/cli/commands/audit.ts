/**
 * `recert transcript CREDENTIAL [--cycle N] --out FILE` and `recert packet CREDENTIAL [--cycle N] --out FILE`:
 * the same transcript PDF and audit packet ZIP the API serves, written to a file.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { auditPacketDocument, transcriptDocument, type AuditDocument, type AuditRequest } from '../../audit/audit-documents.js';
import type { AuditSources } from '../../audit/audit-documents.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { parseAsOf, type Io } from '../io.js';
import { addWalletOptions, today, withWallet, type WalletOptions } from './wallet-options.js';

type AuditOptions = WalletOptions & { cycle?: number; out: string; asOf?: CalendarDate };

function parseCycle(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new InvalidArgumentError(`expected a cycle number of 1 or more, got "${value}"`);
  return Number(value);
}

export function registerAudit(program: Command, io: Io): void {
  const commands: [string, string, (sources: AuditSources, request: AuditRequest) => Promise<AuditDocument>][] = [
    ['transcript', 'write the CE transcript of one cycle of a credential as a PDF', transcriptDocument],
    ['packet', "write the audit packet of one cycle (the transcript and every counted activity's certificates) as a ZIP", auditPacketDocument],
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
          const temporary = `${options.out}.${process.pid}.tmp`;
          writeFileSync(temporary, document.bytes);
          renameSync(temporary, options.out);
          const cycle = document.transcript.cycle === null ? 'no cycle' : `cycle ${document.transcript.cycle.number} ${document.transcript.cycle.start} to ${document.transcript.cycle.end}`;
          const certificates = name === 'packet' ? `, ${document.files.length} certificate file(s)` : '';
          io.out(`wrote ${options.out} (${credentialId}, ${cycle}: ${document.transcript.activities.length} counted activit${document.transcript.activities.length === 1 ? 'y' : 'ies'}${certificates})`);
        });
      });
  }
}
