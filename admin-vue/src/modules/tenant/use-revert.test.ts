import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { fakeApi, harness, withSetup } from '../../test-support/harness';
import { useRevert } from './use-revert';

const file = { path: 'tenants/production/ac/acme/app/plugins.yaml', status: 'modified' as const, patch: '' };

function setUp(previewFiles = [file]) {
  const reverts: { changeId: string; reason?: string | undefined }[] = [];
  const done: string[] = [];
  const api = fakeApi({
    organizations: {
      previewRevert: async (_id, changeId) => {
        if (changeId === 'no-snapshot')
          throw new ApiError(409, 'revert_unavailable', 'This change recorded no state to return to');
        return { baseSha: 'a'.repeat(40), files: previewFiles };
      },
      revert: async (_id, changeId, reason) => {
        reverts.push({ changeId, reason });
        return { id: 'cr9', summary: 'revert to cr1', state: 'committed', commitSha: 'b'.repeat(40) };
      },
    },
  });
  const { result } = withSetup(
    () =>
      useRevert(
        () => 'acme',
        (change) => done.push(change.id),
      ),
    harness(api),
  );
  return { r: result, reverts, done };
}

describe('reverting from the history', () => {
  it('shows the diff first and commits that revert, with the reason, only on confirmation', async () => {
    const { r, reverts, done } = setUp();
    await r.open('cr1');
    expect(r.phase.value).toBe('preview');
    expect(reverts).toEqual([]);
    r.reason.value = '  forms were a mistake ';
    await r.confirm();
    expect(reverts).toEqual([{ changeId: 'cr1', reason: 'forms were a mistake' }]);
    expect(r.phase.value).toBe('done');
    expect(done).toEqual(['cr9']);
  });

  it('offers no commit when nothing would change, and says why a revert is refused', async () => {
    const empty = setUp([]);
    await empty.r.open('cr1');
    await empty.r.confirm();
    expect(empty.reverts).toEqual([]);
    const { r } = setUp();
    await r.open('no-snapshot');
    expect(r.phase.value).toBe('idle');
    expect(r.error.value).toBeTruthy();
  });
});
