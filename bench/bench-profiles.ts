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
