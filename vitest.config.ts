import { defineConfig } from 'vitest/config';

// One test command for the whole repository: each package is a vitest project
// with its own environment (node for the servers and synth, happy-dom for the admin).
export default defineConfig({
  test: {
    projects: ['synth', 'control-plane', 'admin-vue', 'test'],
    reporters: ['default'],
  },
});
