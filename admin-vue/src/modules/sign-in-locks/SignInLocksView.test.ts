import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { SignInLock } from '../../api/models';
import { fakeApi, harness, mountWith, user } from '../../test-support/harness';
import SignInLocksView from './SignInLocksView.vue';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000 + 30_000).toISOString();
// As GET /api/v1/auth/locks answers them.
const short: SignInLock = {
  ip: '203.0.113.7',
  email: 'owner@acme.test',
  lockedUntil: inMinutes(15),
  locks: 1,
};
const long: SignInLock = {
  ip: '198.51.100.9',
  email: 'admin@example.test',
  lockedUntil: inMinutes(240),
  locks: 5,
};

async function mountView(unlock = vi.fn(async () => undefined)) {
  const api = fakeApi({ signInLocks: { list: async () => [long, short], unlock } });
  const wrapper = mountWith(SignInLocksView, harness(api, user('superadmin')));
  await flushPromises();
  return { wrapper, unlock };
}

describe('the sign-in locks page', () => {
  it('lists each pair with its address, account, time left (coloured by how long) and locks in a row', async () => {
    const { wrapper } = await mountView();
    const row = wrapper.find(`tr[data-lock="${short.ip} ${short.email}"]`);
    expect(row.text()).toContain('203.0.113.7');
    expect(row.text()).toContain('owner@acme.test');
    expect(row.find('[data-testid=locked-until]').text()).toBe('in 15 min');
    expect(row.find('[data-testid=locked-until]').classes()).toContain('status-Pending');
    expect(row.find('[data-testid=lock-count]').text()).toBe('1');
    const longRow = wrapper.find(`tr[data-lock="${long.ip} ${long.email}"]`);
    expect(longRow.find('[data-testid=locked-until]').text()).toBe('in 4 h');
    expect(longRow.find('[data-testid=locked-until]').classes()).toContain('status-Failed');
    expect(longRow.find('[data-testid=lock-count]').text()).toBe('5');
  });

  it('unlocks one pair and drops it from the list', async () => {
    const { wrapper, unlock } = await mountView();
    await wrapper.find(`tr[data-lock="${short.ip} ${short.email}"] [data-testid=unlock]`).trigger('click');
    await flushPromises();
    expect(unlock).toHaveBeenCalledWith(expect.objectContaining({ ip: short.ip, email: short.email }));
    expect(wrapper.find(`tr[data-lock="${short.ip} ${short.email}"]`).exists()).toBe(false);
    expect(wrapper.find(`tr[data-lock="${long.ip} ${long.email}"]`).exists()).toBe(true);
  });

  it('keeps the pair and says why when the server refuses', async () => {
    const { wrapper } = await mountView(
      vi.fn(async () => {
        throw new ApiError(403, 'forbidden', 'no');
      }),
    );
    await wrapper.find(`tr[data-lock="${short.ip} ${short.email}"] [data-testid=unlock]`).trigger('click');
    await flushPromises();
    const row = wrapper.find(`tr[data-lock="${short.ip} ${short.email}"]`);
    expect(row.exists()).toBe(true);
    expect(row.find('[role=alert]').text()).not.toBe('');
  });
});
