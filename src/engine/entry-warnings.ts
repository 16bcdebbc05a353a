/**
 * Likely mistakes in an entry that is about to be saved: saved anyway, but flagged. Pure: the caller
 * passes today (the edge's clock) and the wallet; the renewal check uses the engine's own evaluate.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Activity, Credential, Profile, Renewal } from '../profile/profile-schema.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { formatUnits } from '../shared/units.js';
import type { Warning } from '../shared/warning-codes.js';
import { evaluate } from './evaluate.js';
import { shortProgramName } from './explain.js';

/**
 * The titles that name a CPR/AED card: the word CPR, AED or BLS, or the words "basic life support",
 * case-insensitive, as whole words ("CPR/AED renewal", "Adult CPR", "BLS Provider").
 */
export const CPR_TITLE = /\b(cpr|aed|bls|basic life support)\b/i;

/** A body's CE category meant for such cards (ACSM's "cpr-aed-first-aid"): its id starts with "cpr". */
const isCprCategory = (category: string | undefined): boolean => category !== undefined && category.startsWith('cpr');

export function activityWarnings(activity: Activity, today: CalendarDate): Warning[] {
  const warnings: Warning[] = [];
  if (activity.completed > today) {
    warnings.push({ code: 'ACTIVITY_IN_FUTURE', path: 'body.completed', message: `completed on ${activity.completed}, after today (${today}): it will not count until that date; check the date, or log it once done` });
  }
  const granted = activity.credits.filter((line) => !isCprCategory(line.category));
  if (CPR_TITLE.test(activity.title) && granted.length > 0) {
    warnings.push({
      code: 'CPR_CARD_AS_CE', path: 'body.title',
      message: `"${activity.title}" looks like a CPR/AED card: record the card as a credential (program cpr-aed) instead, so it is checked where certifications require it and not counted twice; keep it here only if ${granted.map((l) => l.body.toUpperCase()).join(' and ')} granted these units for it as CE`,
    });
  }
  return warnings;
}

/** `wallet` is the person's wallet with `credential` in it (added or changed). */
export function credentialWarnings(catalog: Catalog, wallet: Profile, credential: Credential, today: CalendarDate): Warning[] {
  const warnings: Warning[] = [];
  const name = catalog.programs.get(credential.program)?.name ?? credential.program;
  if (credential.earned > today) {
    warnings.push({ code: 'EARNED_IN_FUTURE', path: 'body.earned', message: `earned on ${credential.earned}, after today (${today}): nothing is checked until then; check the date` });
  }
  const others = wallet.credentials.filter((c) => c.program === credential.program && c.id !== credential.id);
  if (others.length > 0) {
    warnings.push({
      code: 'DUPLICATE_PROGRAM', path: 'body.program',
      message: `you already hold ${name} as ${others.map((c) => `"${c.id}" (earned ${c.earned})`).join(', ')}: record a renewal of it rather than a second credential, unless you really hold two`,
    });
  }
  return warnings;
}

/**
 * `wallet` is the person's wallet without this renewal (and, for a change, without its old date).
 * The cycle is judged on the renewal date, as the engine would on that day.
 */
export function renewalWarnings(catalog: Catalog, wallet: Profile, renewal: Renewal): Warning[] {
  const credential = wallet.credentials.find((c) => c.id === renewal.credential);
  if (credential === undefined || credential.earned > renewal.date) return [];
  const report = evaluate(catalog, wallet, renewal.date).credentials.find((c) => c.id === renewal.credential);
  if (report === undefined || !['in-progress', 'due-soon', 'grace'].includes(report.status)) return [];
  const todo: string[] = [];
  if (report.missing !== null && report.missing > 0 && report.unit !== null) todo.push(`${formatUnits(report.missing)} ${report.unit} more`);
  todo.push(...report.components.filter((c) => !c.met && !c.unconfirmed).map((c) => c.label));
  if (todo.length === 0) return [];
  const cycle = report.cycle === null ? '' : ` (cycle ${report.cycle.start} to ${report.cycle.end})`;
  return [{
    code: 'RENEWAL_REQUIREMENT_NOT_MET', path: 'body.date',
    message: `on ${renewal.date} the ${shortProgramName(report.programName)} requirement${cycle} was not met: still needed ${todo.join('; ')}; check that the CE is logged and dated, or that the body accepted the renewal`,
  }];
}
