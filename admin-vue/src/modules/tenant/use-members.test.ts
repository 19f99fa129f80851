import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { InviteInput, InviteResult, Member } from '../../api/models';
import { fakeApi, harness, org, user, withSetup } from '../../test-support/harness';
import { useMembers } from './use-members';

// What the server sends a client admin of it.
const client = org({
  id: 'client',
  parentId: 'agency',
  grantableRoles: ['client_admin', 'editor', 'viewer'],
});
const owner: Member = {
  userId: 'u1',
  email: 'owner@acme.test',
  name: 'Owner',
  role: 'client_admin',
  emailVerified: true,
  pending: false,
  status: 'active',
  since: '2026-11-20T10:00:00Z',
};
const colleague: Member = { ...owner, userId: 'u2', email: 'colleague@acme.test', role: 'editor' };
const clientAdmin = user('client_admin', {
  memberships: [{ organizationId: 'client', role: 'client_admin' }],
});

function setup(
  parts: {
    members?: () => Promise<Member[]>;
    invite?: (id: string, input: InviteInput) => Promise<InviteResult>;
  },
  on = client,
) {
  const api = fakeApi({ organizations: parts });
  return withSetup(() => useMembers(() => on), harness(api, clientAdmin)).result;
}

const refused = (status: number, code: string, details?: Record<string, unknown>) =>
  vi.fn(async () => {
    throw new ApiError(status, code, 'server prose', 'req-1', details);
  });

describe('the Users tab', () => {
  it("lists the organization's members", async () => {
    const members = vi.fn(async () => [owner]);
    const m = setup({ members });
    await m.members.reload();
    expect(members).toHaveBeenCalledWith('client');
    expect(m.members.data.value).toEqual([owner]);
  });

  it('says why the list failed instead of showing it empty', async () => {
    const m = setup({ members: refused(403, 'forbidden') });
    await m.members.reload();
    expect(m.members.error.value).toBe('You do not have permission to do this.');
    expect(m.members.data.value).toBeNull();
  });

  it('offers the roles the server lists for the organization, the least powerful chosen first', () => {
    expect(setup({}).roles.value).toEqual(['client_admin', 'editor', 'viewer']);
    expect(setup({}).form.role).toBe('viewer');
    const asAgencyAdmin = { ...client, grantableRoles: ['agency_admin' as const, 'client_admin' as const] };
    expect(setup({}, asAgencyAdmin).roles.value).toEqual(['agency_admin', 'client_admin']);
    expect(setup({}, asAgencyAdmin).form.role).toBe('client_admin');
    expect(setup({}, { ...client, grantableRoles: [] }).roles.value).toEqual([]);
  });

  it('invites with the trimmed email, the role and no blank name, then lists the new member', async () => {
    const invite = vi.fn(async (_id: string, input: InviteInput) => ({
      userId: 'u2',
      email: input.email,
      role: input.role === 'admin' ? ('agency_admin' as const) : input.role,
      invited: true as const,
    }));
    const members = vi.fn(async () => (invite.mock.calls.length ? [colleague, owner] : [owner]));
    const m = setup({ members, invite });
    await m.members.reload();
    m.form.email = '  colleague@acme.test ';
    m.form.role = 'editor';
    m.form.name = '  ';
    await m.invite();
    expect(invite).toHaveBeenCalledWith('client', { email: 'colleague@acme.test', role: 'editor' });
    expect(m.done.value).toMatchObject({ email: 'colleague@acme.test', invited: true });
    expect(m.members.data.value?.map((u) => u.email)).toEqual(['colleague@acme.test', 'owner@acme.test']);
    expect(m.form.email).toBe('');
    expect(m.form.role).toBe('editor');
  });

  it('sends the name when one is given', async () => {
    const invite = vi.fn(async () => ({
      userId: 'u2',
      email: 'c@acme.test',
      role: 'editor' as const,
      invited: true as const,
    }));
    const m = setup({ members: async () => [], invite });
    m.form.email = 'c@acme.test';
    m.form.name = ' Cleo ';
    await m.invite();
    expect(invite).toHaveBeenCalledWith('client', { email: 'c@acme.test', role: 'viewer', name: 'Cleo' });
  });

  it('sends one invitation at a time, and is busy while it is sent', async () => {
    let answer!: (r: InviteResult) => void;
    const invite = vi.fn(() => new Promise<InviteResult>((resolve) => (answer = resolve)));
    const m = setup({ members: async () => [], invite });
    m.form.email = 'c@acme.test';
    const first = m.invite();
    expect(m.submitting.value).toBe(true);
    await m.invite();
    expect(invite).toHaveBeenCalledTimes(1);
    answer({ userId: 'u2', email: 'c@acme.test', role: 'viewer', invited: true });
    await first;
    expect(m.submitting.value).toBe(false);
  });

  it('asks for an email before sending anything', async () => {
    const invite = vi.fn();
    const m = setup({ invite });
    await m.invite();
    expect(invite).not.toHaveBeenCalled();
    expect(m.fields.value.email).toBe('Enter the email address to invite.');
    m.edited('email');
    expect(m.fields.value.email).toBeUndefined();
  });

  it.each([
    [
      'an existing member',
      refused(409, 'already_member', { email: 'c@acme.test' }),
      { email: 'This person is already a member of this organization.' },
    ],
    [
      'a role above the inviter’s',
      refused(403, 'role_too_high', { role: 'agency_admin', yours: 'client_admin' }),
      { role: 'You can only grant roles up to Client admin here.' },
    ],
    [
      'an invalid email',
      refused(400, 'invalid_input', { issues: [{ path: 'body.email', message: 'Invalid email address' }] }),
      { email: 'Invalid email address.' },
    ],
  ])('shows the refusal of %s beside its field, and keeps what was typed', async (_what, invite, fields) => {
    const m = setup({ invite });
    m.form.email = 'c@acme.test';
    await m.invite();
    expect(m.fields.value).toEqual(fields);
    expect(m.error.value).toBeNull();
    expect(m.done.value).toBeNull();
    expect(m.form.email).toBe('c@acme.test');
    expect(m.submitting.value).toBe(false);
  });

  it('shows a refusal that names no field above the form', async () => {
    const m = setup({ invite: refused(404, 'organization_not_found') });
    m.form.email = 'c@acme.test';
    await m.invite();
    expect(m.error.value).toBe('This organization does not exist, or you cannot see it.');
    expect(m.fields.value).toEqual({});
  });
});
