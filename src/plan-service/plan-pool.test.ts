import { describe, expect, it, vi } from 'vitest';
import { readCatalogDir } from '../io/read-catalog-dir.js';
import { DEFAULT_COURSE_DIR, readCourseDir } from '../io/read-course-dir.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import { PlanPool } from './plan-pool.js';
import { warmUpTask } from './warm-up.js';

vi.setConfig({ testTimeout: 60_000 });

const catalog = readCatalogDir();
const courses = readCourseDir(DEFAULT_COURSE_DIR, catalog);
const task = warmUpTask('2026-06-01' as CalendarDate);

describe('PlanPool', () => {
  it('solves in worker threads, after the warm-up, and refuses work once closed', async () => {
    const pool = new PlanPool({ catalog, courses, warmUp: task }, 2);
    pool.start();
    const [a, b] = await Promise.all([pool.run(task), pool.run({ ...task, options: { ...task.options, minimize: 'hours' } })]);
    expect(a).toMatchObject({ kind: 'plan', status: 'optimal', minimize: 'price', verification: { ok: true } });
    expect(b.minimize).toBe('hours');
    await pool.close();
    await expect(pool.run(task)).rejects.toThrow('closed');
  });

  it('fails the tasks still waiting when it closes', async () => {
    const pool = new PlanPool({ catalog, courses }, 1);
    const running = expect(pool.run(task)).rejects.toThrow('shutting down');
    const waiting = expect(pool.run(task)).rejects.toThrow('shutting down');
    await pool.close();
    await Promise.all([running, waiting]);
  });

  it('fails a task the planner throws on, and the worker goes on', async () => {
    const pool = new PlanPool({ catalog, courses }, 1);
    try {
      const bad = { ...task, profile: null as never };
      await expect(pool.run(bad)).rejects.toThrow(/^plan worker: TypeError/);
      // The worker survives a failed task.
      expect((await pool.run(task)).status).toBe('optimal');
    } finally {
      await pool.close();
    }
  });
});
