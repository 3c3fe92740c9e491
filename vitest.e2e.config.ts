import { defineConfig } from 'vitest/config';

// Browser tests drive the system Chromium through playwright-core; they run one file at a time to stay light.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'hono/jsx' },
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // Generous bounds: on a loaded machine a browser test is slow, not wrong. Nothing inside waits on a clock.
    testTimeout: 20 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
