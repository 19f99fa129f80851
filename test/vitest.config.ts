import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Root-level tests of repository artefacts that belong to no package (gitops-repo-template/ …).
export default defineConfig({
  test: {
    name: 'test',
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    include: ['**/*.test.ts'],
    globalSetup: ['support/kubectl-global-setup.ts'],
    // Real `kubectl kustomize` runs and schema compiles; each file stays well under this.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
