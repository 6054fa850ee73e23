import { defineConfig } from 'vitest/config';

/**
 * Two sets of tests. `fast`: everything that runs inside the test process (the bot through the
 * in-memory transport, the pure parts), for a developer's every change: `npm run test:fast`.
 * `slow`: the tests that start processes (*.slow.test.ts: the simulator and the tools as
 * commands, kills at random moments, the crash test). `npm test` runs both.
 */
const common = { environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 } as const;

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'fast', include: ['test/**/*.test.ts'], exclude: ['test/**/*.slow.test.ts'], isolate: false } },
      { test: { ...common, name: 'slow', include: ['test/**/*.slow.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
