import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'threads',
    // The second reporter ends the run with one line naming the suites that were skipped and why.
    reporters: ['default', './test/skipped-suites-reporter.ts'],
    // Setup and teardown start and stop real servers and databases; on a loaded 2-core machine they
    // can take longer than vitest's 10 s default.
    hookTimeout: 30_000,
    // Plain text in assertions: picocolors turns colour on whenever CI is set.
    env: { NO_COLOR: '1' },
  },
});
