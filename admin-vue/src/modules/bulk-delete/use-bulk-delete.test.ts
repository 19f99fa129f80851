import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import type { TenantAction } from '../../api/models';
import { fakeApi, harness, org, withSetup } from '../../test-support/harness';
import { confirmPhrase, useBulkDelete } from './use-bulk-delete';

const gone = [
  org({ id: 'o-bakery', slug: 'old-bakery', name: 'Old Bakery', state: 'deprovisioned' }),
  org({ id: 'o-bikes', slug: 'bikes', name: 'Bikes', state: 'deprovisioned' }),
  org({ id: 'o-cafe', slug: 'cafe', name: 'Cafe', state: 'deprovisioned' }),
];

function setUp(options: { refuse?: boolean } = {}) {
  const listed: unknown[] = [];
  const previewed: { id: string; action: TenantAction }[] = [];
  const requested: { ids: string[]; reason: string }[] = [];
  const opened: string[] = [];
  const api = fakeApi({
    organizations: {
      list: async (filters, context) => {
        listed.push({ filters, context });
        return { items: gone, total: gone.length, nextCursor: null };
      },
      preview: async (id, action) => {
        previewed.push({ id, action });
        return {
          baseSha: 'a'.repeat(40),
          files: [{ path: `tenants/${id}/app/db.yaml`, status: 'modified', patch: '' }],
        };
      },
    },
    changeRequests: {
      bulkDelete: async (ids, reason) => {
        if (options.refuse)
          throw new ApiError(409, 'invalid_state', 'Cannot bulk delete a tenant that is active');
        requested.push({ ids, reason });
        return { id: 'cr-bulk' };
      },
    },
  });
  const { result } = withSetup(() => useBulkDelete((id) => opened.push(id)), harness(api));
  return { b: result, listed, previewed, requested, opened };
}

describe('requesting a bulk deletion', () => {
  it('lists only the deprovisioned organizations of every visible one, by name, and filters them by a search', async () => {
    const { b, listed } = setUp();
    await b.eligible.reload();
    expect(listed).toEqual([{ filters: { state: 'deprovisioned', limit: 500 }, context: null }]);
    expect(b.shown.value.map((o) => o.slug)).toEqual(['bikes', 'cafe', 'old-bakery']);
    b.search.value = 'BAK';
    expect(b.shown.value.map((o) => o.slug)).toEqual(['old-bakery']);
  });

  it('chooses every shown organization at once, and none on a second click, keeping choices the search hides', async () => {
    const { b } = setUp();
    await b.eligible.reload();
    b.toggle('o-cafe');
    b.search.value = 'b';
    b.toggleShown();
    expect(b.selected.value.map((o) => o.id).sort()).toEqual(['o-bakery', 'o-bikes', 'o-cafe']);
    expect(b.allShownChosen.value).toBe(true);
    b.toggleShown();
    expect(b.selected.value.map((o) => o.id)).toEqual(['o-cafe']);
  });

  it('previews nothing without a reason or a choice', async () => {
    const { b, previewed } = setUp();
    await b.eligible.reload();
    b.reason.value = 'contracts ended';
    expect(b.canPreview.value).toBe(false);
    b.toggle('o-bikes');
    b.reason.value = '   ';
    expect(b.reasonProblem.value).not.toBeNull();
    await b.preview();
    expect(previewed).toEqual([]);
    expect(b.step.value).toBe('choose');
  });

  it('shows each purge as the server renders it, then requests exactly those organizations with the reason', async () => {
    const { b, previewed, requested, opened } = setUp();
    await b.eligible.reload();
    b.toggle('o-bikes');
    b.toggle('o-cafe');
    b.reason.value = ' contracts ended ';
    await b.preview();
    expect(b.step.value).toBe('preview');
    expect(previewed).toEqual([
      { id: 'o-bikes', action: { kind: 'purge', reason: 'contracts ended' } },
      { id: 'o-cafe', action: { kind: 'purge', reason: 'contracts ended' } },
    ]);
    expect(b.previews.value.map((p) => [p.org.slug, p.files.length])).toEqual([
      ['bikes', 1],
      ['cafe', 1],
    ]);
    // A choice changed behind the preview is not what was read: the request sends what was previewed.
    b.toggle('o-bakery');
    await b.request();
    expect(requested).toEqual([{ ids: ['o-bikes', 'o-cafe'], reason: 'contracts ended' }]);
    expect(opened).toEqual(['cr-bulk']);
  });

  it('keeps the preview and says why when the server refuses', async () => {
    const { b, opened } = setUp({ refuse: true });
    await b.eligible.reload();
    b.toggle('o-cafe');
    b.reason.value = 'gone';
    await b.preview();
    await b.request();
    expect(b.step.value).toBe('preview');
    expect(b.error.value).toBeTruthy();
    expect(opened).toEqual([]);
  });

  it('asks to type the count, in words that fit it', () => {
    expect(confirmPhrase(1)).toBe('delete 1 organization');
    expect(confirmPhrase(3)).toBe('delete 3 organizations');
  });
});
