import { defineConfig } from 'vitest/config';

// One test command for the whole repository: each package is a vitest project
// with its own environment (node for the servers and synth, happy-dom for the admin,
// real Chromium against a real control plane for the admin end-to-end tests).
export default defineConfig({
  test: {
    projects: ['synth', 'control-plane', 'admin-vue', 'admin-vue/vitest.e2e.config.ts', 'test', 'bench'],
    reporters: ['default'],
    // Two test files at a time on two cores (vitest's default is cores − 1: one): most files wait on
    // real processes (PostgreSQL, git, Chromium, child control planes), so a second file overlaps
    // those waits — the whole suite ran 1,130 s one file at a time.
    maxWorkers: 2,
  },
});
