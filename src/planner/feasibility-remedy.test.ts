import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../shared/calendar-date.js';
import { feasibilityRemedy } from './feasibility-remedy.js';
import type { Infeasibility, InfeasibleReason } from './requirement.js';

const impossible = (reason: InfeasibleReason): Infeasibility => ({
  credential: 'cpt', programName: 'NASM-CPT', ordinal: 1, cycleStart: '2026-11-01' as CalendarDate, end: '2028-11-01' as CalendarDate, unit: 'CEU', reason,
});

describe('what would make an impossible renewal possible', () => {
  it('names the budget and the study load the person set when the renewals compete for them', () => {
    const text = feasibilityRemedy(impossible({ kind: 'combination' }), { yearlyBudget: 100, maxHoursPerMonth: 2 }, { othersPlanned: true });
    expect(text).toBe('To make it possible: raise the yearly budget (now $100), allow more than 2 hours of study a month, '
      + 'let another credential lapse to free its courses or add a course you know of as your own offering (recert offering add).');
  });

  it('suggests letting another credential lapse only when the plan keeps others', () => {
    expect(feasibilityRemedy(impossible({ kind: 'combination' }), { yearlyBudget: 100 })).toBe('To make it possible: raise the yearly budget (now $100) '
      + 'or add a course you know of as your own offering (recert offering add).');
  });

  it('names the excluded formats and providers and the units still missing', () => {
    const text = feasibilityRemedy(impossible({ kind: 'units', demand: 2, available: 1.2 }), { excludeFormats: ['online', 'blended'], excludeProviders: ['nasm'] });
    expect(text).toBe('To make it possible: allow online courses or blended courses, include "nasm" again '
      + 'or add a course you know of as your own offering (recert offering add) that gives 0.8 CEU more before 2028-11-01.');
  });

  it('asks for a card-earning course inside the window when a CPR/AED card cannot be current', () => {
    const text = feasibilityRemedy(impossible({ kind: 'component', label: 'Current CPR/AED', program: 'Adult CPR/AED', from: '2026-11-01' as CalendarDate, to: '2028-11-01' as CalendarDate }));
    expect(text).toContain('that earns Adult CPR/AED between 2026-11-01 and 2028-11-01');
  });

  it('sends the person to the body when only the body can help', () => {
    expect(feasibilityRemedy(impossible({ kind: 'unconfirmed-total' }))).toMatch(/^Ask the body for the required total/);
    expect(feasibilityRemedy(impossible({ kind: 'ended-unmet', end: '2026-01-01' as CalendarDate }))).toMatch(/reinstate/);
    expect(feasibilityRemedy(impossible({ kind: 'grace-unmet', end: '2026-01-01' as CalendarDate, graceEnd: '2026-03-01' as CalendarDate, missing: 1, unmet: [], renewOn: '2026-02-01' as CalendarDate })))
      .toContain('by 2026-03-01');
  });

  it('suggests a longer time limit than the one used', () => {
    expect(feasibilityRemedy(impossible({ kind: 'time-limit' }), { timeLimitSeconds: 5 })).toContain('above 5 seconds');
  });
});
