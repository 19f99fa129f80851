import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { adminDistDir, adminDistIsFresh } from '../../../scripts/admin-build-stamp.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin built from the current sources for this run. */
    adminDir: string;
  }
}

const adminRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The admin as built from the current sources: admin-vue/dist when a build there read exactly
 * today's inputs (CI's `npm run build` just made it), else a build into a temporary folder, so the
 * end-to-end tests never run against a stale or missing dist/ (and never overwrite it).
 */
export default async function setup(project: TestProject) {
  if (adminDistIsFresh()) {
    project.provide('adminDir', adminDistDir);
    return;
  }
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'luster-admin-e2e-'));
  await build({
    root: adminRoot,
    configFile: path.join(adminRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  project.provide('adminDir', outDir);
  return () => rm(outDir, { recursive: true, force: true });
}
