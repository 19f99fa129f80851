import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { stampAdminBuild } from '../scripts/admin-build-stamp.mjs';

export default defineConfig({
  plugins: [vue(), stampAdminBuild()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    // `npm run dev -w admin-vue` proxies the API to a control plane on :8080.
    proxy: Object.fromEntries(
      ['/api', '/graphql', '/readyz', '/healthz'].map((p) => [p, 'http://127.0.0.1:8080']),
    ),
  },
});
