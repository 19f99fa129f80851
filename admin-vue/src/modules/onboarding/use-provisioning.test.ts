import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Organization, SyncStatus } from '../../api/models';
import { useLiveStore } from '../../stores/live';
import { fakeApi, harness, org, withSetup } from '../../test-support/harness';
import { useProvisioning } from './use-provisioning';

const lastChange = { sha: 'b'.repeat(40), committedAt: '2026-11-23T10:00:00Z' };

/** What the sync endpoint answers, with the fields these tests do not look at empty. */
const syncAnswer = (answer: Pick<SyncStatus, 'status' | 'lastChange'> & Partial<SyncStatus>): SyncStatus => ({
  appliedRevision: null,
  firstProgressingAt: null,
  readyAt: null,
  timeToLiveMs: null,
  message: null,
  events: [],
  ...answer,
});

async function start(o: Organization, sync: Parameters<typeof syncAnswer>[0] | null) {
  const answer = sync && syncAnswer(sync);
  const h = harness(
    fakeApi({ organizations: { get: async () => o, sync: async () => answer as SyncStatus } }),
  );
  const p = withSetup(() => useProvisioning(() => o.id, 60_000), h).result;
  await p.poll();
  p.stop();
  return { p, h };
}

const states = (p: Awaited<ReturnType<typeof start>>['p']) => p.steps.value.map((s) => s.state);

describe('the first-login loader follows the real provisioning status', () => {
  it('shows the commit in progress before the tenant has a change on main', async () => {
    const { p } = await start(org({ id: 'o', state: 'provisioning' }), {
      status: 'Pending',
      lastChange: null,
      events: [],
    });
    expect(states(p)).toEqual(['done', 'done', 'active', 'waiting', 'waiting']);
    expect(p.finished.value).toBe(false);
  });

  it('shows the deployment in progress while Flux has not reported Ready', async () => {
    const { p } = await start(org({ id: 'o', state: 'provisioning' }), {
      status: 'Reconciling',
      lastChange,
      events: [],
    });
    expect(states(p)).toEqual(['done', 'done', 'done', 'active', 'waiting']);
    expect(p.progress.value).toBe(70);
  });

  it('finishes when the live stream reports Ready', async () => {
    const { p, h } = await start(org({ id: 'o', state: 'provisioning' }), {
      status: 'Pending',
      lastChange,
      events: [],
    });
    useLiveStore(h.pinia).apply({
      organizationId: 'o',
      sync: { status: 'Ready', lastChange, appliedRevision: null, readyAt: null, message: null },
    });
    await flushPromises();
    expect(p.finished.value).toBe(true);
    expect(p.progress.value).toBe(100);
  });

  it('shows a failure with its message instead of spinning forever', async () => {
    const { p } = await start(org({ id: 'o', state: 'provisioning' }), {
      status: 'Failed',
      lastChange,
      message: 'health check failed after 5m',
      events: [],
    });
    expect(p.failed.value).toBe(true);
    expect(p.steps.value[3]?.state).toBe('failed');
  });

  it('waits for approval for an agency under review', async () => {
    const { p } = await start(org({ id: 'o', kind: 'agency', state: 'pending_review' }), null);
    expect(p.awaitingApproval.value).toBe(true);
    expect(states(p)).toEqual(['done', 'active', 'waiting', 'waiting', 'waiting']);
  });
});
