import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // As in services/api/vitest.config.ts: one copy of graphql for type-graphql, Apollo and the tests.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser tests run the real API over a clone of the demo county: the API's global setup
    // starts PostgreSQL and builds the template once.
    globalSetup: [require.resolve('@sunshine/api/test-global-setup')],
    testTimeout: 60_000,
    // A screen that waits for the API shows its result when it arrives: on two busy cores that can take
    // seconds, not the one second expect.poll waits by default.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 240_000,
  },
});
