#!/usr/bin/env node
// bench/api: registration → commit on main at 20 concurrent clients, and the organization list
// at 10,000 organizations, on a real control plane. Runs synth from source (see tsconfig.json).
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
    path.join(here, 'tsconfig.json'),
    path.join(here, 'api.bench.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
