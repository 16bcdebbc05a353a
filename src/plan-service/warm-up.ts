/** The plan each worker solves at server start: a small one (NASM-CPT and a CPR/AED card, two cycles; well under a second). */
import { addDays, type CalendarDate } from '../shared/calendar-date.js';
import type { PlanTask } from './plan-task.js';

export function warmUpTask(today: CalendarDate): PlanTask {
  const earned = addDays(today, -200);
  return {
    profile: {
      credentials: [
        { id: 'nasm', program: 'nasm-cpt', earned },
        { id: 'cpr', program: 'cpr-aed', earned },
      ],
      renewals: [],
      activities: [],
    },
    asOf: today,
    options: { horizon: { cycles: 2 }, timeLimitSeconds: 10 },
    ownOfferings: [],
  };
}
