import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { writeFluxGeneratedKustomization } from '../../../../test/gitops-template/support/flux-generator.js';
import { requireTool } from '../../../../test/support/require-tool.js';
import { apiTestEnv, client } from '../../test-support/api-client.js';
import { startTestServer, type TestServer } from '../../test-support/server.js';

const run = promisify(execFile);

/**
 * Flux cannot run here: the clone is built the way kustomize-controller would build the path of
 * the cluster's `tenants` Kustomization (its generator emulated from fluxcd/pkg, no kustomization
 * file at that path), with the real `kubectl kustomize`.
 */
describe('a tenant the control plane rendered and committed', () => {
  let server: TestServer;
  let work: string;
  let objects: { kind: string; metadata: { name: string; namespace?: string }; spec?: { path?: string } }[];

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'ecommerce',
      organizationName: 'Pickup Shop',
      email: 'owner@pickup.test',
      password: 'a-long-enough-password',
    });
    expect(reg.status).toBe(201);
    work = await mkdtemp(path.join(os.tmpdir(), 'luster-pickup-'));
    await run('git', ['clone', '-q', server.gitUrl, path.join(work, 'repo')]);
    const tenantsPath = path.join(work, 'repo/tenants/production');
    await writeFluxGeneratedKustomization(tenantsPath);
    const { stdout } = await run(requireTool('kubectl'), ['kustomize', tenantsPath], {
      maxBuffer: 32 * 1024 * 1024,
    });
    objects = parseAllDocuments(stdout).map((d) => d.toJS());
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("is picked up by the cluster's tenants Kustomization: namespace, RBAC and its own Flux Kustomization", () => {
    const ids = objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    expect(ids).toContain('Namespace//tenant-pickup-shop');
    expect(ids).toContain('Kustomization/flux-system/tenant-pickup-shop');
    expect(ids).toContain('ServiceAccount/flux-system/tenant-pickup-shop');
    const flux = objects.find((o) => o.kind === 'Kustomization' && o.metadata.name === 'tenant-pickup-shop');
    expect(flux?.spec?.path).toBe('./tenants/production/pi/pickup-shop/app');
  });

  it('leaves the workload to the tenant Kustomization (app/ is not applied by the platform one)', () => {
    expect(objects.some((o) => o.kind === 'Deployment' || o.kind === 'Cluster')).toBe(false);
  });
});
