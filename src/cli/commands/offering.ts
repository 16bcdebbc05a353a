/**
 * `recert offering add|list|remove`: courses you are considering that the shipped catalog lacks.
 * `recert plan --person ID` plans with them (as "own:<id>"). Same fields as catalog/courses/SPEC.md.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { checkOwnOffering, ownOfferingInputSchema, type OwnOffering } from '../../catalog/own-offering.js';
import type { Credit } from '../../profile/profile-schema.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { pathToString, RecertError } from '../../shared/recert-error.js';
import { formatUnits } from '../../shared/units.js';
import { parseAsOf, type Io } from '../io.js';
import { parseCredit } from './activity.js';
import { addWalletOptions, withWallet, type WalletOptions } from './wallet-options.js';

interface AddFlags extends WalletOptions {
  title: string;
  provider: string;
  providerName?: string;
  price: number;
  hours: number;
  format: 'online' | 'in-person' | 'blended';
  session: CalendarDate[];
  from?: CalendarDate;
  until?: CalendarDate;
  credit: Credit[];
  earns?: string;
  repeatable?: boolean;
  url?: string;
  note?: string;
}

const number = (what: string) => (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`expected ${what}, got "${value}"`);
  return n;
};
const collectDate = (value: string, previous: CalendarDate[] = []): CalendarDate[] => [...previous, parseAsOf(value)];

/** The flags as an offering, through the same zod schema and catalog checks as the API; paths name the flag. */
const FLAG_OF: Record<string, string> = {
  title: '--title', provider: '--provider', price: '--price', hours: '--hours', format: '--format', availability: '--session/--from/--until',
  credits: '--credit', earns: '--earns', url: '--url', note: '--note',
};

export function registerOffering(program: Command, io: Io): void {
  const offering = program.command('offering').description("add, list or remove your own offerings (courses you are considering) for `recert plan --person`");

  addWalletOptions(offering.command('add'))
    .description('add an offering: price, hours, format, when it can be taken, and the units each body grants')
    .requiredOption('--title <title>', 'course title')
    .requiredOption('--provider <id>', 'provider id, lower-case letters, digits and dashes (e.g. my-gym)')
    .option('--provider-name <name>', 'provider name as shown (default: the id)')
    .requiredOption('--price <usd>', 'price in US dollars', number('a price in US dollars'))
    .requiredOption('--hours <h>', 'contact hours', number('a number of hours'))
    .addOption(new Option('--format <format>', 'how it is delivered').choices(['online', 'in-person', 'blended']).makeOptionMandatory())
    .option('--session <date>', 'a date it runs on (repeatable); without sessions it is self-paced', collectDate, [])
    .option('--from <date>', 'self-paced: available from this date', parseAsOf)
    .option('--until <date>', 'self-paced: available until this date', parseAsOf)
    .option('--credit <body:units[:category]>', 'units one body grants (repeat for each body)', parseCredit, [])
    .option('--earns <program>', 'a program completing it earns (e.g. nasm-ces, cpr-aed)')
    .option('--repeatable', 'may be taken again (a CPR/AED class)')
    .option('--url <url>', 'link to the course page')
    .option('--note <text>', 'a note')
    .action(async (flags: AddFlags) => {
      const availability = flags.session.length > 0
        ? { kind: 'sessions', dates: flags.session }
        : { kind: 'self-paced', ...(flags.from === undefined ? {} : { from: flags.from }), ...(flags.until === undefined ? {} : { until: flags.until }) };
      if (flags.session.length > 0 && (flags.from !== undefined || flags.until !== undefined)) {
        throw new RecertError([{ code: 'USAGE', path: '--session', message: 'give --session dates or a self-paced --from/--until window, not both' }]);
      }
      const parsed = ownOfferingInputSchema.safeParse({
        title: flags.title, provider: { id: flags.provider, name: flags.providerName ?? flags.provider }, price: flags.price, hours: flags.hours, format: flags.format,
        availability, credits: flags.credit, earns: flags.earns, repeatable: flags.repeatable ?? false, url: flags.url, note: flags.note,
      });
      if (!parsed.success) {
        throw new RecertError(parsed.error.issues.map((i) => ({ code: 'USAGE', path: `${FLAG_OF[String(i.path[0])] ?? String(i.path[0])}${i.path.length > 1 ? ` (${pathToString(i.path)})` : ''}`, message: i.message })));
      }
      await withWallet(flags, async (wallet) => {
        const issues = checkOwnOffering(parsed.data, wallet.catalog(), 'offering').map((i) => ({ ...i, code: 'USAGE' as const }));
        if (parsed.data.credits.length === 0 && parsed.data.earns === undefined) issues.push({ code: 'USAGE', path: '--credit', message: 'give at least one --credit (or --earns): an offering that counts toward nothing cannot help a plan' });
        if (issues.length > 0) throw new RecertError(issues);
        const added = await wallet.store.addOwnOffering(wallet.person, parsed.data, wallet.actor);
        io.out(`added offering "${added.id}" (plans see it as "own:${added.id}"): ${describe(added)}`);
      });
    });

  addWalletOptions(offering.command('list'))
    .description('list your own offerings')
    .option('--json', 'print JSON')
    .action(async (options: WalletOptions & { json?: boolean }) => {
      await withWallet(options, async ({ store, person }) => {
        const offerings = await store.listOwnOfferings(person);
        if (options.json) return io.out(JSON.stringify(offerings, null, 2));
        if (offerings.length === 0) return io.out('No offerings of your own yet. Add one with `recert offering add --title ... --provider ... --price ... --hours ... --format online --credit nasm:0.5`.');
        for (const o of offerings) io.out(`${o.id.padEnd(5)} ${describe(o)}`);
      });
    });

  addWalletOptions(offering.command('remove'))
    .description('remove one of your offerings')
    .argument('<id>', 'the offering id (o1, o2, ...)')
    .action(async (id: string, options: WalletOptions) => {
      await withWallet(options, async ({ store, person, actor }) => {
        await store.removeOwnOffering(person, id, actor);
        io.out(`removed offering "${id}"`);
      });
    });
}

function describe(o: OwnOffering): string {
  const a = o.availability;
  const when = a.kind === 'sessions' ? `on ${a.dates.join(', ')}`
    : a.kind === 'recurring' ? `from ${a.first} to ${a.until}`
      : `self-paced${a.from === undefined ? '' : ` from ${a.from}`}${a.until === undefined ? '' : ` until ${a.until}`}`;
  const credits = o.credits.map((c) => `${formatUnits(c.units)} ${c.body}${c.category === undefined ? '' : `/${c.category}`}`).join(', ');
  const earns = o.earns === undefined ? '' : `earns ${o.earns}`;
  return `${o.title} (${o.provider.name}), $${o.price}, ${o.hours} h, ${o.format}, ${when}; ${[credits, earns].filter(Boolean).join('; ')}`;
}
