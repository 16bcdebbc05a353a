import type { Command } from 'commander';
import { loadCatalogDir } from '../../io/load-catalog-dir.js';
import { describePrograms } from '../../catalog/describe-programs.js';
import type { Io } from '../io.js';

export function registerPrograms(program: Command, io: Io): void {
  program
    .command('programs')
    .description('list the programs in the rule catalog and their current rules')
    .option('--as-of <date>', 'show the rule version in force on this date (default: the latest)')
    .option('--markdown', 'print a Markdown table (as in the README)')
    .option('--json', 'print JSON')
    .option('--catalog-dir <dir>', 'rule catalog folder (default: the shipped catalog)')
    .action(async (options: { asOf?: string; markdown?: boolean; json?: boolean; catalogDir?: string }) => {
      const catalog = await loadCatalogDir(options.catalogDir);
      const rows = describePrograms(catalog);
      if (options.json) return io.out(JSON.stringify(rows, null, 2));
      if (options.markdown) return io.out(markdownTable(rows));
      for (const row of rows) {
        io.out(`${row.id.padEnd(11)} ${row.name}`);
        io.out(`            ${row.kind}; ${row.validity}; ${row.requirement}${row.grace === '' ? '' : `; grace ${row.grace}`}`);
        if (row.components !== '') io.out(`            requires: ${row.components}`);
        if (row.grants !== '') io.out(`            counts: ${row.grants}`);
        if (row.unconfirmed.length > 0) io.out(`            unconfirmed: ${row.unconfirmed.join('; ')}`);
      }
    });
}

export function markdownTable(rows: ReturnType<typeof describePrograms>): string {
  const head = '| Program | Kind | Validity | Requirement | Unit | Also required | Grace | Units from held programs | In force from | Unconfirmed |\n|---|---|---|---|---|---|---|---|---|---|';
  const cell = (text: string): string => (text === '' ? '—' : text.replace(/\|/g, '\\|'));
  return [head, ...rows.map((r) => `| \`${r.id}\` ${r.name} | ${r.kind} | ${cell(r.validity)} | ${cell(r.requirement)} | ${cell(r.unit)} | ${cell(r.components)} | ${cell(r.grace)} | ${cell(r.grants)} | ${r.from} | ${cell(r.unconfirmed.join('; '))} |`)].join('\n');
}
