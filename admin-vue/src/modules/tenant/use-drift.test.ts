import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { fakeApi, harness, user, withSetup } from '../../test-support/harness';
import { useDrift } from './use-drift';

const found = {
  detectedAt: '2026-12-01T10:00:00.000Z',
  sha: 'c'.repeat(40),
  files: [
    { path: 'tenants/production/ac/acme/app/z-extra.yaml', status: 'added' as const },
    { path: 'tenants/production/ac/acme/app/quota.yaml', status: 'modified' as const },
    { path: 'tenants/production/ac/acme/app/deployment.yaml', status: 'modified' as const },
    { path: 'tenants/production/ac/acme/app/policy.yaml', status: 'deleted' as const },
  ],
};

function setUp(as = user('superadmin'), options: { refuse?: boolean } = {}) {
  let drift: typeof found | null = found;
  const reasserts: { id: string; reason?: string | undefined }[] = [];
  const api = fakeApi({
    organizations: {
      drift: async () => ({ drift }),
      reassert: async (id, reason) => {
        if (options.refuse)
          throw new ApiError(409, 'invalid_state', 'Cannot reassert a tenant that is deleted');
        reasserts.push({ id, reason });
        drift = null;
        return { id: 'cr-reassert', commitSha: 'd'.repeat(40), state: 'committed' };
      },
    },
  });
  const { result } = withSetup(() => useDrift(() => 'acme'), harness(api, as));
  return { d: result, reasserts };
}

describe('the drift of a tenant', () => {
  it('lists what was removed by hand first, then what was changed, then what was added', async () => {
    const { d } = setUp();
    await d.resource.reload();
    expect(d.files.value.map((f) => [f.status, f.path.split('/').pop()])).toEqual([
      ['deleted', 'policy.yaml'],
      ['modified', 'deployment.yaml'],
      ['modified', 'quota.yaml'],
      ['added', 'z-extra.yaml'],
    ]);
  });

  it('re-asserts only after the person confirms, with the reason, and shows the folder clean again', async () => {
    const { d, reasserts } = setUp();
    await d.resource.reload();
    await d.reassert();
    expect(reasserts).toEqual([]);
    d.ask();
    d.reason.value = ' undo the SRE edit ';
    await d.reassert();
    expect(reasserts).toEqual([{ id: 'acme', reason: 'undo the SRE edit' }]);
    expect(d.phase.value).toBe('done');
    expect(d.result.value?.id).toBe('cr-reassert');
    expect(d.resource.data.value).toBeNull();
  });

  it('keeps the confirmation open and says why when the server refuses', async () => {
    const { d } = setUp(user('superadmin'), { refuse: true });
    await d.resource.reload();
    d.ask();
    await d.reassert();
    expect(d.phase.value).toBe('confirming');
    expect(d.error.value).toBeTruthy();
  });

  it('offers the re-assert to those the platform table lets (superadmins), not to a client admin', () => {
    expect(setUp(user('superadmin')).d.canReassert.value).toBe(true);
    expect(setUp(user('client_admin')).d.canReassert.value).toBe(false);
  });
});
