import { defineConfig } from 'vitest/config';

// Unit and service tests: shared/ and electron/ services under plain Node.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/shared/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/renderer/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
