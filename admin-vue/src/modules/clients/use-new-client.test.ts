import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import type { NewClientInput } from '../../api/models';
import { useOrgContextStore } from '../../stores/org-context';
import { fakeApi, harness, org, user, withSetup } from '../../test-support/harness';
import { useNewClient } from './use-new-client';

// What the server allows each (allowedActions): creating under the client is allowed too, but a
// client is not where the admin offers to add clients.
const creates = ['organization.read' as const, 'organization.create' as const];
const platform = org({ id: 'platform', name: 'Platform', kind: 'platform', allowedActions: creates });
const agency = org({
  id: 'agency',
  name: 'Pixel Agency',
  kind: 'agency',
  parentId: 'platform',
  allowedActions: creates,
});
const client = org({ id: 'client', name: 'Client Shop', parentId: 'agency', allowedActions: creates });
const pending = org({ id: 'pending', name: 'Pending Agency', kind: 'agency', parentId: 'platform' });
const agencyAdmin = user('agency_admin', {
  memberships: [{ organizationId: 'agency', role: 'agency_admin' }],
});
const file = {
  path: 'tenants/production/co/corner-bakery/app/deployment.yaml',
  status: 'added' as const,
  patch: '',
};

function setUp(as = agencyAdmin) {
  const sent: { preview: NewClientInput[]; create: NewClientInput[] } = { preview: [], create: [] };
  let listed = [agency, client];
  const api = fakeApi({
    organizations: {
      list: async () => ({ items: listed, total: listed.length, nextCursor: null }),
      get: async (id: string) => [platform, agency, client].find((o) => o.id === id) ?? agency,
      previewCreate: async (input) => {
        sent.preview.push(input);
        if (input.slug === 'taken-shop')
          throw new ApiError(409, 'slug_taken', "The slug 'taken-shop' is taken", undefined, {
            field: 'slug',
          });
        return { baseSha: 'a'.repeat(40), files: [file] };
      },
      create: async (input) => {
        sent.create.push(input);
        const created = org({ id: 'new', name: input.organizationName, parentId: input.parentId ?? null });
        listed = [...listed, created];
        return { organization: created, change: { id: 'c1', commitSha: 'b'.repeat(40) } };
      },
    },
  });
  const h = harness(api, as);
  return { h, sent };
}

describe('adding a client', () => {
  beforeEach(() => localStorage.clear());

  it('offers an agency admin only their agency, previews, then creates exactly what was previewed', async () => {
    const { h, sent } = setUp();
    await useOrgContextStore().load();
    const { result: c } = withSetup(() => useNewClient(), h);
    await flushPromises();
    expect(c.parents.value.map((p) => p.name)).toEqual(['Pixel Agency']);
    expect(c.form.parentId).toBe('agency');

    c.form.organizationName = 'Corner Bakery';
    c.form.projectType = 'ecommerce';
    c.form.tier = 'pro';
    c.form.seedDemoData = false;
    await flushPromises();
    await c.preview();
    expect(c.phase.value).toBe('preview');
    expect(c.files.value).toHaveLength(1);
    await c.create();
    expect(c.phase.value).toBe('done');
    const wanted = {
      organizationName: 'Corner Bakery',
      slug: 'corner-bakery',
      projectType: 'ecommerce',
      tier: 'pro',
      parentId: 'agency',
      seedDemoData: false,
    };
    expect(sent.preview).toEqual([wanted]);
    expect(sent.create).toEqual([wanted]);
    expect(useOrgContextStore().options.map((o) => o.name)).toContain('Corner Bakery');
  });

  it('asks for a new preview after any edit, and never creates without one', async () => {
    const { h, sent } = setUp();
    await useOrgContextStore().load();
    const { result: c } = withSetup(() => useNewClient(), h);
    c.form.organizationName = 'Corner Bakery';
    await flushPromises();
    await c.preview();
    c.form.tier = 'enterprise';
    await flushPromises();
    expect(c.phase.value).toBe('form');
    await c.create();
    expect(sent.create).toEqual([]);
  });

  it('says what is wrong beside the field: an empty name before asking, a taken address from the server', async () => {
    const { h, sent } = setUp();
    await useOrgContextStore().load();
    const { result: c } = withSetup(() => useNewClient(), h);
    await flushPromises();
    await c.preview();
    expect(c.fieldError('organizationName')).toBe('Enter the client’s name.');
    expect(sent.preview).toEqual([]);
    c.form.organizationName = 'Taken Shop';
    await flushPromises();
    await c.preview();
    expect(c.phase.value).toBe('form');
    expect(c.fieldError('slug')).toMatch(/taken/i);
  });

  it('lets a superadmin choose the platform or an agency the server allows, never a client', async () => {
    const { h } = setUp(
      user('superadmin', { memberships: [{ organizationId: 'platform', role: 'superadmin' }] }),
    );
    const context = useOrgContextStore();
    await context.load();
    context.options = [platform, agency, client, pending];
    const { result: c } = withSetup(() => useNewClient(), h);
    await flushPromises();
    expect(c.parents.value.map((p) => p.name)).toEqual(['Platform', 'Pixel Agency']);
  });
});
