import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'synth',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['../test/support/kubectl-global-setup.ts'],
    // Some tests start real processes (a second render, the CLI bundle, kubectl) on busy CI machines.
    testTimeout: 60_000,
    // Files share a worker's modules: synth's only module-level state is memoised pure results (schema
    // validators, kind names, emitted strings), the same for every file, and the tests use no mocks or
    // env changes; loading cdk8s and the generated imports for each of ~60 files was most of this
    // project's time (under load: import 281 s of 469 s isolated, 35 s of 115 s shared).
    isolate: false,
  },
});
