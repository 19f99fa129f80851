import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ReplicaPresence } from './replica-presence.js';

/**
 * Changes committed on main that one replica's local repository alone holds (takeover.ts), read
 * when Prometheus scrapes: how many — this replica's, and the other replicas' (live ones still to
 * push, gone ones not taken over yet) — and how long the oldest has waited. A push carries a
 * round's commits within moments; an oldest of minutes means the remote refuses or is unreachable.
 */
export function registerUnpushedGauges(
  registry: Registry,
  dataSource: DataSource,
  presence: ReplicaPresence,
): void {
  let last: Promise<{ mine: number; others: number; oldest: number }> | undefined;
  // One query per scrape for both gauges.
  const read = () => {
    last ??= dataSource
      .query(
        `SELECT count(*) FILTER (WHERE "unpushedBy" = $1) AS mine, count(*) FILTER (WHERE "unpushedBy" <> $1) AS others,
                COALESCE(EXTRACT(EPOCH FROM now() - min("committedAt")), 0) AS oldest
         FROM change_request WHERE "unpushedBy" IS NOT NULL`,
        [presence.key ?? 0],
      )
      .then(([row]: { mine: string; others: string; oldest: string }[]) => ({
        mine: Number(row?.mine ?? 0),
        others: Number(row?.others ?? 0),
        oldest: Math.max(0, Number(row?.oldest ?? 0)),
      }))
      .finally(() => {
        last = undefined;
      });
    return last;
  };
  new Gauge({
    name: 'luster_gitops_unpushed_changes',
    help: 'Changes committed on main whose commit is in one replica only, not on the remote yet (this replica, others)',
    labelNames: ['replica'],
    registers: [registry],
    async collect() {
      const { mine, others } = await read();
      this.set({ replica: 'this' }, mine);
      this.set({ replica: 'others' }, others);
    },
  });
  new Gauge({
    name: 'luster_gitops_unpushed_oldest_seconds',
    help: 'How long the oldest change committed on main and not on the remote yet has waited (0: none waits)',
    registers: [registry],
    async collect() {
      this.set((await read()).oldest);
    },
  });
}
