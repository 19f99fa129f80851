#!/usr/bin/env node
// Step 4 (and what the cluster steps wait for): the registered tenant's Flux Kustomizations and
// Deployments, read from its folder in the served repository at the current main — never a name
// guessed from today's layout. One line each: `kustomization <namespace>/<name>` or
// `deployment <namespace>/<name>`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { readState, run } from './lib.mjs';

/** Folders named `slug` below `dir` (a tenant folder sits under its cluster and shard). */
function tenantFolders(dir, slug) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isDirectory() && e.name === slug)
    .map((e) => path.join(e.parentPath, e.name));
}

run(async () => {
  const state = readState();
  execFileSync('git', ['-C', state.clone, 'pull', '--quiet', '--ff-only'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [folder, ...more] = tenantFolders(
    path.join(state.clone, 'tenants', state.cluster),
    state.organization.slug,
  );
  if (!folder || more.length)
    throw new Error(
      `expected one folder of tenant ${state.organization.slug}, found ${[folder, ...more].filter(Boolean).length}`,
    );
  const lines = new Set();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    for (const doc of parseAllDocuments(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))) {
      const object = doc.toJS();
      const ref = `${object?.metadata?.namespace}/${object?.metadata?.name}`;
      if (
        object?.kind === 'Kustomization' &&
        String(object.apiVersion).startsWith('kustomize.toolkit.fluxcd.io/')
      )
        lines.add(`kustomization ${ref}`);
      if (object?.kind === 'Deployment') lines.add(`deployment ${ref}`);
    }
  }
  const found = [...lines].sort();
  if (!found.some((l) => l.startsWith('kustomization ')) || !found.some((l) => l.startsWith('deployment ')))
    throw new Error(
      `tenant folder ${path.relative(state.clone, folder)} has no Flux Kustomization or no Deployment`,
    );
  process.stdout.write(`${found.join('\n')}\n`);
});
