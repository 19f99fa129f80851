import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';
import { type Mismatch, verify } from './ledger.js';

export interface LedgerCheckOptions {
  dataSource: DataSource;
  logger: Logger;
  registry: Registry;
}

/**
 * Proves the balances against the entries at start-up and then periodically (the maintenance
 * interval), and shows the outcome as `luster_credit_ledger_mismatches`: 0 when every balance is
 * the sum of its entries. The gauge reports the last pass rather than summing the ledger on every
 * scrape, which would cost a full scan each time Prometheus asks. A mismatch is logged with the
 * organizations and amounts and alerts; nothing is "repaired", since which side is right is a
 * person's call.
 */
export function createLedgerCheck(options: LedgerCheckOptions) {
  const log = options.logger.child({ component: 'credit-ledger-check' });
  const gauge = new Gauge({
    name: 'luster_credit_ledger_mismatches',
    help: 'Organizations whose credit balance differs from the sum of their ledger entries (last check); -1 before the first',
    registers: [options.registry],
  });
  gauge.set(-1);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<Mismatch[]> | null = null;

  async function pass(): Promise<Mismatch[]> {
    const mismatches = await verify(options.dataSource.manager);
    gauge.set(mismatches.length);
    if (mismatches.length > 0)
      log.error(
        { mismatches: mismatches.slice(0, 20), count: mismatches.length },
        'credit balances differ from the ledger',
      );
    return mismatches;
  }

  return {
    /** One verification (start-up, the timer, tests). */
    run(): Promise<Mismatch[]> {
      running ??= pass().finally(() => {
        running = null;
      });
      return running;
    },
    /** Verifies now, then every `intervalSeconds` (RECONCILE_INTERVAL_SECONDS); 0 verifies only at start. */
    async start(intervalSeconds: number): Promise<void> {
      await this.run();
      if (intervalSeconds <= 0 || timer) return;
      timer = setInterval(() => {
        this.run().catch((error) =>
          log.warn({ err: error }, 'credit ledger check failed; next pass retries'),
        );
      }, intervalSeconds * 1000);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}

export type LedgerCheck = ReturnType<typeof createLedgerCheck>;
