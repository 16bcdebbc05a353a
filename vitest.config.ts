import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'threads',
    // Plain text in assertions: picocolors turns colour on whenever CI is set.
    env: { NO_COLOR: '1' },
  },
});
