import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ReplicaPresence } from './replica-presence.js';

/**
 * Changes committed on main that one replica's local repository alone holds (takeover.ts), read
 * when Prometheus scrapes, a query each on the partial index: how many — this replica's, and the
 * other replicas' (live ones still to push, gone ones not taken over yet) — and how long the
 * oldest has waited. A push carries a round's commits within moments; an oldest of minutes means
 * the remote refuses or is unreachable.
 */
export function registerUnpushedGauges(
  registry: Registry,
  dataSource: DataSource,
  presence: ReplicaPresence,
): void {
  new Gauge({
    name: 'luster_gitops_unpushed_changes',
    help: 'Changes committed on main whose commit is in one replica only, not on the remote yet (this replica, others)',
    labelNames: ['replica'],
    registers: [registry],
    async collect() {
      const [row]: { mine: string; others: string }[] = await dataSource.query(
        `SELECT count(*) FILTER (WHERE "unpushedBy" = $1) AS mine, count(*) FILTER (WHERE "unpushedBy" <> $1) AS others
         FROM change_request WHERE "unpushedBy" IS NOT NULL`,
        [presence.key ?? 0],
      );
      this.set({ replica: 'this' }, Number(row?.mine ?? 0));
      this.set({ replica: 'others' }, Number(row?.others ?? 0));
    },
  });
  new Gauge({
    name: 'luster_gitops_unpushed_oldest_seconds',
    help: 'How long the oldest change committed on main and not on the remote yet has waited (0: none waits)',
    registers: [registry],
    async collect() {
      const [row]: { oldest: string | null }[] = await dataSource.query(
        `SELECT EXTRACT(EPOCH FROM now() - min("committedAt")) AS oldest FROM change_request WHERE "unpushedBy" IS NOT NULL`,
      );
      this.set(Math.max(0, Number(row?.oldest ?? 0)));
    },
  });
}
