#!/usr/bin/env node
// Bundles the CLI (and the render-all worker) into dist/bundle/*.mjs. One file per entry starts
// far faster than hundreds of modules, most of them CommonJS that Node would have to scan for
// exports: the difference is what keeps a cold `luster-synth render` under 300 ms.
// The bundle finds generated/ at ../../generated, so `outdir` must sit two levels below synth/.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const synthDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleCli(outdir = 'dist/bundle') {
  await build({
    absWorkingDir: synthDir,
    entryPoints: ['src/cli/main.ts', 'src/cli/render-worker.ts'],
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    // cdk8s and constructs are CommonJS: give their require() calls for Node built-ins a require.
    banner: {
      js: "import { createRequire as __lusterRequire } from 'node:module'; const require = __lusterRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleCli();
