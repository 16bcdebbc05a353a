#!/usr/bin/env node
/**
 * The `recert` command line. Exit codes: 0 ok, 1 unexpected failure, 2 bad input (usage, file, format);
 * `status` and `check` also 3 (a credential needs attention) and 4 (a credential has lapsed);
 * `sources --stale` / `--verify` 3 (a check that found problems).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { RecertError } from '../shared/recert-error.js';
import { registerCheck } from './commands/check.js';
import { registerPlan } from './commands/plan.js';
import { registerPrograms } from './commands/programs.js';
import { registerValidate } from './commands/validate.js';
import { registerActivity } from './commands/activity.js';
import { registerAudit } from './commands/audit.js';
import { registerBackup } from './commands/backup.js';
import { registerCalendar } from './commands/calendar.js';
import { registerRemind } from './commands/remind.js';
import { registerCredential } from './commands/credential.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerOffering } from './commands/offering.js';
import { registerStatus } from './commands/status.js';
import { GETTING_STARTED } from './getting-started.js';
import { CliExit, type Io } from './io.js';
import { registerSources } from './commands/sources.js';
import type { FetchText } from '../io/verify-sources.js';

export function buildProgram(io: Io, options: { fetchText?: FetchText } = {}): Command {
  const program = new Command('recert')
    .description('Keep certified fitness professionals current: rules, compliance, and CE planning.')
    .version(packageVersion(), '-V, --version', 'print the recert version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  registerCheck(program, io);
  registerPlan(program, io);
  registerPrograms(program, io);
  registerValidate(program, io);
  registerInit(program, io);
  registerCredential(program, io);
  registerActivity(program, io);
  registerOffering(program, io);
  registerStatus(program, io);
  registerImport(program, io);
  registerExport(program, io);
  registerSources(program, io, options.fetchText);
  registerAudit(program, io);
  registerCalendar(program, io);
  registerRemind(program, io);
  registerBackup(program, io);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  return program;
}

/** recert's version, from package.json (two folders up from src/cli and from dist/cli alike). */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: readonly string[], io: Io, options: { fetchText?: FetchText } = {}): Promise<number> {
  if (argv.length === 0) {
    // No command: a short start and the command list, on stdout, as a successful answer.
    io.out(GETTING_STARTED);
    io.out(buildProgram(io, options).helpInformation().trimEnd());
    return 0;
  }
  let status = 0;
  const runIo: Io = { out: (s) => io.out(s), err: (s) => io.err(s), exitWith: (code) => void (status = Math.max(status, code)) };
  try {
    await buildProgram(runIo, options).parseAsync(argv as string[], { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CliExit) return error.code;
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof RecertError) {
      io.err(error.message);
      return 2;
    }
    io.err(`recert: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return 1;
  }
}

const entry = process.argv[1];
if (entry !== undefined && pathToFileURL(realpathSync(entry)).href === import.meta.url) {
  // A reader that stops early (`recert programs | head`) closes the pipe: stop quietly, as Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const io: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };
  process.exitCode = await run(process.argv.slice(2), io);
}
