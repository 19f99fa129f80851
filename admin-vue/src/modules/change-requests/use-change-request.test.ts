import { describe, expect, it, vi } from 'vitest';
import type { ChangeRequestDetail } from '../../api/models';
import { type Fixture, fakeApi, harness, user, withSetup } from '../../test-support/harness';
import { useChangeRequest } from './use-change-request';

const reviewer = user('superadmin', { id: 'alice' });
const base: Fixture<ChangeRequestDetail> & { id: string } = {
  id: 'cr1',
  organizationId: 'o1',
  kind: 'purge',
  title: 'purge',
  state: 'pending_review',
  requestedBy: { id: 'bob', email: 'bob@x.y' },
  createdAt: '2026-11-23T10:00:00Z',
  approval: {
    required: 1,
    remaining: 1,
    approvers: [{ id: 'alice', email: 'alice@x.y', name: 'Alice' }],
    approverCounts: { superadmins: 1, reviewers: 0 },
  },
  approvals: [],
  files: [],
};

async function load(cr: Fixture<ChangeRequestDetail> & { id: string }, as = reviewer, extra = {}) {
  const api = fakeApi({ changeRequests: { get: vi.fn(async () => cr), ...extra } });
  const r = withSetup(() => useChangeRequest(() => cr.id), harness(api, as)).result;
  await r.cr.reload();
  return { api, r };
}

describe('reviewing a change request', () => {
  it('lets another reviewer approve', async () => {
    const { r } = await load(base);
    expect(r.approveBlocked.value).toBeNull();
  });

  it('never lets the requester approve their own change, and says why', async () => {
    const { r } = await load({ ...base, requestedBy: { id: 'alice', email: 'alice@x.y' } });
    expect(r.approveBlocked.value).toBe('You requested this change, so someone else must approve it.');
  });

  it('tells a non-reviewer that approving is for reviewers', async () => {
    const { r } = await load(base, user('client_admin'));
    expect(r.approveBlocked.value).toBe('Only reviewers can approve changes.');
  });

  it('merges only approved changes', async () => {
    const { r } = await load(base);
    expect(r.mergeBlocked.value).toBe('Approve the change before merging it.');
    const approved = await load({ ...base, state: 'approved' });
    expect(approved.r.mergeBlocked.value).toBeNull();
  });

  it('shows the new state after approval, with nothing left to approve', async () => {
    const approve = vi.fn(async () => ({
      ...base,
      state: 'committed' as const,
      commitSha: 'abc1234def',
      approvals: [{ user: { id: 'alice' }, at: '2026-11-23T10:05:00Z' }],
    }));
    const { r } = await load(base, reviewer, { approve });
    expect(r.outlook.value?.remaining).toBe(1);
    await r.review('approve');
    expect(approve).toHaveBeenCalledWith('cr1');
    expect(r.cr.data.value?.state).toBe('committed');
    expect(r.approveBlocked.value).toBe('This change request is committed.');
    expect([r.mergeBlocked.value, r.rejectBlocked.value]).toEqual([
      'Already on main.',
      'This change request is committed.',
    ]);
    expect(r.outlook.value).toBeNull();
  });

  it('counts down a bulk deletion after its first approval and crosses the approver off', async () => {
    const bulk = {
      ...base,
      kind: 'bulk_delete' as const,
      approval: {
        required: 2,
        remaining: 2,
        approvers: [
          { id: 'alice', email: 'alice@x.y', name: 'Alice' },
          { id: 'carol', email: 'carol@x.y', name: 'Carol' },
        ],
        approverCounts: { superadmins: 2, reviewers: 0 },
      },
    };
    const approve = vi.fn(async () => ({
      ...bulk,
      approvals: [{ user: { id: 'alice' }, at: '2026-11-23T10:05:00Z' }],
    }));
    const { r } = await load(bulk, reviewer, { approve });
    await r.review('approve');
    expect(r.outlook.value).toMatchObject({ remaining: 1, approvers: [{ id: 'carol' }] });
  });

  it('offers no decision on a change reviewed in a pull request on the git host', async () => {
    const { r } = await load({ ...base, pullRequest: { number: 7, url: 'https://git.example/pr/7' } });
    expect(r.approveBlocked.value).toBe('This change is reviewed in pull request #7 on the git host.');
    expect(r.rejectBlocked.value).toBe('This change is reviewed in pull request #7 on the git host.');
  });

  it('asks for a reason before rejecting', async () => {
    const reject = vi.fn(async () => ({ ...base, state: 'rejected' as const }));
    const { r } = await load(base, reviewer, { reject });
    await r.review('reject');
    expect(reject).not.toHaveBeenCalled();
    expect(r.error.value).toMatch(/Explain why/);
    r.reason.value = 'Customer asked to keep the data';
    await r.review('reject');
    expect(reject).toHaveBeenCalledWith('cr1', 'Customer asked to keep the data');
  });
});
