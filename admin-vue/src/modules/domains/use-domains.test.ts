import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { Domain } from '../../api/domains';
import type { LiveHandlers } from '../../api/events';
import { useLiveStore } from '../../stores/live';
import { fakeApi, harness, user, withSetup } from '../../test-support/harness';
import { COALESCE_MS, useDomains } from './use-domains';

/** A domain as the API answers it, at `status`. */
function domain(hostname: string, status: Domain['status']): Domain {
  return {
    hostname,
    displayName: hostname,
    status,
    primary: false,
    inIngress: status === 'verified' || status === 'serving',
    ownership: {
      status: status === 'pending' ? 'pending' : 'verified',
      record: { type: 'TXT', name: `_luster-challenge.${hostname}`, value: 'luster-token' },
      detail: '',
    },
    target: {
      status: status === 'pending' ? 'pending' : 'points_here',
      record: { type: 'CNAME', name: hostname, value: 'ingress.luster.test' },
      alternatives: [],
      detail: '',
    },
    certificate: { status: 'pending', detail: '', source: 'tenant_status' },
    lastCheckedAt: null,
    missingSince: null,
  };
}

function setup(domains: Record<string, unknown> = {}) {
  let stream: LiveHandlers | null = null;
  let current: Domain[] = [domain('shop.example.test', 'pending')];
  const list = vi.fn(async () => ({ items: current }));
  const h = harness(
    fakeApi({
      domains: { list, ...domains },
      subscribe: (handlers: LiveHandlers) => {
        stream = handlers;
        return () => undefined;
      },
    } as Parameters<typeof fakeApi>[0]),
    user('client_admin'),
  );
  const { result, unmount } = withSetup(() => useDomains(() => 'client'), h);
  const live = useLiveStore(h.pinia);
  live.connect();
  const handlers = () => stream as unknown as LiveHandlers;
  return {
    result,
    unmount,
    list,
    handlers,
    /** The stream is up (so no fallback polling). */
    open: () => handlers().onConnection?.(true),
    set: (items: Domain[]) => {
      current = items;
    },
  };
}

describe('useDomains', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the list, showing "loading" only before the first answer, and says why a read failed', async () => {
    const t = setup();
    const reading = t.result.reload();
    expect(t.result.loading.value).toBe(true);
    await reading;
    expect(t.result.items.value.map((d) => d.hostname)).toEqual(['shop.example.test']);
    expect([t.result.loading.value, t.result.error.value]).toEqual([false, null]);

    t.list.mockRejectedValueOnce(new ApiError(503, 'database_busy', 'busy'));
    const again = t.result.reload();
    expect(t.result.loading.value).toBe(false);
    await again;
    expect(t.result.error.value).toMatch(/\S/);
    expect(t.result.items.value).toHaveLength(1);
  });

  it('reads once as the live stream opens, never polls while it is up, and reads again once for a burst of its events', async () => {
    const t = setup();
    await t.result.reload();
    // The stream opens after the first read: a change made meanwhile was sent to no page.
    t.open();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.list).toHaveBeenCalledTimes(2);

    t.set([domain('shop.example.test', 'verified')]);
    // A check's event and its commit's sync status arrive together: one read.
    t.handlers().onDomains?.({ organizationId: 'client', hostname: 'shop.example.test' });
    t.handlers().onSync({ organizationId: 'client', sync: { status: 'Pending' } as never });
    t.handlers().onDomains?.({ organizationId: 'client', hostname: null });
    await vi.advanceTimersByTimeAsync(COALESCE_MS);
    expect(t.list).toHaveBeenCalledTimes(3);
    expect(t.result.items.value[0]?.status).toBe('verified');

    // Another organization's events change nothing here.
    t.handlers().onDomains?.({ organizationId: 'other', hostname: 'x.example.test' });
    t.handlers().onSync({ organizationId: 'other', sync: { status: 'Ready' } as never });
    await vi.advanceTimersByTimeAsync(COALESCE_MS * 4);
    expect(t.list).toHaveBeenCalledTimes(3);
  });

  it('polls every 5 s only while the stream is down, and stops listening once unmounted', async () => {
    const t = setup();
    await t.result.reload();
    t.handlers().onConnection?.(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.list).toHaveBeenCalledTimes(2);
    // Back up: one read for what changed while it was down, then no more polling.
    t.open();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(t.list).toHaveBeenCalledTimes(3);

    t.unmount();
    t.handlers().onDomains?.({ organizationId: 'client', hostname: null });
    t.handlers().onConnection?.(false);
    t.handlers().onConnection?.(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.list).toHaveBeenCalledTimes(3);
  });

  it('runs an action with its key busy, then reads the list again; a refusal says why and reads nothing', async () => {
    let release: () => void = () => undefined;
    const add = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const setPrimary = vi.fn(async () => {
      throw new ApiError(409, 'invalid_state', 'not in the Ingress yet');
    });
    const remove = vi.fn(async () => undefined);
    const t = setup({ add, setPrimary, remove });
    await t.result.reload();

    const adding = t.result.add('  new.example.test ');
    expect(add).toHaveBeenCalledWith('client', 'new.example.test');
    expect(t.result.busy.value).toBe('add');
    release();
    expect(await adding).toBe(true);
    expect([t.result.busy.value, t.list.mock.calls.length]).toEqual([null, 2]);

    expect(await t.result.setPrimary('shop.example.test')).toBe(false);
    expect(setPrimary).toHaveBeenCalledWith('client', 'shop.example.test');
    expect(t.result.actionError.value).toMatch(/\S/);
    expect(t.list).toHaveBeenCalledTimes(2);

    t.set([]);
    expect(await t.result.remove('shop.example.test')).toBe(true);
    expect(remove).toHaveBeenCalledWith('client', 'shop.example.test');
    expect([t.result.actionError.value, t.result.items.value]).toEqual([null, []]);
  });
});
