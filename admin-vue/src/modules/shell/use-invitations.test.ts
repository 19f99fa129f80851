import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { PendingInvitation } from '../../api/models';
import { fakeApi, harness, user, withSetup } from '../../test-support/harness';
import { useInvitations } from './use-invitations';

const invitation: PendingInvitation = {
  organizationId: 'org-2',
  organizationName: 'Second Org',
  role: 'editor',
  invitedAt: '2026-12-06T04:00:00Z',
};

function setup(parts: {
  accept?: (id: string) => Promise<PendingInvitation>;
  decline?: (id: string) => Promise<PendingInvitation>;
  me?: () => Promise<ReturnType<typeof user>>;
}) {
  const api = fakeApi({
    invitations: { list: async () => [invitation], accept: parts.accept, decline: parts.decline },
    auth: { hasSession: () => true, me: parts.me },
  });
  return withSetup(() => useInvitations(), harness(api, user('viewer'))).result;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pending invitations', () => {
  it('lists them, and accepting one reloads the session so the organization appears', async () => {
    const accept = vi.fn(async () => invitation);
    const me = vi.fn(async () => user('editor'));
    const inv = setup({ accept, me });
    await settle();
    expect(inv.items.value).toEqual([invitation]);
    await inv.decide('org-2', 'accept');
    expect(accept).toHaveBeenCalledWith('org-2');
    expect(me).toHaveBeenCalledOnce();
    expect(inv.items.value).toEqual([]);
  });

  it('declining removes it without reloading the session', async () => {
    const decline = vi.fn(async () => invitation);
    const me = vi.fn(async () => user('viewer'));
    const inv = setup({ decline, me });
    await settle();
    await inv.decide('org-2', 'decline');
    expect([decline.mock.calls.length, me.mock.calls.length, inv.items.value]).toEqual([1, 0, []]);
  });

  it('shows the sentence for a refusal and keeps the invitation', async () => {
    const inv = setup({
      accept: async () => {
        throw new ApiError(404, 'invitation_not_found', 'prose', 'req-1');
      },
    });
    await settle();
    await inv.decide('org-2', 'accept');
    expect(inv.error.value).toContain('no longer exists');
    expect(inv.items.value).toEqual([invitation]);
  });
});
