#!/usr/bin/env node
// `npx luster …` in the repository runs the TypeScript source through tsx, as the tests and
// `src/main.ts` under tsx do, so it never runs a stale build; without the source (an installed
// build) it runs dist/. Either way it reads the same environment as the server.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  await import(source.href);
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href);
}
