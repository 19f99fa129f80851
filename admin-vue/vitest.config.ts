import vue from '@vitejs/plugin-vue';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [vue()],
  test: {
    name: 'admin-vue',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Files share a worker's modules (each still gets a fresh happy-dom): the admin keeps no state at
    // module level (no module-level refs or stores; components mount per test), and loading Vue and
    // the components again for each of 55 files was most of this project's time (back to back under
    // load: 133 s, import 68 s, isolated; 19–23 s, import 15–20 s, shared).
    isolate: false,
  },
});
