#!/usr/bin/env node
// Regenerates the typed CRD constructs in src/imports with `cdk8s import`, from the CRDs vendored
// in vendor/crds at the repository root (see vendor/SOURCES.md), or from $LUSTER_SHARED_DIR/crds when
// trying a refresh. CRDs of one API group are concatenated into one multi-document file first:
// importing them one by one would make the second overwrite the first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const synthDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const crdDir = join(resolve(process.env.LUSTER_SHARED_DIR ?? join(synthDir, '../vendor')), 'crds');
const outDir = join(synthDir, 'src/imports');
const cdk8s = resolve(synthDir, '../node_modules/.bin/cdk8s');

/** One entry per API group: the generated module is named after the group. */
const groups = {
  'cert-manager.io': ['cert-manager.certificates.yaml'],
  'kustomize.toolkit.fluxcd.io': ['flux.kustomize.toolkit.fluxcd.io.kustomizations.yaml'],
  'source.extensions.fluxcd.io': ['flux.source.extensions.fluxcd.io.artifactgenerators.yaml'],
  'postgresql.cnpg.io': [
    'cnpg.postgresql.cnpg.io.clusters.yaml',
    'cnpg.postgresql.cnpg.io.scheduledbackups.yaml',
  ],
};

const work = mkdtempSync(join(tmpdir(), 'luster-crd-import-'));
try {
  for (const [group, files] of Object.entries(groups)) {
    const combined = join(work, `${group}.yaml`);
    writeFileSync(combined, files.map((f) => readFileSync(join(crdDir, f), 'utf8')).join('\n---\n'));
    execFileSync(
      cdk8s,
      ['import', combined, '--language', 'typescript', '--output', outDir, '--no-check-upgrade'],
      { stdio: 'inherit', cwd: work },
    );
    process.stdout.write(`imported ${group} from ${files.join(', ')}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
