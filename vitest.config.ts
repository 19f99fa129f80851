import { defineConfig } from 'vitest/config';

// One test command for the whole repository: each package is a vitest project
// with its own environment (node for the servers and synth, happy-dom for the admin,
// real Chromium against a real control plane for the admin end-to-end tests).
export default defineConfig({
  test: {
    projects: ['synth', 'control-plane', 'admin-vue', 'admin-vue/vitest.e2e.config.ts', 'test'],
    reporters: ['default'],
  },
});
