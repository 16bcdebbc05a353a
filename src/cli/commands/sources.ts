import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { describeValue, sourcePages, sourcedValues, stalePages, type SourcePage, type SourcedValue } from '../../catalog/list-sources.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { loadCatalogDir } from '../../io/load-catalog-dir.js';
import { httpFetchText, verifySources, type FetchText, type PageCheck } from '../../io/verify-sources.js';
import { CliExit, parseAsOf, type Io } from '../io.js';
import { today } from './wallet-options.js';

interface SourcesOptions { stale?: boolean; months: number; verify?: boolean; asOf?: CalendarDate; json?: boolean; catalogDir?: string }

/** Exit code of `--stale` when a page is overdue and of `--verify` when a quote is no longer found. */
export const FOUND_PROBLEMS = 3;

/**
 * `recert sources`: each page the catalog rests on, with its values and the date it was last read;
 * `--stale` lists the overdue ones; `--verify` reads each page again and reports quotes no longer on it.
 * `fetchText` is injectable so tests can serve the pages.
 */
export function registerSources(program: Command, io: Io, fetchText: FetchText = httpFetchText()): void {
  program
    .command('sources')
    .description(`list the pages the catalog rests on, with their values and the date each was last read (exit ${FOUND_PROBLEMS} when --stale or --verify finds a problem)`)
    .option('--stale', 'only pages not read for --months months (or never recorded as read)')
    .option('--months <n>', 'how old a reading may be before it is stale (default 12)', parseMonths, 12)
    .option('--verify', 'fetch each page and report the quotes no longer found on it')
    .option('--as-of <date>', 'the date to judge staleness on (default: today)', parseAsOf)
    .option('--json', 'print JSON')
    .option('--catalog-dir <dir>', 'rule catalog folder (default: the shipped catalog)')
    .action(async (options: SourcesOptions) => {
      const catalog = await loadCatalogDir(options.catalogDir);
      const all = sourcePages(sourcedValues(catalog));
      const asOf = options.asOf ?? today();
      const pages = options.stale ? stalePages(all, asOf, options.months) : all;
      if (options.verify) {
        const checks = await verifySources(pages, fetchText);
        io.out(options.json ? JSON.stringify(checks.map(checkJson), null, 2) : renderChecks(checks));
        if (checks.some((check) => check.status === 'changed')) throw new CliExit(FOUND_PROBLEMS);
        return;
      }
      if (options.json) io.out(JSON.stringify(pages.map(pageJson), null, 2));
      else io.out(renderPages(pages, options.stale ? `${pages.length} of ${all.length} pages last read more than ${options.months} months before ${asOf}, or never` : `${pages.length} pages`));
      if (options.stale && pages.length > 0) throw new CliExit(FOUND_PROBLEMS);
    });
}

function parseMonths(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number of months, got "${value}"`);
  return n;
}

function valueText(value: SourcedValue): string {
  const shown = typeof value.value === 'object' && value.value !== null ? JSON.stringify(value.value) : String(value.value);
  return `${describeValue(value)} = ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown} [${value.confidence}]`;
}

function renderPages(pages: readonly SourcePage[], summary: string): string {
  const lines: string[] = [];
  for (const page of pages) {
    lines.push(`${page.url ?? '(no URL)'}  verified ${page.verified ?? 'never'}`, `  ${page.title}`);
    for (const value of page.values) lines.push(`  - ${valueText(value)}${value.quote === undefined ? '' : ' (quoted)'}`);
    lines.push('');
  }
  lines.push(summary);
  return lines.join('\n');
}

function renderChecks(checks: readonly PageCheck[]): string {
  const lines: string[] = [];
  for (const check of checks) {
    switch (check.status) {
      case 'ok': lines.push(`ok          ${check.url} (${check.checkedQuotes} quote${check.checkedQuotes === 1 ? '' : 's'} found)`); break;
      case 'no-quotes': lines.push(`read        ${check.url} (no quotes to check)`); break;
      case 'unreachable': lines.push(`unreachable ${check.url}: ${check.error ?? 'unknown error'}`); break;
      case 'changed':
        lines.push(`CHANGED     ${check.url}`);
        for (const missing of check.missing) {
          lines.push(`  quote no longer found: "${missing.quote}"`);
          for (const value of missing.values) lines.push(`    used by ${valueText(value)}`);
        }
        break;
    }
  }
  const count = (status: PageCheck['status']): number => checks.filter((c) => c.status === status).length;
  lines.push('', `${checks.length} pages: ${count('ok')} ok, ${count('changed')} changed, ${count('unreachable')} unreachable, ${count('no-quotes')} without quotes`);
  return lines.join('\n');
}

function pageJson(page: SourcePage): unknown {
  return {
    url: page.url, title: page.title, verified: page.verified,
    values: page.values.map((v) => ({ program: v.program, ruleFrom: v.ruleFrom, path: v.path, value: v.value, confidence: v.confidence, quote: v.quote ?? null })),
  };
}

function checkJson(check: PageCheck): unknown {
  return {
    url: check.url, title: check.title, status: check.status, error: check.error ?? null, checkedQuotes: check.checkedQuotes,
    missing: check.missing.map((m) => ({ quote: m.quote, values: m.values.map(describeValue) })),
  };
}
