#!/usr/bin/env node
// `npm start`: build only what changed since the last start, then run the control plane in this
// process. A full build (`npm run build`) takes from 20 s to over a minute; a start with nothing
// changed should take the server's own start-up time.
//  - TypeScript: `tsc --build` of control-plane/ and the projects it references (contract, synth),
//    which skips every project whose .tsbuildinfo says its inputs are unchanged.
//  - The admin: a Vite build only when the hash of its inputs differs from the last build's
//    (admin-build-stamp.mjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminDistIsFresh } from './admin-build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminDir = path.join(root, 'admin-vue');

function run(label, args, cwd = root) {
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`luster: ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

run('TypeScript build', [
  path.join(root, 'node_modules/typescript/bin/tsc'),
  '--build',
  path.join(root, 'control-plane/tsconfig.json'),
]);

if (!adminDistIsFresh()) {
  run(
    'admin build',
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    adminDir,
  );
}

await import('../control-plane/dist/main.js');
