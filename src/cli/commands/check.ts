import type { Command } from 'commander';
import { evaluate } from '../../engine/evaluate.js';
import type { ComplianceReport } from '../../engine/report.js';
import { loadCatalogDir } from '../../io/load-catalog-dir.js';
import { readProfileFile } from '../../io/read-profile-file.js';
import { renderReport } from '../render-report.js';
import { statusExitCode } from '../status-exit-code.js';
import { parseAsOf, type Io } from '../io.js';
import { today } from './wallet-options.js';

export function registerCheck(program: Command, io: Io): void {
  program
    .command('check')
    .description('report where each credential in a profile stands')
    .argument('<profile>', 'profile JSON file')
    .option('--as-of <date>', 'the date to evaluate on, YYYY-MM-DD (default: today)', parseAsOf)
    .option('--json', 'print a machine-readable report')
    .option('--catalog-dir <dir>', 'rule catalog folder (default: the shipped catalog)')
    .action(async (profilePath: string, options: { asOf?: ReturnType<typeof parseAsOf>; json?: boolean; catalogDir?: string }) => {
      const catalog = await loadCatalogDir(options.catalogDir);
      const profile = readProfileFile(profilePath, catalog);
      const report = evaluate(catalog, profile, options.asOf ?? today());
      io.out(options.json ? JSON.stringify(toJson(report), null, 2) : renderReport(report));
      io.exitWith?.(statusExitCode(report));
    });
}

/** The --json shape: the documented fields first; findings carry the facts behind each sentence. */
export function toJson(report: ComplianceReport): unknown {
  return {
    asOf: report.asOf,
    credentials: report.credentials.map((c) => ({
      id: c.id,
      program: c.program,
      status: c.status,
      cycle: c.cycle,
      deadline: c.deadline,
      graceEnds: c.graceEnds,
      ceWindowEnds: c.ceWindowEnds,
      nextStep: c.nextStep,
      unit: c.unit,
      required: c.required,
      earned: c.earned,
      missing: c.missing,
      components: c.components,
      counted: c.counted,
      notCounted: c.notCounted,
      contributions: c.contributions,
      explanation: c.explanation,
      ruleFrom: c.ruleFrom,
      history: c.history,
      findings: c.findings,
    })),
  };
}
