#!/usr/bin/env node
// `npm start`: build only what changed since the last start, then run the control plane in this
// process. A full build (`npm run build`) takes from 20 s to over a minute; a start with nothing
// changed should take the server's own start-up time.
//  - TypeScript: `tsc --build` of control-plane/ and the projects it references (contract, synth),
//    which skips every project whose .tsbuildinfo says its inputs are unchanged.
//  - The admin: a Vite build only when the hash of its inputs differs from the last build's
//    (kept in node_modules/.cache, so a fresh `npm ci` builds it again).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminDir = path.join(root, 'admin-vue');
const stampFile = path.join(root, 'node_modules/.cache/luster/admin-build.sha256');

/** What the admin's build reads besides node_modules: its sources, config, and the contract's build. */
const ADMIN_INPUTS = [
  'admin-vue/src',
  'admin-vue/public',
  'admin-vue/index.html',
  'admin-vue/vite.config.ts',
  'admin-vue/package.json',
  'contract/dist',
  'package-lock.json',
];

function run(label, args, cwd = root) {
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`luster: ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

/** A file itself, or every file under a folder, as paths relative to the repository. */
function filesUnder(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [relative];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.tsbuildinfo'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** sha256 over the admin's input files, names and contents, in a stable order. */
function adminInputsHash() {
  const hash = createHash('sha256');
  const files = ADMIN_INPUTS.flatMap((input) => filesUnder(input)).sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

run('TypeScript build', [
  path.join(root, 'node_modules/typescript/bin/tsc'),
  '--build',
  path.join(root, 'control-plane/tsconfig.json'),
]);

const wanted = adminInputsHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (wanted !== built || !existsSync(path.join(adminDir, 'dist/index.html'))) {
  run(
    'admin build',
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    adminDir,
  );
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${wanted}\n`);
}

await import('../control-plane/dist/main.js');
