import { Counter, Gauge, type Registry } from 'prom-client';

/** What an operator watches of outgoing mail: deliveries and failures (registerMailOutboxGauge: what waits). */
export function createMailMetrics(registry: Registry) {
  return {
    sent: new Counter({
      name: 'luster_mail_sent_total',
      help: 'Mails delivered to the transport, by kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    attemptFailed: new Counter({
      name: 'luster_mail_attempts_failed_total',
      help: 'Delivery attempts that failed (retried later unless given up), by kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    givenUp: new Counter({
      name: 'luster_mail_given_up_total',
      help: 'Mails given up after their last attempt, by kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
  };
}

export type MailMetrics = ReturnType<typeof createMailMetrics>;

/** Mails not sent yet (pending) or given up (failed), counted when Prometheus scrapes. */
export function registerMailOutboxGauge(
  registry: Registry,
  countWaiting: () => Promise<{ due: number; failed: number }>,
): void {
  new Gauge({
    name: 'luster_mail_outbox',
    help: 'Mails in the outbox: not sent yet (pending), or given up (failed)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const { due, failed } = await countWaiting();
      this.set({ state: 'pending' }, due);
      this.set({ state: 'failed' }, failed);
    },
  });
}
