import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Browser tests build the whole site first.
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
