import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'synth',
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
