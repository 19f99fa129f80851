import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { fakeApi, harness, org, user } from '../test-support/harness';
import { ALL, useOrgContextStore } from './org-context';

const agency = org({ id: 'agency', name: 'Pixel Agency', kind: 'agency' });
const client = org({ id: 'client', name: 'Client Shop', parentId: 'agency' });
const agencyAdmin = user('agency_admin', {
  memberships: [{ organizationId: 'agency', role: 'agency_admin' }],
});

/** The server's rule (access.ts resolveContext): the header's `all` is for superadmins only. */
function serverFor(isSuperadmin: boolean) {
  const contexts: (string | null | undefined)[] = [];
  const api = fakeApi({
    organizations: {
      list: async (_filters, context) => {
        contexts.push(context);
        if (context === ALL && !isSuperadmin)
          throw new ApiError(403, 'org_context_forbidden', 'Only superadmins may choose all organizations');
        return { items: [agency, client], total: 2, nextCursor: null };
      },
      get: async (id: string) => (id === 'agency' ? agency : client),
    },
  });
  return { api, contexts };
}

describe('the organization context', () => {
  beforeEach(() => localStorage.clear());

  it("fills an agency admin's switcher with the agency and its clients, without the superadmins' header", async () => {
    const { api, contexts } = serverFor(false);
    harness(api, agencyAdmin);
    const context = useOrgContextStore();
    await context.load();
    expect(context.error).toBeNull();
    expect(context.options.map((o) => o.name)).toEqual(['Pixel Agency', 'Client Shop']);
    expect(contexts).toEqual([null]);
  });

  it('sends no header when an agency admin chooses "All my organizations", and the client id when one is chosen', async () => {
    localStorage.setItem(`luster.context.${agencyAdmin.id}`, ALL);
    const { api } = serverFor(false);
    harness(api, agencyAdmin);
    const context = useOrgContextStore();
    await context.load();
    expect(context.selected).toBe(ALL);
    expect(context.header).toBeNull();
    expect(context.current?.name).toBe('Pixel Agency');
    await context.select('client');
    expect(context.header).toBe('client');
    await context.select(ALL);
    expect(context.header).toBeNull();
    expect(context.error).toBeNull();
  });

  it('opens a superadmin on every organization', async () => {
    const { api } = serverFor(true);
    harness(api, user('superadmin'));
    const context = useOrgContextStore();
    await context.load();
    expect(context.selected).toBe(ALL);
    expect(context.header).toBeNull();
    expect(context.options).toHaveLength(2);
  });
});
