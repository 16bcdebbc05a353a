/**
 * The benchmark's people: a trainer holding 1, 3 or 6 credentials, each planned for its next 2 cycles
 * from 2026-01-15, with a CPR/AED card valid until mid-2027. The 6-credential person holds two NSCA
 * credentials (one CE set serves both) and one of each other body's.
 */
import type { CalendarDate } from '../src/shared/calendar-date.js';
import type { Profile } from '../src/profile/profile-schema.js';

export const BENCH_AS_OF = '2026-01-15' as CalendarDate;

const ALL = [
  { id: 'nasm', program: 'nasm-cpt', earned: '2025-03-10' },
  { id: 'ace', program: 'ace-cpt', earned: '2025-08-20' },
  { id: 'nsca-cscs', program: 'nsca-cscs', earned: '2024-03-01' },
  { id: 'acsm', program: 'acsm-cpt', earned: '2024-06-15' },
  { id: 'nsca-cpt', program: 'nsca-cpt', earned: '2025-02-01' },
  { id: 'issa', program: 'issa-cpt', earned: '2025-11-30' },
] as const;

export function benchProfile(credentials: 1 | 3 | 6 | number): Profile {
  return {
    credentials: [
      ...ALL.slice(0, credentials).map((c) => ({ ...c, earned: c.earned as CalendarDate })),
      { id: 'cpr', program: 'cpr-aed', earned: '2025-06-01' as CalendarDate },
    ],
    renewals: [],
    activities: [],
  };
}

export const BENCH_BODIES = ['nasm', 'ace', 'acsm', 'nsca', 'issa'] as const;

/**
 * The deadlines of the 6-credential person's next two cycles from BENCH_AS_OF (as `recert plan` computes
 * them; test/planner/generator-real.test.ts checks the list against the planner) and the expiry of the
 * CPR/AED card. The second generator puts session dates and windows exactly on and beside them.
 */
export const BENCH_DEADLINES: readonly CalendarDate[] = [
  '2026-12-31', '2027-03-10', '2027-06-30', '2027-08-31', '2027-11-30', '2027-12-31',
  '2029-03-10', '2029-08-31', '2029-11-30', '2029-12-31', '2030-12-31',
].map((d) => d as CalendarDate);
