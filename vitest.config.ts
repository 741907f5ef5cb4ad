import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Adapter tests start servers on 127.0.0.1; forks keep each file's sockets and timers apart.
    pool: 'forks',
  },
});
