// Writes gitops-repo-template/clusters/production/, argocd/production/ and the shard folders' markers
// under tenants/production/ as renderClusterEntry renders them for `production` with the default
// layout, removing files it no longer renders (tenants/production/README.md is the template's own). The template test
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
const shardFolders = readdirSync(join(template, 'tenants/production'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => join(template, 'tenants/production', e.name));
for (const path of [join(template, 'clusters/production'), join(template, 'argocd'), ...shardFolders].flatMap(
  existing,
)) {
  if (!wanted.has(path)) rmSync(join(template, path));
}
for (const file of files) {
  mkdirSync(dirname(join(template, file.path)), { recursive: true });
  writeFileSync(join(template, file.path), file.content);
}
process.stdout.write(`wrote ${files.length} files of production's entry point\n`);
