/** Wallets the plan, offering and planned-item HTTP tests share. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** examples/seed-nasm.json: NASM-CPT renewed early, NASM-CES, a CPR/AED card. */
export const SEED = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'seed-nasm.json'), 'utf8'));

/** NASM-CPT earned 2025-11-01 with a CPR/AED card: two cycles to plan, each met by one specialization. */
export const TWO_CYCLES = {
  credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: '2025-11-01' }, { id: 'cpr', program: 'cpr-aed', earned: '2026-01-10' }],
  renewals: [],
  activities: [],
};
