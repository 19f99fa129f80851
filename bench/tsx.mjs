// Runs a TypeScript benchmark through tsx from the repository root and returns its exit code.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `file` is a URL or path of the .ts entry; `tsconfig` decides decorators and path aliases. */
export function runTs(file, tsconfig, args = process.argv.slice(2)) {
  const entry = file instanceof URL ? fileURLToPath(file) : file;
  const result = spawnSync('npx', ['tsx', '--tsconfig', path.resolve(root, tsconfig), entry, ...args], {
    stdio: 'inherit',
    cwd: root,
  });
  return result.status ?? 1;
}
