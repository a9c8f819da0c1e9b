import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'db/**/*.test.ts', 'central/**/*.test.ts', 'electron/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/sync/**/*.test.ts', 'tests/acceptance/**/*.test.ts', 'tests/support/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/bench/**/*.test.ts'],
    environment: 'node',
    // PIN hashing (scrypt) and SQLite fsyncs make some tests slower than the default allows on 2 cores.
    testTimeout: 20_000,
  },
});
