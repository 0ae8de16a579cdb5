import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const server = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Outside Next's server bundler, the server-only guard has nothing to guard.
      { find: 'server-only', replacement: path.join(root, 'test/server-only.ts') },
    ],
  },
  test: {
    environment: 'node',
    // On a PostgreSQL server only the suites that talk to a database run again; the rest ran already.
    include: server
      ? [
          'lib/data/**/*.test.ts',
          'lib/schemas/hostile-input.test.ts',
          'lib/hostile-writes.test.ts',
          'lib/idempotency.test.ts',
          'db/**/*.test.ts',
          'lib/**/*.server-test.ts',
        ]
      : ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/clock.ts', 'test/next-cache.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
