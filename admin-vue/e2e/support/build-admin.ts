import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin built from the current sources for this run. */
    adminDir: string;
  }
}

const adminRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the admin from the current sources into a temporary folder, so the
 * end-to-end tests never run against a stale or missing dist/ (and never
 * overwrite it).
 */
export default async function setup(project: TestProject) {
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
