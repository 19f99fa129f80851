// Writes gitops-repo-template/clusters/production/ as renderClusterEntry renders it for
// `production` with the default layout, removing files it no longer renders. The template test
// (test/gitops-template/cluster-entry.test.ts) fails until the folder matches.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderClusterEntry } from '../src/cluster/render-cluster-entry.js';

const template = resolve(dirname(fileURLToPath(import.meta.url)), '../../gitops-repo-template');
const files = renderClusterEntry({ cluster: 'production' });
const wanted = new Set(files.map((f) => f.path));

function existing(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? existing(join(dir, e.name)) : [relative(template, join(dir, e.name))],
  );
}
for (const path of existing(join(template, 'clusters/production'))) {
  if (!wanted.has(path)) rmSync(join(template, path));
}
for (const file of files) {
  mkdirSync(dirname(join(template, file.path)), { recursive: true });
  writeFileSync(join(template, file.path), file.content);
}
process.stdout.write(`wrote ${files.length} files of clusters/production\n`);
