import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * End-to-end tests: the admin, built from the current sources by the global
 * setup, served by a real control plane (startTestServer: its own database on
 * the embedded PostgreSQL of the control plane's global setup, its own data
 * directory and GitOps repo), driven in Debian's Chromium through
 * playwright-core. Self-contained, so it can be a project of the root
 * vitest.config.ts; `npm run test:e2e -w admin-vue` or scripts/e2e.sh run it alone.
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
    globalSetup: ['../control-plane/src/test-support/global-setup.ts', 'e2e/support/build-admin.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Files run side by side, with each other and with the other projects' files: each starts its own
    // control plane (free ports, own database and data directory) and its own Chromium (a fresh
    // profile). Run one at a time they were the last four minutes of `npm test`, on one core.
    // Files share a worker's modules, as in the control plane's project and for the same reasons
    // (state on the objects each file starts, no mocks, no env changes, no fake timers): loading the
    // control plane, playwright-core and synth again for each file was a third of its time (three
    // files back to back under load: 184 s, import 61 s, isolated; 117 s, import 18 s, shared).
    isolate: false,
  },
});
