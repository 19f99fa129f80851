import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import { fakeApi, harness, withSetup } from '../../test-support/harness';
import { useTenantAction } from './use-tenant-action';

const diff = {
  path: 'tenants/production/acme/hpa.yaml',
  status: 'added' as const,
  patch: '@@ -0,0 +1 @@\n+a: 1\n',
};

describe('a tenant action', () => {
  it('commits only after the preview was shown, and commits exactly what was previewed', async () => {
    const apply = vi.fn(async () => ({ change: null }));
    const api = fakeApi({
      organizations: { preview: vi.fn(async () => ({ files: [diff] })), apply },
    });
    const a = withSetup(() => useTenantAction(() => 'acme'), harness(api)).result;
    await a.confirm();
    expect(apply).not.toHaveBeenCalled();
    await a.preview({ kind: 'update', patch: { tier: 'pro' } });
    expect(a.phase.value).toBe('preview');
    expect(a.files.value).toEqual([diff]);
    await a.confirm();
    expect(apply).toHaveBeenCalledWith('acme', { kind: 'update', patch: { tier: 'pro' } });
    expect(a.phase.value).toBe('done');
  });

  it('offers no commit when nothing would change', async () => {
    const apply = vi.fn();
    const api = fakeApi({ organizations: { preview: async () => ({ files: [] }), apply } });
    const a = withSetup(() => useTenantAction(() => 'acme'), harness(api)).result;
    await a.preview({ kind: 'update', patch: { plugins: ['seo-assistant'] } });
    expect(a.nothingChanges.value).toBe(true);
    await a.confirm();
    expect(apply).not.toHaveBeenCalled();
  });

  it('explains a refused preview and stays uncommitted', async () => {
    const api = fakeApi({
      organizations: {
        preview: async () => {
          throw new ApiError(403, 'forbidden', "Your role does not allow 'organization.update_tier' here");
        },
      },
    });
    const a = withSetup(() => useTenantAction(() => 'acme'), harness(api)).result;
    await a.preview({ kind: 'update', patch: { tier: 'enterprise' } });
    expect(a.phase.value).toBe('idle');
    expect(a.error.value).toBe('You do not have permission to do this.');
  });
});
