import { describe, expect, it } from 'vitest';
import { calendarDate as d } from '../shared/calendar-date.js';
import { activityWarnings, CPR_TITLE } from './entry-warnings.js';

const today = d('2026-06-01');
const activity = (title: string, completed = '2026-05-01', credits = [{ body: 'nasm', units: 0.1 }]) => ({ id: 'a', title, completed: d(completed), credits });

describe('warnings for an activity', () => {
  it('recognises CPR/AED and BLS cards by whole words in the title', () => {
    for (const title of ['Adult CPR/AED', 'cpr renewal', 'AED refresher', 'BLS Provider', 'Basic Life Support']) expect(CPR_TITLE.test(title)).toBe(true);
    for (const title of ['Scaffolding', 'Biomechanics', 'Ablsx', 'Paediatric nutrition']) expect(CPR_TITLE.test(title)).toBe(false);
  });

  it('warns for a card with units outside a CPR category, and only then', () => {
    expect(activityWarnings(activity('Adult CPR/AED'), today).map((w) => w.code)).toEqual(['CPR_CARD_AS_CE']);
    expect(activityWarnings(activity('Adult CPR/AED', '2026-05-01', [{ body: 'acsm', units: 5, category: 'cpr-aed-first-aid' } as never]), today)).toEqual([]);
    expect(activityWarnings(activity('Adult CPR/AED', '2026-05-01', []), today)).toEqual([]);
  });

  it('warns for a date after today, not for today', () => {
    expect(activityWarnings(activity('Course', '2026-06-02'), today).map((w) => w.code)).toEqual(['ACTIVITY_IN_FUTURE']);
    expect(activityWarnings(activity('Course', '2026-06-01'), today)).toEqual([]);
  });
});
