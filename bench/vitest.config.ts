import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of the benchmarks' own logic (the fleet model must be right for its counts to mean
// anything); the benchmarks themselves run with `npm run bench`, not here.
export default defineConfig({
  test: {
    name: 'bench',
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    include: ['**/*.test.ts'],
    // Some tests render tenants with synth (~0.2 s each on a loaded machine); each file stays well under this.
    testTimeout: 30_000,
  },
});
