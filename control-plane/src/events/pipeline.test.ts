import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { Pipeline } from './pipeline.js';

describe('the in-process pipeline', () => {
  it('runs subscribers in subscription order and resolves after the last', async () => {
    const pipeline = new Pipeline(createLogger('silent'));
    const seen: string[] = [];
    pipeline.on('tenant.ready', async ({ tenantId }) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen.push(`tenants ${tenantId}`);
    });
    pipeline.on('tenant.ready', async ({ tenantId }) => {
      seen.push(`review ${tenantId}`);
    });
    await pipeline.emit('tenant.ready', { tenantId: 't1', sha: 'a'.repeat(40) });
    expect(seen).toEqual(['tenants t1', 'review t1']);
  });

  it('delivers only to subscribers of the event type', async () => {
    const pipeline = new Pipeline(createLogger('silent'));
    const committed: (readonly string[])[] = [];
    pipeline.on('tenants.committed', async ({ tenantIds }) => {
      committed.push(tenantIds);
    });
    await pipeline.emit('tenant.ready', { tenantId: 't1', sha: 'a'.repeat(40) });
    await pipeline.emit('tenants.committed', { tenantIds: ['t1', 't2'] });
    expect(committed).toEqual([['t1', 't2']]);
  });

  it('keeps going when a subscriber fails: the event already happened', async () => {
    const pipeline = new Pipeline(createLogger('silent'));
    const seen: string[] = [];
    pipeline.on('tenant.ready', () => Promise.reject(new Error('mail down')));
    pipeline.on('tenant.ready', async ({ tenantId }) => {
      seen.push(tenantId);
    });
    await expect(
      pipeline.emit('tenant.ready', { tenantId: 't2', sha: 'b'.repeat(40) }),
    ).resolves.toBeUndefined();
    expect(seen).toEqual(['t2']);
  });
});
