#!/usr/bin/env node
// Step 3: prepares Flux's bootstrap from the control plane's served repository, as the template's
// README (step 2b) does by hand: a clone with the read token, gotk-sync.yaml written into its
// clusters/<cluster>/flux-system/ (GitRepository and Kustomization `flux-system`, with
// spec.verify when commits are signed), and the Secrets never committed. Prints the manifests.
// The workflow then adds `flux install --export` as gotk-components.yaml and applies the folder
// with `kubectl apply -k`, so Flux's lockdown patches apply from the first reconcile.
//
//   E2E_CLUSTER   the cluster entry point, clusters/<name>/ (default: production)
//
// Files: <E2E_DIR>/gitops (the clone), <E2E_DIR>/bootstrap/{secrets.yaml,components-extra}.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { kindOverrides } from './kind-overrides.mjs';
import { readState, run, saveState, workDir } from './lib.mjs';

const cluster = process.env.E2E_CLUSTER ?? 'production';
const yaml = (docs) => docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');

/** Every file under `dir`, recursively. */
const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

run(async () => {
  const state = readState();
  const clone = path.join(workDir, 'gitops');
  rmSync(clone, { recursive: true, force: true });
  const cloneUrl = new URL(`${state.url}/git/gitops.git`);
  cloneUrl.username = 'luster';
  cloneUrl.password = state.tokens.gitRead;
  execFileSync('git', ['clone', '--quiet', cloneUrl.toString(), clone], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const entry = path.join(clone, 'clusters', cluster);
  if (!existsSync(path.join(entry, 'flux-system/kustomization.yaml')))
    throw new Error(`the served repository has no clusters/${cluster}/flux-system/kustomization.yaml`);
  // The layout decides Flux's components: ArtifactGenerators need source-watcher (Flux 2.7+).
  const usesArtifacts = filesUnder(entry).some((f) =>
    /^kind:\s*ArtifactGenerator\s*$/m.test(readFileSync(f, 'utf8')),
  );

  const repositoryUrl = `${state.clusterUrl}/git/gitops.git`;
  const sync = [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: {
        interval: '1m',
        url: repositoryUrl,
        ref: { branch: 'main' },
        secretRef: { name: 'luster-gitops-read' },
        ...(state.signingPublicKey
          ? { verify: { mode: 'HEAD', secretRef: { name: 'luster-signing-keys' } } }
          : {}),
      },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: {
        interval: '10m',
        path: `./clusters/${cluster}`,
        prune: true,
        serviceAccountName: 'kustomize-controller',
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
        patches: kindOverrides({ lusterUrl: state.clusterUrl }),
      },
    },
  ];
  const secret = (name, stringData) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: 'flux-system' },
    stringData,
  });
  const secrets = [
    secret('luster-gitops-read', { username: 'luster', password: state.tokens.gitRead }),
    secret('luster-flux-webhook', { token: state.tokens.fluxWebhook }),
    secret('luster-flux-receiver', { token: state.tokens.fluxReceiver }),
    ...(state.signingPublicKey
      ? [secret('luster-signing-keys', { 'luster.asc': state.signingPublicKey })]
      : []),
  ];

  const gotkSync = path.join(entry, 'flux-system/gotk-sync.yaml');
  writeFileSync(gotkSync, yaml(sync));
  const out = path.join(workDir, 'bootstrap');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'secrets.yaml'), yaml(secrets), { mode: 0o600 });
  writeFileSync(path.join(out, 'components-extra'), usesArtifacts ? 'source-watcher' : '');
  saveState({
    cluster,
    clone,
    fluxSystemDir: path.dirname(gotkSync),
    componentsExtra: usesArtifacts ? ['source-watcher'] : [],
  });
  process.stdout.write(`# ${path.relative(workDir, gotkSync)}\n${yaml(sync)}`);
  process.stdout.write(
    `# Secrets in bootstrap/secrets.yaml: ${secrets.map((s) => s.metadata.name).join(', ')}\n`,
  );
});
