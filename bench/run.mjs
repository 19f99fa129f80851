#!/usr/bin/env node
// `npm run bench`: runs every bench/<area>/run.mjs in turn. Each benchmark
// measures its baseline in the same run and rewrites its own section of
// bench/RESULTS.md. Pass area names to run only some: npm run bench -- git synth
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const areas = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(here, d.name, 'run.mjs')))
  .map((d) => d.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

if (areas.length === 0) {
  console.error(wanted.length ? `no benchmark named ${wanted.join(', ')}` : 'no benchmarks found');
  process.exit(2);
}
let failed = 0;
for (const area of areas) {
  console.log(`\n=== bench/${area}`);
  const result = spawnSync(process.execPath, [path.join(here, area, 'run.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`bench/${area} failed with exit code ${result.status}`);
  }
}
process.exit(failed ? 1 : 0);
