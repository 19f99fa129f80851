#!/usr/bin/env node
// bench/hooks: throughput and latency of POST /hooks/flux on a real control plane.
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
    path.join(here, 'hooks.bench.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
