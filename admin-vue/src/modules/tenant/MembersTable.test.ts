import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { Member, User } from '../../api/models';
import { fakeApi, harness, mountWith, org, user } from '../../test-support/harness';
import MembersTable from './MembersTable.vue';

const client = org({
  id: 'client',
  name: 'Acme',
  parentId: 'agency',
  allowedActions: ['organization.read', 'users.read', 'users.invite', 'users.manage'],
  // What the server sends a client admin of it.
  grantableRoles: ['client_admin', 'editor', 'viewer'],
});
const member = (email: string, role: Member['role'], status: Member['status']): Member => ({
  userId: `id-${email}`,
  email,
  name: email.split('@')[0] as string,
  role,
  emailVerified: status === 'active',
  pending: false,
  status,
  since: '2026-11-20T10:00:00Z',
});
const owner = member('owner@acme.test', 'client_admin', 'active');
const editor = member('eddie@acme.test', 'editor', 'active');
const invited = member('ivy@acme.test', 'viewer', 'invited');
const boss = member('boss@agency.test', 'agency_admin', 'active');
const clientAdmin = user('client_admin', {
  memberships: [{ organizationId: 'client', role: 'client_admin' }],
});

type Calls = {
  changeRole?: (id: string, userId: string, role: string) => Promise<unknown>;
  removeMember?: (id: string, userId: string) => Promise<undefined>;
  resendInvitation?: (id: string, userId: string) => Promise<unknown>;
  cancelInvitation?: (id: string, userId: string) => Promise<undefined>;
};

async function mountTable(calls: Calls, as: User = clientAdmin, on = client) {
  const reload = vi.fn(async () => undefined);
  // biome-ignore lint/suspicious/noExplicitAny: the fake answers only what the table reads
  const api = fakeApi({ organizations: calls as any });
  const wrapper = mountWith(MembersTable, harness(api, as), {
    org: on,
    members: [owner, editor, invited, boss],
    reload,
  });
  await flushPromises();
  return { wrapper, reload, row: (m: Member) => wrapper.find(`tr[data-member="${m.email}"]`) };
}

describe('the members table', () => {
  it('offers controls only on members up to the viewer’s own role, with the roles they may grant', async () => {
    const { row } = await mountTable({});
    const options = row(editor)
      .findAll('[data-testid=member-role-select] option')
      .map((o) => o.text());
    expect(options).toEqual(['Client admin', 'Editor', 'Viewer']);
    expect(row(editor).find('[data-testid=member-remove]').exists()).toBe(true);
    expect(row(boss).find('[data-testid=member-role]').text()).toBe('Agency admin');
    expect(row(boss).find('select').exists()).toBe(false);
    expect(row(boss).find('button').exists()).toBe(false);
  });

  it('shows no control at all to someone who may not manage members', async () => {
    const editorView = {
      ...client,
      allowedActions: ['organization.read' as const, 'users.read' as const],
      grantableRoles: [],
    };
    const { wrapper } = await mountTable(
      {},
      user('editor', { memberships: [{ organizationId: 'client', role: 'editor' }] }),
      editorView,
    );
    expect(wrapper.findAll('select')).toHaveLength(0);
    expect(wrapper.findAll('button')).toHaveLength(0);
  });

  it('shows no control where the server allows no member action (an agency waiting for approval)', async () => {
    const { wrapper } = await mountTable({}, clientAdmin, {
      ...client,
      allowedActions: ['organization.read', 'users.read'],
    });
    expect(wrapper.findAll('select')).toHaveLength(0);
    expect(wrapper.findAll('button')).toHaveLength(0);
  });

  it('says who is invited, and offers resend and cancel for them instead of removal', async () => {
    const { row } = await mountTable({});
    expect(row(invited).find('[data-testid=member-status]').text()).toBe('Invited');
    expect(row(invited).find('[data-testid=member-resend]').exists()).toBe(true);
    expect(row(invited).find('[data-testid=member-cancel]').exists()).toBe(true);
    expect(row(invited).find('[data-testid=member-remove]').exists()).toBe(false);
    expect(row(editor).find('[data-testid=member-status]').text()).toBe('Active');
  });

  it('changes a role when another is chosen, then reloads the list', async () => {
    const changeRole = vi.fn(async () => ({
      userId: editor.userId,
      organizationId: 'client',
      role: 'viewer',
    }));
    const { row, reload } = await mountTable({ changeRole });
    await row(editor).find('select').setValue('viewer');
    await flushPromises();
    expect(changeRole).toHaveBeenCalledWith('client', editor.userId, 'viewer');
    expect(reload).toHaveBeenCalled();
  });

  it('says on the row why a role change was refused', async () => {
    const changeRole = vi.fn(async () => {
      throw new ApiError(409, 'last_admin', 'prose', 'req', { role: 'client_admin' });
    });
    const { wrapper, reload } = await mountTable({ changeRole });
    await wrapper.find(`tr[data-member="${owner.email}"] select`).setValue('editor');
    await flushPromises();
    expect(wrapper.find('[data-testid=member-error]').text()).not.toBe('');
    expect(reload).not.toHaveBeenCalled();
  });

  it('removes a member only once their email is typed', async () => {
    const removeMember = vi.fn(async () => undefined);
    const { wrapper, row, reload } = await mountTable({ removeMember });
    await row(editor).find('[data-testid=member-remove]').trigger('click');
    const confirm = wrapper.find('[data-testid=confirm-typing]');
    expect(confirm.find('label').text()).toBe(`Type ${editor.email} to confirm`);
    await confirm.trigger('submit');
    expect(removeMember).not.toHaveBeenCalled();
    await confirm.find('input').setValue(editor.email);
    await confirm.trigger('submit');
    await flushPromises();
    expect(removeMember).toHaveBeenCalledWith('client', editor.userId);
    expect(reload).toHaveBeenCalled();
    expect(wrapper.find('[data-testid=confirm-typing]').exists()).toBe(false);
  });

  it('mails an invitation again and says so, and withdraws one', async () => {
    const resendInvitation = vi.fn(async () => ({ userId: invited.userId }));
    const cancelInvitation = vi.fn(async () => undefined);
    const { wrapper, row } = await mountTable({ resendInvitation, cancelInvitation });
    await row(invited).find('[data-testid=member-resend]').trigger('click');
    await flushPromises();
    expect(resendInvitation).toHaveBeenCalledWith('client', invited.userId);
    expect(wrapper.find('[data-testid=member-notice]').text()).toBe(
      'Invitation mailed again to ivy@acme.test.',
    );
    await row(invited).find('[data-testid=member-cancel]').trigger('click');
    await flushPromises();
    expect(cancelInvitation).toHaveBeenCalledWith('client', invited.userId);
  });

  it('says when resending is refused for now', async () => {
    const resendInvitation = vi.fn(async () => {
      throw new ApiError(429, 'rate_limited', 'slow down', 'req', { retryAfterSeconds: 60 });
    });
    const { wrapper, row } = await mountTable({ resendInvitation });
    await row(invited).find('[data-testid=member-resend]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid=member-error]').text()).not.toBe('');
    expect(wrapper.find('[data-testid=member-notice]').exists()).toBe(false);
  });
});
