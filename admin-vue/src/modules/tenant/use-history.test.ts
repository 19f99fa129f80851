import { describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../../api/models';
import { fakeApi, harness, withSetup } from '../../test-support/harness';
import { useHistory } from './use-history';

const entry = (sha: string, changeRequestId: string | null): HistoryEntry => ({
  sha,
  parentSha: '0'.repeat(40),
  branch: 'main',
  subject: `tenant(acme): ${sha}`,
  author: { name: 'A', email: 'a@x.y' },
  committedAt: '2026-11-23T10:00:00Z',
  trailers: [{ key: 'Tenant', value: 'acme' }],
  changeRequestId,
  mediaBucket: null,
});
const files = [
  {
    path: 'tenants/production/ac/acme/app/hpa.yaml',
    status: 'added' as const,
    patch: '@@ -0,0 +1 @@\n+a: 1\n',
  },
];

describe('the History tab', () => {
  it("shows a commit's diff from its change request, loading it only when opened", async () => {
    const get = vi.fn(async () => ({ id: 'cr1', files }) as never);
    const commitDiff = vi.fn();
    const api = fakeApi({
      organizations: { history: async () => [entry('s1', 'cr1'), entry('s2', null)], commitDiff },
      changeRequests: { get },
    });
    const h = withSetup(() => useHistory(() => 'acme'), harness(api)).result;
    await h.resource.reload();
    expect(get).not.toHaveBeenCalled();
    h.toggle('s1');
    await vi.waitFor(() => expect(h.diffs.s1?.loading).toBe(false));
    expect(get).toHaveBeenCalledWith('cr1');
    expect(h.diffs.s1?.files).toEqual(files);
    expect(commitDiff).not.toHaveBeenCalled();
    h.toggle('s1');
    expect(h.expanded.value).toBeNull();
  });

  it('asks for the commit itself when no change request made it, and shows a failure in words', async () => {
    const api = fakeApi({
      organizations: {
        history: async () => [entry('s2', null)],
        commitDiff: async () => {
          throw new TypeError('boom');
        },
      },
    });
    const h = withSetup(() => useHistory(() => 'acme'), harness(api)).result;
    await h.resource.reload();
    h.toggle('s2');
    await vi.waitFor(() => expect(h.diffs.s2?.loading).toBe(false));
    expect(h.diffs.s2?.error).toMatch(/unexpected/);
  });
});
