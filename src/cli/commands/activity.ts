/** `recert activity add|list|remove|attach`: the CE log, with certificates as evidence. */
import { existsSync, readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { summarizeActivities } from '../../engine/activity-summary.js';
import { activityWarnings } from '../../engine/entry-warnings.js';
import { evaluate } from '../../engine/evaluate.js';
import { checkProfileReferences } from '../../profile/parse-profile.js';
import { creditSchema, type Credit } from '../../profile/profile-schema.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { RecertError } from '../../shared/recert-error.js';
import { attachEvidence, discardOrphans, inspectEvidence, type EvidenceUpload } from '../../store/evidence/attach-evidence.js';
import { entryIssues } from '../../store/import-check.js';
import { formatUnits } from '../../shared/units.js';
import { parseAsOf, type Io } from '../io.js';
import { printWarnings } from '../print-warnings.js';
import { addWalletOptions, today, withWallet, type WalletOptions } from './wallet-options.js';

/** `nasm:0.4` or `nsca:0.5:a` → a credit line. */
export function parseCredit(value: string, previous: Credit[] = []): Credit[] {
  const [body, units, category, ...rest] = value.split(':');
  const parsed = creditSchema.safeParse({ body, units: Number(units), ...(category === undefined ? {} : { category }) });
  if (rest.length > 0 || units === undefined || units.trim() === '' || !parsed.success) {
    throw new InvalidArgumentError(`expected BODY:UNITS or BODY:UNITS:CATEGORY with units above 0, e.g. nasm:0.4 or nsca:0.5:a; got "${value}"`);
  }
  return [...previous, parsed.data];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseHours(value: string): number {
  const hours = Number(value);
  if (value.trim() === '' || !Number.isFinite(hours) || hours < 0) throw new InvalidArgumentError(`expected a number of hours, got "${value}"`);
  return hours;
}

/** Reads and checks every evidence file before anything is written. */
function readEvidence(paths: readonly string[]): EvidenceUpload[] {
  return paths.map((path) => {
    if (!existsSync(path)) throw new RecertError([{ code: 'FILE_NOT_FOUND', file: path, path: '', message: 'evidence file not found' }]);
    const upload = { name: path, bytes: readFileSync(path) };
    inspectEvidence(upload);
    return upload;
  });
}

export function registerActivity(program: Command, io: Io): void {
  const activity = program.command('activity').description('log, list or remove CE activities');

  addWalletOptions(activity.command('add'))
    .description('log a CE activity with the units each body granted')
    .requiredOption('--title <title>', 'course or activity title')
    .requiredOption('--completed <date>', 'completion date (YYYY-MM-DD)', parseAsOf)
    .option('--credit <body:units[:category]>', 'units granted by one body (repeat for each body)', parseCredit, [])
    .option('--hours <hours>', 'contact hours', parseHours)
    .option('--provider <name>', 'who ran it')
    .option('--id <id>', 'your id for it (default: a1, a2, ...)')
    .option('--evidence <file>', 'certificate to attach: PDF, PNG, JPEG, WebP or text (repeatable)', collect, [])
    .action(async (options: WalletOptions & { title: string; completed: CalendarDate; credit: Credit[]; hours?: number; provider?: string; id?: string; evidence: string[] }) => {
      await withWallet(options, async (wallet) => {
        const uploads = readEvidence(options.evidence);
        const fields = {
          title: options.title, completed: options.completed, credits: options.credit,
          ...(options.hours === undefined ? {} : { hours: options.hours }),
          ...(options.provider === undefined ? {} : { provider: options.provider }),
        };
        const issues = entryIssues({ activity: { ...fields, id: options.id ?? 'new' } }, (p) => checkProfileReferences(p, wallet.catalog()));
        if (issues.length > 0) throw new RecertError(issues);
        // Without --id the store numbers it inside its transaction (no race with the server).
        const entry = await wallet.store.addActivity(wallet.person, { ...fields, id: options.id }, wallet.actor);
        const { id } = entry;
        for (const upload of uploads) await attachEvidence(wallet.store, wallet.files, { personId: wallet.person, activityId: id, actor: wallet.actor }, upload);
        const credits = entry.credits.map((c) => `${formatUnits(c.units)} ${c.body}${c.category === undefined ? '' : ` (${c.category})`}`).join(', ');
        io.out(`logged activity "${id}": ${entry.title}, ${entry.completed}${credits === '' ? '' : `; ${credits}`}${uploads.length > 0 ? `; ${uploads.length} evidence file(s)` : ''}`);
        printWarnings(io, activityWarnings(entry, today()));
      });
    });

  addWalletOptions(activity.command('attach'))
    .description('attach certificates to an activity already logged')
    .argument('<id>', 'the activity id')
    .argument('<files...>', 'PDF, PNG, JPEG, WebP or text files')
    .action(async (id: string, paths: string[], options: WalletOptions) => {
      await withWallet(options, async (wallet) => {
        for (const upload of readEvidence(paths)) {
          const record = await attachEvidence(wallet.store, wallet.files, { personId: wallet.person, activityId: id, actor: wallet.actor }, upload);
          io.out(`attached ${record.name} (${record.type}, ${record.size} bytes) to "${id}"`);
        }
      });
    });

  addWalletOptions(activity.command('list'))
    .description('list your CE log, oldest first, each with what it counted toward (or why not)')
    .option('--json', 'print JSON')
    .option('--as-of <date>', 'the date to judge what counted on (default: today)', parseAsOf)
    .action(async (options: WalletOptions & { json?: boolean; asOf?: CalendarDate }) => {
      await withWallet(options, async ({ store, person, catalog }) => {
        const [activities, evidence] = await Promise.all([store.listActivities(person), store.listEvidence(person)]);
        const rows = activities.map((a) => ({ ...a, evidence: evidence.filter((e) => e.activityId === a.id).map((e) => ({ id: e.id, name: e.name, type: e.type, size: e.size })) }));
        if (options.json) return io.out(JSON.stringify(rows, null, 2));
        if (rows.length === 0) return io.out('No CE logged yet. Log some with `recert activity add --title ... --completed YYYY-MM-DD --credit nasm:0.4`.');
        const profile = await store.loadProfile(person);
        const counted = new Map(summarizeActivities(evaluate(catalog(), profile, options.asOf ?? today()), profile).map((s) => [s.activity, s.lines]));
        for (const row of rows) {
          const credits = row.credits.map((c) => `${formatUnits(c.units)} ${c.body}${c.category === undefined ? '' : `/${c.category}`}`).join(', ') || 'no credits';
          const files = row.evidence.length === 0 ? '' : `  [${row.evidence.map((e) => e.name).join(', ')}]`;
          io.out(`${row.completed}  ${row.id.padEnd(6)} ${row.title} — ${credits}${files}`);
          for (const line of counted.get(row.id) ?? []) io.out(`${' '.repeat(20)}${line.text}`);
        }
      });
    });

  addWalletOptions(activity.command('remove'))
    .description('remove an activity and its evidence')
    .argument('<id>', 'the activity id')
    .action(async (id: string, options: WalletOptions) => {
      await withWallet(options, async ({ store, files, person, actor }) => {
        await discardOrphans(files, await store.removeActivity(person, id, actor));
        io.out(`removed activity "${id}"`);
      });
    });
}
