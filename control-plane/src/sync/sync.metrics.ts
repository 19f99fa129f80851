import type { SyncStatus } from '@luster/contract';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Webhook counters and how long changes take to go live. */
export function createSyncMetrics(registry: Registry) {
  return {
    webhookAccepted: new Counter({
      name: 'luster_webhook_accepted_total',
      help: 'Webhook deliveries accepted, by source and result (stored or duplicate)',
      labelNames: ['source', 'result'],
      registers: [registry],
    }),
    webhookRejected: new Counter({
      name: 'luster_webhook_rejected_total',
      help: 'Webhook deliveries refused, by source and reason',
      labelNames: ['source', 'reason'],
      registers: [registry],
    }),
    timeToLive: new Histogram({
      name: 'luster_change_time_to_live_seconds',
      help: 'Time from a tenant change landing on main to Flux or Argo CD reporting it live',
      buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600],
      registers: [registry],
    }),
  };
}

export type SyncMetrics = ReturnType<typeof createSyncMetrics>;

/** Tenants per displayed sync status, counted when Prometheus scrapes. */
export function registerSyncStatusGauge(
  registry: Registry,
  countByStatus: () => Promise<Record<SyncStatus, number>>,
): void {
  new Gauge({
    name: 'luster_tenants_by_sync_status',
    help: 'Tenants per sync status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await countByStatus();
      for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
    },
  });
}
