/** Required components beyond the unit total: a current prerequisite, a category minimum, a spread of categories. */
import type { Catalog } from '../catalog/catalog.js';
import type { ComponentRule } from '../catalog/schema.js';
import { addDays, type CalendarDate } from '../shared/calendar-date.js';
import { fromMilli, toMilli } from '../shared/units.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Contribution } from './count-activities.js';
import type { Cycle } from './cycles.js';
import { finding, type Finding } from './findings.js';
import { currentHolder, heldValidities, type Validity } from './held-credentials.js';

export interface ComponentCheck {
  readonly id: string;
  readonly label: string;
  readonly met: boolean;
  /** True when the catalog's number for this component is unconfirmed: recert cannot check it. */
  readonly unconfirmed: boolean;
  readonly finding: Extract<Finding, { kind: 'component' }>;
  readonly advisories: readonly Finding[];
}

export interface ComponentContext {
  readonly catalog: Catalog;
  readonly profile: Profile;
  readonly body: string;
  readonly unit: string;
  readonly cycle: Cycle;
  readonly asOf: CalendarDate;
  readonly contributions: readonly Contribution[];
  /** The unit total required this cycle, in thousandths (null when unconfirmed). */
  readonly requiredMilli: number | null;
  /** heldValidities of this profile on asOf, when the caller keeps them (heldValiditiesOnce). */
  readonly held?: ((program: string) => readonly Validity[]) | undefined;
}

export function checkComponent(component: ComponentRule, ctx: ComponentContext): ComponentCheck {
  switch (component.kind) {
    case 'program-current':
      return checkProgramCurrent(component, ctx);
    case 'category-minimum': {
      const earned = ctx.contributions.filter((c) => c.category === component.category).reduce((sum, c) => sum + c.milli, 0);
      const required = component.units.value;
      const categoryName = ctx.catalog.bodies.get(ctx.body)?.categories.find((c) => c.id === component.category)?.name ?? component.category;
      const met = required !== null && earned >= toMilli(required);
      return result(component, met, required === null, { kind: 'category-minimum', category: component.category, categoryName, required, earned: fromMilli(earned), unit: ctx.unit });
    }
    case 'min-categories': {
      const categories = [...new Set(ctx.contributions.filter((c) => c.category !== undefined && c.milli > 0).map((c) => c.category as string))].sort();
      const required = component.count.value;
      // When the prorated total is zero (NSCA: certified late in the period) there is nothing to spread.
      const waived = ctx.requiredMilli === 0;
      const met = waived || (required !== null && categories.length >= required);
      return result(component, met, required === null, { kind: 'min-categories', required, categories, waived });
    }
  }
}

function checkProgramCurrent(component: Extract<ComponentRule, { kind: 'program-current' }>, ctx: ComponentContext): ComponentCheck {
  const beyond = component.validBeyondDays?.value ?? 0;
  const checkDate = ctx.asOf;
  const validThrough = addDays(checkDate, beyond);
  const validities = ctx.held?.(component.program) ?? heldValidities(ctx.catalog, ctx.profile, component.program, ctx.asOf);
  const holder = currentHolder(validities, checkDate, validThrough);
  const programName = ctx.catalog.programs.get(component.program)?.name ?? component.program;
  const lastExpired = validities.map((v) => v.validUntil).filter((d): d is CalendarDate => d !== null && d < validThrough).sort().at(-1);
  const advisories: Finding[] = [];
  if (holder?.validUntil != null && holder.validUntil < addDays(ctx.cycle.end, beyond) && ctx.asOf <= ctx.cycle.end) {
    advisories.push(finding({ kind: 'prerequisite-expires-early', label: programName, credential: holder.credential.id, expires: holder.validUntil, deadline: ctx.cycle.end, beyondDays: beyond }));
  }
  const check = result(component, holder !== undefined, component.validBeyondDays?.value === null, {
    kind: 'program-current',
    program: component.program,
    programName,
    checkDate,
    validBeyondDays: beyond,
    holder: holder === undefined ? undefined : { credential: holder.credential.id, validUntil: holder.validUntil ?? '9999-12-31' as CalendarDate },
    expiredOn: holder === undefined ? lastExpired : undefined,
  });
  return { ...check, advisories };
}

function result(component: ComponentRule, met: boolean, unconfirmed: boolean, detail: Extract<Finding, { kind: 'component' }>['detail']): ComponentCheck {
  return {
    id: component.id,
    label: component.label,
    met,
    unconfirmed,
    finding: finding({ kind: 'component', id: component.id, label: component.label, met, detail }),
    advisories: [],
  };
}
