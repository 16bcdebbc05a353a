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
import { GETTING_STARTED } from './getting-started.js';
import { CliExit, type Io } from './io.js';
import type { FetchText } from '../io/verify-sources.js';

interface RunOptions {
  fetchText?: FetchText;
}

type Register = (program: Command, io: Io, options: RunOptions) => void;

/**
 * Every command module, in the order `recert --help` lists their commands, with the top-level commands
 * each registers. Loaded on demand: a command's module graph (the store, the parsers, the planner…)
 * costs more to load than many commands take to run, so `recert plan …` loads plan.ts alone.
 * command-table.test.ts checks these names against what each module registers.
 */
export const COMMAND_MODULES: readonly { readonly names: readonly string[]; readonly load: () => Promise<Register> }[] = [
  { names: ['check'], load: async () => (await import('./commands/check.js')).registerCheck },
  { names: ['plan'], load: async () => (await import('./commands/plan.js')).registerPlan },
  { names: ['programs'], load: async () => (await import('./commands/programs.js')).registerPrograms },
  { names: ['validate'], load: async () => (await import('./commands/validate.js')).registerValidate },
  { names: ['init'], load: async () => (await import('./commands/init.js')).registerInit },
  { names: ['credential'], load: async () => (await import('./commands/credential.js')).registerCredential },
  { names: ['activity'], load: async () => (await import('./commands/activity.js')).registerActivity },
  { names: ['offering'], load: async () => (await import('./commands/offering.js')).registerOffering },
  { names: ['status'], load: async () => (await import('./commands/status.js')).registerStatus },
  { names: ['import'], load: async () => (await import('./commands/import.js')).registerImport },
  { names: ['export'], load: async () => (await import('./commands/export.js')).registerExport },
  {
    names: ['sources'],
    load: async () => {
      const { registerSources } = await import('./commands/sources.js');
      return (program, io, options) => registerSources(program, io, options.fetchText);
    },
  },
  { names: ['transcript', 'packet'], load: async () => (await import('./commands/audit.js')).registerAudit },
  { names: ['calendar'], load: async () => (await import('./commands/calendar.js')).registerCalendar },
  { names: ['remind'], load: async () => (await import('./commands/remind.js')).registerRemind },
  { names: ['backup', 'restore'], load: async () => (await import('./commands/backup.js')).registerBackup },
];

/**
 * The program with every command, or, when `argv` starts with a command's name, with that command's
 * module only: commander then parses and answers exactly as with all of them (a command's help, errors
 * and suggestions concern only itself). `-V` alone needs no command. Anything else (`--help`, `help X`,
 * an unknown command) gets every command, so help lists them all and an unknown name gets its "did you mean".
 */
export async function buildProgram(io: Io, options: RunOptions = {}, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('recert')
    .description('Keep certified fitness professionals current: rules, compliance, and CE planning.')
    .version(packageVersion(), '-V, --version', 'print the recert version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const invoked = COMMAND_MODULES.find((module) => argv[0] !== undefined && module.names.includes(argv[0]));
  // `recert --version` alone prints the version whatever the commands: it needs none of them.
  const versionOnly = argv.length === 1 && (argv[0] === '-V' || argv[0] === '--version');
  const modules = invoked !== undefined ? [invoked] : versionOnly ? [] : COMMAND_MODULES;
  // Loaded together, registered in table order (the help's order).
  const registers = await Promise.all(modules.map((module) => module.load()));
  for (const register of registers) register(program, io, options);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  return program;
}

/** recert's version, from package.json (two folders up from src/cli and from dist/cli alike). */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: readonly string[], io: Io, options: RunOptions = {}): Promise<number> {
  if (argv.length === 0) {
    // No command: a short start and the command list, on stdout, as a successful answer.
    io.out(GETTING_STARTED);
    io.out((await buildProgram(io, options)).helpInformation().trimEnd());
    return 0;
  }
  let status = 0;
  const runIo: Io = { out: (s) => io.out(s), err: (s) => io.err(s), exitWith: (code) => void (status = Math.max(status, code)) };
  try {
    await (await buildProgram(runIo, options, argv)).parseAsync(argv as string[], { from: 'user' });
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
