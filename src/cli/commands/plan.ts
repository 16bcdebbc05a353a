import { setFlagsFromString } from 'node:v8';
import { Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { loadCatalogDir } from '../../io/load-catalog-dir.js';
import { cpuSample } from '../../parallel/cpu-sample.js';
import { DEFAULT_COURSE_DIR, readCourseDirFast } from '../../io/read-course-dir-fast.js';
import { readProfileFileFast } from '../../io/read-profile-file-fast.js';
import { explainPlanFact, planFacts, type PlanFact } from '../../planner/explain-plan.js';
import type { PlanOptions } from '../../planner/plan-options.js';
import type { PlanResult } from '../../planner/plan-result.js';
import { othersPlanned, planJson } from '../../planner/plan-json.js';
import { feasibilityRemedy } from '../../planner/feasibility-remedy.js';
import type { Infeasibility } from '../../planner/requirement.js';
import { parseAsOf, type Io } from '../io.js';
import { letLapseIssues } from '../../planner/let-lapse.js';
import type { Profile } from '../../profile/profile-schema.js';
import { RecertError } from '../../shared/recert-error.js';
import { parsePersonId, today, withWallet } from './wallet-options.js';

const usage = (message: string): RecertError => new RecertError([{ code: 'USAGE', path: '', message }]);

interface PlanFlags {
  catalog?: string;
  catalogDir?: string;
  person?: string;
  dataDir?: string;
  asOf?: CalendarDate;
  horizonYears?: number;
  horizonCycles?: number;
  minimize: 'price' | 'hours';
  hourValue?: number;
  yearlyBudget?: number;
  maxHoursPerMonth?: number;
  excludeProvider?: string[];
  excludeFormat?: ('online' | 'in-person' | 'blended')[];
  letLapse?: string[];
  timeLimit?: number;
  json?: boolean;
}

const positive = (what: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected ${what} greater than 0, got "${value}"`);
  return n;
};
const wholeNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a whole number greater than 0, got "${value}"`);
  return n;
};
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerPlan(program: Command, io: Io): void {
  program
    .command('plan')
    .description('the cheapest set of courses, and when to take them, that keeps every credential current')
    .argument('[profile]', 'profile JSON file (or --person to plan from the wallet)')
    .option('--person <id>', "plan from this person's wallet, with their own offerings (instead of a profile file)", parsePersonId)
    .option('--data-dir <dir>', 'with --person: data folder (default: $RECERT_DATA_DIR or ./data)')
    .option('--as-of <date>', "plan from this date (YYYY-MM-DD); required with a profile file, default today with --person", parseAsOf)
    .option('--catalog <dir>', `course catalog folder (default: the shipped sample, ${DEFAULT_COURSE_DIR})`)
    .option('--catalog-dir <dir>', 'rule catalog folder (default: the shipped catalog)')
    .option('--horizon-years <n>', 'plan every renewal that falls within N years (default 4)', wholeNumber)
    .option('--horizon-cycles <n>', 'plan the next N renewals of each credential instead', wholeNumber)
    .addOption(new Option('--minimize <what>', 'what to minimize').choices(['price', 'hours']).default('price'))
    .option('--hour-value <usd>', 'weighted mix: count each hour of study as this many dollars', positive('a dollar amount'))
    .option('--yearly-budget <usd>', 'spend at most this much in any calendar year', positive('a dollar amount'))
    .option('--max-hours-per-month <h>', 'study at most this many hours a month on average', positive('a number of hours'))
    .option('--exclude-provider <id>', 'leave out a provider (repeatable)', collect)
    .addOption(new Option('--exclude-format <format>', 'leave out a format (repeatable)').choices(['online', 'in-person', 'blended']).argParser(collect))
    .option('--let-lapse <id>', 'a credential (id or program) not to keep (repeatable)', collect)
    .option('--time-limit <seconds>', 'solver time limit (default 20)', positive('a number of seconds'))
    .option('--json', 'print a machine-readable plan')
    .action(async (profilePath: string | undefined, flags: PlanFlags) => {
      if ((profilePath === undefined) === (flags.person === undefined)) throw usage('give a profile file or --person ID, not both and not neither');
      if (profilePath !== undefined && flags.dataDir !== undefined) throw usage('--data-dir goes with --person, not with a profile file');
      if (profilePath !== undefined && flags.asOf === undefined) throw usage("--as-of is required with a profile file (with --person it defaults to today)");
      // What the machine's other processes do while the files are read decides whether HiGHS threads race (highsRunners).
      const started = cpuSample();
      // A one-shot process: HiGHS's WebAssembly runs on V8's baseline compiler and only the functions that
      // run a long time are recompiled with the optimizing tier (a budget 55× V8's default). Short plans
      // then cost what they cost on the baseline compiler alone; long solves gain about 30% (docs/planner.md §3).
      setFlagsFromString('--wasm-tiering-budget=100000000');
      // Compiled on background threads while the files are read and the model is built.
      const [{ useCompiledHighs }, { compileHighs }] = await Promise.all([import('../../planner/solve-highs.js'), import('../../io/compile-highs.js')]);
      useCompiledHighs(compileHighs());
      // loadCatalogDir: the precompiled shipped catalog when it matches, so zod and the YAML parsers load only if needed.
      const catalog = await loadCatalogDir(flags.catalogDir);
      // Valid files are read by the fast path alone; zod and the located parser load only to report a problem.
      const courseDir = flags.catalog ?? DEFAULT_COURSE_DIR;
      const shipped = readCourseDirFast(courseDir, catalog) ?? (await import('../../io/read-course-dir.js')).readCourseDir(courseDir, catalog);
      const asOf = flags.asOf ?? today();
      let profile: Profile;
      let courses = shipped;
      if (flags.person === undefined) {
        profile = readProfileFileFast(profilePath!, catalog) ?? (await import('../../io/read-profile-file.js')).readProfileFile(profilePath!, catalog);
      }
      else {
        // own-offering.ts (and zod, which checks own offerings) loads only for --person, with the store.
        const { withOwnOfferings } = await import('../../catalog/own-offering.js');
        ({ profile, courses } = await withWallet({ dataDir: flags.dataDir, person: flags.person, catalogDir: flags.catalogDir }, async (wallet) => {
          const [stored, own] = await Promise.all([wallet.store.loadProfile(wallet.person), wallet.store.listOwnOfferings(wallet.person)]);
          return { profile: stored, courses: withOwnOfferings(shipped, own) };
        }));
      }
      const lapseIssues = letLapseIssues(profile, flags.letLapse ?? [], '--let-lapse', 'USAGE');
      if (lapseIssues.length > 0) throw new RecertError(lapseIssues);
      const options: PlanOptions = {
        horizon: flags.horizonCycles !== undefined ? { cycles: flags.horizonCycles } : { years: flags.horizonYears ?? 4 },
        minimize: flags.minimize,
        hourValue: flags.hourValue,
        yearlyBudget: flags.yearlyBudget,
        maxHoursPerMonth: flags.maxHoursPerMonth,
        excludeProviders: flags.excludeProvider,
        excludeFormats: flags.excludeFormat,
        letLapse: flags.letLapse,
        timeLimitSeconds: flags.timeLimit,
      };
      // Loaded on use: HiGHS's WebAssembly is only needed by `recert plan`. With a core to spare, HiGHS
      // worker threads race the guessed-cost MILPs (same answer as one after another, docs/planner.md §4).
      const [{ plan }, { highsRunners }] = await Promise.all([import('../../planner/plan.js'), import('../../parallel/highs-workers.js')]);
      const result = await plan(catalog, courses, profile, asOf, { ...options, runners: highsRunners(started) });
      const json = planJson(catalog, courses, profile, asOf, result, options);
      if (flags.json) {
        io.out(JSON.stringify(json, null, 2));
        return;
      }
      io.out(renderPlan(result, planFacts(result), json.verification.ok, (i) => feasibilityRemedy(i, options, { othersPlanned: othersPlanned(result, i.credential) })));
    });
}

