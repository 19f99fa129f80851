import { defineProject } from 'vitest/config';

export default defineProject({
  // TypeORM needs legacy (experimental) decorators; Vite's default transform emits TC39 ones.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    name: 'control-plane',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
