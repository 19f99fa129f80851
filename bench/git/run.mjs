#!/usr/bin/env node
// bench/git: the git writer's commit, history, push and packing costs next to the git CLI.
// Runs the TypeScript sources through tsx. `--quick` for a smaller smoke run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const result = spawnSync(
  'npx',
  [
    'tsx',
    '--tsconfig',
    path.join(root, 'control-plane/tsconfig.json'),
    path.join(here, 'git.bench.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
