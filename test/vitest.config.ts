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
    // Files share a worker's modules, as in the packages' projects: they keep their state in their
    // own variables and temporary folders, mock nothing and change no environment, and loading synth,
    // the YAML and schema libraries again for each file was import time for nothing (the ten
    // gitops-template files back to back under load: import 25 s isolated, 10 s shared; CPU 68 s -> 55 s).
    isolate: false,
  },
});
