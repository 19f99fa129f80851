import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { appendFile, chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fluxEvent } from '../../control-plane/src/test-support/flux-events.js';
import { writeFluxGeneratedKustomization } from '../gitops-template/support/flux-generator.js';
import { kustomize, run } from '../gitops-template/support/kustomize.js';
import { findObject, type K8sObject, parseObjects } from '../gitops-template/support/objects.js';
import { requireTool } from '../support/require-tool.js';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
/** The control plane as pods of a kind cluster would reach it: only written into manifests here. */
const CLUSTER_URL = 'http://172.18.0.1:8080';
const THEME_IMAGE = 'registry.luster.io/themes/e2e-theme:1.0.0';

/**
 * The steps of .github/workflows/e2e-cluster.yml that need no cluster, run as the workflow runs
 * them (scripts/cluster-e2e/*.mjs, each its own process, sharing a state file): a control plane
 * signing its commits, a registration through the API, the bootstrap manifests Flux would get.
 * What a cluster would do is checked against the real artefacts instead: git verifies the commit
 * Flux's spec.verify would, kustomize applies the kind overrides, and the sync status turns Ready
 * from a Flux event signed as notification-controller signs it.
 */
describe('the cluster end-to-end steps, up to the point a cluster is needed', () => {
  let dir: string;
  // biome-ignore lint/suspicious/noExplicitAny: the state file is the scripts' free-form JSON
  const state = async (): Promise<any> => JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8'));
  const step = async (script: string, env: Record<string, string> = {}) =>
    (
      await exec(process.execPath, [path.join(root, 'scripts/cluster-e2e', script)], {
        cwd: root,
        env: { ...process.env, E2E_DIR: dir, E2E_FROM_SOURCE: '1', ...env },
        maxBuffer: 16 * 1024 * 1024,
      })
    ).stdout;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'luster-cluster-e2e-'));
    // As root, the embedded PostgreSQL runs as `postgres`, who must reach its data directory in here.
    await chmod(dir, 0o755);
  });
  afterAll(async () => {
    // Stops the control plane if a failed test left it running.
    await step('stop-control-plane.mjs').catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('starts the control plane with signed commits and records what the cluster needs', async () => {
    await step('start-control-plane.mjs', { E2E_SIGNED: '1', E2E_CLUSTER_URL: CLUSTER_URL });
    const s = await state();
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    expect(s.clusterUrl).toBe(CLUSTER_URL);
    expect(s.signingPublicKey).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    expect(Object.keys(s.tokens).sort()).toEqual(['fluxReceiver', 'fluxWebhook', 'gitRead']);
  }, 600_000);

  it('registers an organization through the API, its tenant on the stand-in theme image', async () => {
    const out = await step('register.mjs', { E2E_THEME_IMAGE: THEME_IMAGE });
    const s = await state();
    expect(out).toContain(`registered ${s.organization.slug}`);
    expect(s.provisionCommit).toMatch(/^[0-9a-f]{40}$/);
  }, 120_000);

  it('writes the bootstrap: the served repository with the read token and spec.verify, and the Secrets', async () => {
    const printed = await step('bootstrap.mjs');
    const s = await state();
    const sync = parseObjects(await readFile(path.join(s.fluxSystemDir, 'gotk-sync.yaml'), 'utf8'));
    expect(printed).toContain(`url: ${CLUSTER_URL}/git/gitops.git`);
    expect(findObject(sync, 'GitRepository', 'flux-system').spec).toMatchObject({
      url: `${CLUSTER_URL}/git/gitops.git`,
      ref: { branch: 'main' },
      secretRef: { name: 'luster-gitops-read' },
      verify: { mode: 'HEAD', secretRef: { name: 'luster-signing-keys' } },
    });
    expect(findObject(sync, 'Kustomization', 'flux-system').spec).toMatchObject({
      path: `./clusters/${s.cluster}`,
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    });
    const secrets = parseObjects(await readFile(path.join(dir, 'bootstrap/secrets.yaml'), 'utf8'));
    expect(secrets.map((o) => o.metadata.name).sort()).toEqual([
      'luster-flux-receiver',
      'luster-flux-webhook',
      'luster-gitops-read',
      'luster-signing-keys',
    ]);
    expect(findObject(secrets, 'Secret', 'luster-gitops-read').stringData.password).toBe(s.tokens.gitRead);
    expect(findObject(secrets, 'Secret', 'luster-flux-webhook').stringData.token).toBe(s.tokens.fluxWebhook);

    // What spec.verify does with HEAD: git checks main's commit against the key in the Secret.
    const gnupgHome = path.join(dir, 'gnupg');
    await mkdir(gnupgHome, { mode: 0o700 });
    const keyFile = path.join(dir, 'luster.asc');
    await appendFile(keyFile, findObject(secrets, 'Secret', 'luster-signing-keys').stringData['luster.asc']);
    const gpgEnv = { ...process.env, GNUPGHOME: gnupgHome };
    await exec(requireTool('gpg'), ['--batch', '--quiet', '--import', keyFile], { env: gpgEnv });
    const verified = await run('git', ['-C', s.clone, 'verify-commit', 'HEAD'], { env: gpgEnv });
    expect(verified.stderr).toMatch(/Good signature/);
    expect(verified.code).toBe(0);
    expect((await exec('git', ['-C', s.clone, 'rev-parse', 'HEAD'])).stdout.trim()).toBe(s.provisionCommit);
  }, 120_000);

  it("overrides what kind lacks through Kustomization flux-system's patches, and they apply", async () => {
    const s = await state();
    const overrides = findObject(
      parseObjects(await readFile(path.join(s.fluxSystemDir, 'gotk-sync.yaml'), 'utf8')),
      'Kustomization',
      'flux-system',
    ).spec.patches;
    // The cluster entry point as Flux builds it, with flux-system's patches on top.
    const entry = path.join(s.clone, 'clusters', s.cluster);
    await writeFluxGeneratedKustomization(entry);
    await appendFile(path.join(entry, 'kustomization.yaml'), stringify({ patches: overrides }));
    const cluster = await kustomize(entry);
    const configs = findObject(cluster, 'Kustomization', 'infrastructure-configs');
    expect(configs.spec.postBuild.substitute.luster_url).toBe(CLUSTER_URL);
    // Each infrastructure Kustomization's own patches, applied to its folder: the one its
    // ExternalArtifact copies out of the repository (the cluster's ArtifactGenerator says which).
    const sourceFolder = (kustomization: K8sObject): string => {
      const { kind, name } = kustomization.spec.sourceRef;
      if (kind !== 'ExternalArtifact') return '.';
      const artifact = cluster
        .filter((o) => o.kind === 'ArtifactGenerator')
        .flatMap((o) => o.spec.artifacts as { name: string; copy: { from: string }[] }[])
        .find((a) => a.name === name);
      const from = artifact?.copy[0]?.from.match(/^@repo\/(.+?)\/\*\*$/)?.[1];
      if (!from) throw new Error(`no generator copies a folder into ExternalArtifact ${name}`);
      return from;
    };
    const patched = async (kustomization: K8sObject) => {
      const folder = path.join(s.clone, sourceFolder(kustomization), kustomization.spec.path);
      await appendFile(
        path.join(folder, 'kustomization.yaml'),
        stringify({ patches: kustomization.spec.patches }),
      );
      return kustomize(folder);
    };
    const issuers = (await patched(configs)).filter((o) => o.kind === 'ClusterIssuer');
    expect(issuers.length).toBeGreaterThan(0);
    for (const issuer of issuers) expect(issuer.spec).toEqual({ selfSigned: {} });
    const controllers = await patched(findObject(cluster, 'Kustomization', 'infrastructure-controllers'));
    expect(findObject(controllers, 'HelmRelease', 'ingress-nginx').spec.values.controller.service.type).toBe(
      'NodePort',
    );
  }, 120_000);

  let tenantObjects: string[] = [];
  it("names the tenant's Flux Kustomizations and theme Deployment from the rendered repository", async () => {
    const s = await state();
    tenantObjects = (await step('tenant-objects.mjs')).trim().split('\n');
    expect(tenantObjects).toContain(`kustomization flux-system/tenant-${s.organization.slug}`);
    const deployments = tenantObjects.filter((l) => l.startsWith('deployment '));
    expect(deployments).toHaveLength(1);
    const images = await exec('git', ['-C', s.clone, 'grep', '-h', 'image:', 'HEAD', '--', 'tenants']);
    expect(images.stdout).toContain(THEME_IMAGE);
  }, 120_000);

  it('waits until the sync status is Ready from a signed Flux event for the provision commit', async () => {
    const s = await state();
    const name = (tenantObjects.find((l) => l.endsWith(`/tenant-${s.organization.slug}`)) ?? '').split(
      '/',
    )[1];
    // Events stamped after the commit, as a cluster's would be.
    const at = new Date(Date.now() + 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    for (const reason of ['Progressing', 'ReconciliationSucceeded']) {
      const body = JSON.stringify(
        fluxEvent({ name, slug: s.organization.slug, reason, sha: s.provisionCommit, timestamp: at }),
      );
      const res = await fetch(`${s.url}/hooks/flux`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature': `sha256=${createHmac('sha256', s.tokens.fluxWebhook).update(body).digest('hex')}`,
        },
        body,
      });
      expect(res.status, await res.text()).toBeLessThan(300);
    }
    const out = await step('wait-sync.mjs', { E2E_SYNC_TIMEOUT_SECONDS: '60' });
    expect(out).toMatch(new RegExp(`^${s.organization.slug}: Ready, applied .*${s.provisionCommit}`));
  }, 120_000);

  it('stops the control plane it started', async () => {
    const { pid } = await state();
    await step('stop-control-plane.mjs');
    expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});
