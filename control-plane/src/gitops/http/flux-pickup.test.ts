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
 * Flux cannot run here: the clone's tenants/production is built the way kustomize-controller
 * builds a shard's fleet artifact (the tenant folders without platform/ and app/; its generator
 * emulated from fluxcd/pkg, no kustomization file at that path), with the real `kubectl kustomize`.
 */
describe('a tenant the control plane rendered and committed', () => {
  let server: TestServer;
  let work: string;
  let objects: {
    kind: string;
    metadata: { name: string; namespace?: string };
    spec?: Record<string, unknown>;
  }[];

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

  it("is picked up by its shard's fleet Kustomization: its platform and its workload Kustomization", () => {
    const ids = objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    expect(ids.sort()).toEqual([
      'Kustomization/flux-system/platform-pickup-shop',
      'Kustomization/flux-system/tenant-pickup-shop',
    ]);
    const flux = objects.find((o) => o.kind === 'Kustomization' && o.metadata.name === 'tenant-pickup-shop');
    expect(flux?.spec).toMatchObject({
      path: './',
      sourceRef: { kind: 'ExternalArtifact', name: 'tenant-pickup-shop' },
    });
  });

  it('leaves the platform objects and the workload to those two (platform/ and app/ are not in the fleet)', () => {
    expect(
      objects.some((o) => ['Namespace', 'ServiceAccount', 'Deployment', 'Cluster'].includes(o.kind)),
    ).toBe(false);
  });
});