/** `remedy`: what would make an impossible renewal possible, printed under its reason. */
export function renderPlan(result: PlanResult, facts: readonly PlanFact[], verified: boolean, remedy?: (i: Infeasibility) => string): string {
  const lines = [pc.bold(`recert plan as of ${result.asOf} (minimize ${result.minimize})`), ''];
  if (result.cycles.length === 0 && result.infeasible.length === 0) lines.push('No renewal to plan for in the horizon.', '');
  for (const fact of facts) {
    const text = explainPlanFact(fact);
    switch (fact.kind) {
      case 'cycle': lines.push(pc.bold(text)); break;
      case 'step': lines.push(`  - ${text}`); break;
      case 'infeasible':
        lines.push('', pc.red(`✗ ${text}`));
        if (remedy !== undefined) lines.push(`  ${remedy(fact.infeasibility)}`);
        break;
      case 'totals': lines.push('', pc.bold(text)); break;
      case 'sample-data': lines.push(pc.dim(`* ${text}`)); break;
      default: lines.push(text);
    }
  }
  lines.push(verified
    ? pc.green('Checked with the compliance engine: every planned renewal is current on its deadline.')
    : pc.red('Warning: the compliance engine does not confirm every planned renewal; please report this plan.'));
  return lines.join('\n');
}
