import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // TypeORM needs legacy (experimental) decorators; Vite's default transform emits TC39 ones.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  // Tests run synth from source, so they never need a build of the workspace package.
  resolve: {
    alias: [
      {
        find: '@luster/contract',
        replacement: fileURLToPath(new URL('../contract/src/index.ts', import.meta.url)),
      },
      {
        find: '@luster/synth',
        replacement: fileURLToPath(new URL('../synth/src/index.ts', import.meta.url)),
      },
      // Node, and so Apollo, loads graphql's CommonJS build; Vite would give our sources its ESM
      // build, and graphql-js refuses types and errors that come from the other copy.
      { find: /^graphql$/, replacement: 'graphql/index.js' },
    ],
  },
  test: {
    name: 'control-plane',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test-support/global-setup.ts', '../test/support/kubectl-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files share a worker's modules: loading Express, Apollo, TypeORM, isomorphic-git and synth
    // again for each of ~140 files was ~40% of this project's worker time (44 files back to back
    // under load: import 661 s isolated, 102 s shared; CPU 299 s → 174 s). Safe because the control plane
    // keeps its state on the objects startServer builds (config, data source, metrics registry,
    // event bus), never at module level, and no file mocks a module, changes process.env or fakes
    // timers; a spy on a service object is restored by the file that made it. A test that needs
    // any of those must go in a project of its own with `isolate: true`.
    isolate: false,
  },
});
