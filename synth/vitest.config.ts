import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'synth',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['../test/support/kubectl-global-setup.ts'],
    // Some tests start real processes (a second render, the CLI bundle, kubectl) on busy CI machines.
    testTimeout: 60_000,
  },
});
