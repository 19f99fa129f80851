import { resolveRenderOptions } from '@luster/synth';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/access.js';
import { Organization } from '../access/organization.entities.js';
import { createCatalogService } from '../catalog/catalog.service.js';
import { DomainError } from '../errors/index.js';
import { Cluster } from '../placement/cluster.entities.js';
import { platformDatabase } from '../test-support/platform-database.js';
import { createTenantLifecycle } from './lifecycle.js';
import type { LifecycleChange } from './lifecycle-ports.js';
import { insertOrganizationWithTenant } from './provisioning.js';
import { Tenant } from './tenants.entities.js';

const { allowedImageRegistries } = resolveRenderOptions({ baseDomain: 'luster.test' });

/**
 * The lifecycle against a real database and catalog, with the change-request stage replaced by a
 * recorder: what the lifecycle decides (which change, with which patch, refused when) is its own;
 * committing it is the change writer's and tested there.
 */
describe('the tenant lifecycle', () => {
  let scene: Awaited<ReturnType<typeof platformDatabase>>;
  let dataSource: DataSource;
  let platform: Organization;
  let agency: { id: string; path: string };
  let client: { id: string; tenantId: string };
  let submitted: LifecycleChange[];
  let failSubmit: boolean;

  const superadmin = (): Actor =>
    actor([{ organizationId: platform.id, path: platform.path, kind: 'platform', role: 'superadmin' }]);
  const agencyAdmin = (): Actor =>
    actor([{ organizationId: agency.id, path: agency.path, kind: 'agency', role: 'agency_admin' }]);

  const lifecycle = () =>
    createTenantLifecycle({
      dataSource,
      catalog: createCatalogService({ dataSource, allowedImageRegistries }),
      async submit(change) {
        if (failSubmit) throw new Error('the change writer is down');
        submitted.push(change);
        return { id: `change-${submitted.length}` };
      },
      settle: async (changeId) => ({ settled: changeId }),
      preview: async (input) => ({ previewed: input }),
      view: async (_actor, id) => {
        const tenant = await dataSource.manager.findOneBy(Tenant, { organizationId: id });
        return { id, state: tenant?.state ?? null };
      },
    });

  const stateOf = async (tenantId: string) =>
    (await dataSource.manager.findOneByOrFail(Tenant, { id: tenantId })).state;

  beforeAll(async () => {
    scene = await platformDatabase('lifecycle');
    ({ dataSource, platform } = scene);
    // Where placement puts every tenant of these tests (the server seeds one the same way).
    await dataSource.manager.insert(Cluster, { name: 'prod', capacity: 1000 });
  });
  afterAll(() => scene?.close());

  let n = 0;
  beforeEach(async () => {
    submitted = [];
    failSubmit = false;
    n++;
    const catalog = createCatalogService({ dataSource, allowedImageRegistries });
    const made = await dataSource.transaction(async (tx) => {
      const a = await insertOrganizationWithTenant(tx, catalog, {
        parent: { id: platform.id },
        name: `Agency ${n}`,
        slug: `agency-${n}`,
        kind: 'agency',
        projectType: 'website',
        tier: 'starter',
        seedDemoData: false,
        state: 'provisioning',
      });
      await tx.update(Tenant, { id: a.tenant.id }, { state: 'active' });
      const c = await insertOrganizationWithTenant(tx, catalog, {
        parent: { id: a.organization.id },
        name: `Client ${n}`,
        slug: `client-${n}`,
        kind: 'organization',
        projectType: 'website',
        tier: 'starter',
        seedDemoData: false,
        state: 'provisioning',
      });
      await tx.update(Tenant, { id: c.tenant.id }, { state: 'active' });
      return { a, c };
    });
    agency = { id: made.a.organization.id, path: made.a.organization.path };
    client = { id: made.c.organization.id, tenantId: made.c.tenant.id };
  });

  it('suspends as a change request recording who imposed it, and answers the settled change', async () => {
    const result = await lifecycle().suspend({ actor: superadmin(), id: client.id, reason: 'unpaid' });
    expect(submitted).toEqual([
      {
        tenantId: client.tenantId,
        kind: 'suspend',
        actor: { userId: 'user-1' },
        reason: 'unpaid',
        summary: 'suspend',
        tenantPatch: { state: 'suspended', suspendedByOrganizationId: platform.id },
      },
    ]);
    expect(result).toEqual({
      organization: { id: client.id, state: 'active' },
      change: { settled: 'change-1' },
    });
  });

  it('refuses an action the state table does not allow, recording nothing', async () => {
    await dataSource.manager.update(Tenant, { id: client.tenantId }, { state: 'deprovisioned' });
    await expect(lifecycle().suspend({ actor: superadmin(), id: client.id })).rejects.toMatchObject({
      code: 'invalid_state',
      data: { state: 'deprovisioned', action: 'suspend' },
    });
    await expect(
      lifecycle().update({ actor: superadmin(), id: client.id, displayName: 'New' }),
    ).rejects.toMatchObject({
      code: 'invalid_state',
    });
    expect(submitted).toEqual([]);
  });

  it('lets only the suspending organization or one above it resume', async () => {
    await dataSource.manager.update(
      Tenant,
      { id: client.tenantId },
      { state: 'suspended', suspendedByOrganizationId: platform.id },
    );
    await expect(lifecycle().resume({ actor: agencyAdmin(), id: client.id })).rejects.toMatchObject({
      code: 'suspended_by_platform',
    });
    expect(submitted).toEqual([]);
    await lifecycle().resume({ actor: superadmin(), id: client.id });
    expect(submitted[0]?.tenantPatch).toEqual({ state: 'provisioning', suspendedByOrganizationId: null });
  });

  it('records no change for an update that changes nothing, and one line saying what an update changes', async () => {
    const none = await lifecycle().update({
      actor: agencyAdmin(),
      id: client.id,
      displayName: `Client ${n}`,
    });
    expect(none.change).toBeNull();
    expect(submitted).toEqual([]);
    await lifecycle().update({ actor: agencyAdmin(), id: client.id, displayName: 'Café Müller' });
    expect(submitted).toMatchObject([{ kind: 'update', tenantPatch: { displayName: 'Café Müller' } }]);
    expect(submitted[0]?.summary).toContain('Café Müller');
  });

  it('previews a purge as its first commit: the data handed to Flux, the tenant purging', async () => {
    await dataSource.manager.update(Tenant, { id: client.tenantId }, { state: 'deprovisioned' });
    const preview = await lifecycle().previewAction('purge', { actor: superadmin(), id: client.id });
    expect(preview).toEqual({ previewed: { tenantId: client.tenantId, tenantPatch: { state: 'purging' } } });
    expect(await stateOf(client.tenantId)).toBe('deprovisioned');
  });

  it('creates a client and its provisioning tenant with the provision change, or neither', async () => {
    failSubmit = true;
    await expect(
      lifecycle().create({ actor: agencyAdmin(), organizationName: 'Bäckerei Lutz', projectType: 'website' }),
    ).rejects.toThrow('the change writer is down');
    expect(await dataSource.manager.countBy(Organization, { slug: 'backerei-lutz' })).toBe(0);

    failSubmit = false;
    const created = await lifecycle().create({
      actor: agencyAdmin(),
      organizationName: 'Bäckerei Lutz',
      projectType: 'website',
    });
    const org = await dataSource.manager.findOneByOrFail(Organization, { slug: 'backerei-lutz' });
    expect(org.parentId).toBe(agency.id);
    expect(created.organization).toEqual({ id: org.id, state: 'provisioning' });
    expect(submitted).toMatchObject([{ kind: 'provision', tenantPatch: {} }]);
    await expect(
      lifecycle().create({ actor: agencyAdmin(), organizationName: 'Bäckerei Lutz', projectType: 'website' }),
    ).rejects.toMatchObject({ code: 'slug_taken' });
    await dataSource.manager.delete(Tenant, { organizationId: org.id });
    await dataSource.manager.delete(Organization, { id: org.id });
  });

  it('answers 409 no_tenant for the platform, which has no tenant to edit', async () => {
    // One at a time: a second call started early would reject before anything awaits it.
    for (const attempt of [
      () => lifecycle().update({ actor: superadmin(), id: platform.id, displayName: 'The platform' }),
      () => lifecycle().preview({ actor: superadmin(), id: platform.id, displayName: 'The platform' }),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'no_tenant' });
    }
    expect(submitted).toEqual([]);
  });
});

function actor(memberships: Actor['memberships']): Actor {
  return {
    userId: 'user-1',
    email: 'someone@example.test',
    name: 'Someone',
    emailVerified: true,
    memberships,
    capabilities: [],
    context: null,
  };
}
