import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * End-to-end tests: the built admin (dist/) served by a real control plane
 * (startTestServer: its own database on the embedded PostgreSQL of the global
 * setup, its own data directory and GitOps repo), driven in Debian's Chromium
 * through playwright-core. Run with `npm run test:e2e -w admin-vue`, which
 * builds first; `.ci/run` calls admin-vue/scripts/e2e.sh.
 */
export default defineProject({
  // The control plane's TypeORM entities need legacy decorators, as in its own vitest config.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: {
    alias: { '@luster/synth': fileURLToPath(new URL('../synth/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'admin-vue-e2e',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['../control-plane/src/test-support/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
