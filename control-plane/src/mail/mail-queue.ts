import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../logger.js';
import { createPasses } from '../passes.js';
import { RELAXED_COMMIT } from '../relaxed-commit.js';
import { MailMessage } from './mail.entities.js';
import type { MailMetrics } from './mail.metrics.js';
import type { Mail, Mailer } from './mailer.js';

export interface MailQueueOptions {
  dataSource: DataSource;
  /** How mails leave: SMTP, or the outbox folder on embedded defaults. */
  transport: Mailer;
  logger: Logger;
  /** Counted when given. @default none */
  metrics?: MailMetrics;
  /** Attempts before a mail is given up (`failedAt`). @default 8 */
  maxAttempts?: number;
  /** Wait after the first failure; doubled after each further one, up to `maxBackoffMs`. @default 30 s */
  backoffMs?: number;
  /** @default 1 h */
  maxBackoffMs?: number;
  /** How often due retries are looked for when nothing kicks the queue. @default 30 s */
  pollMs?: number;
  /** How long one replica may hold a mail it is sending before another may take it. @default 2 min */
  leaseMs?: number;
}

/** Mails claimed (and sent concurrently) per pass. */
const BATCH = 10;

/** How long sent and given-up mails stay in the table (their bodies are cleared at once). */
const RETENTION_DAYS = 30;

/**
 * The transactional mail outbox. `enqueue` writes the mail in the caller's transaction, so a
 * verification mail exists exactly when its registration does; the queue delivers it after the
 * commit, retrying failures with exponential backoff. Replicas share the table: a mail is claimed
 * with a lease (`FOR UPDATE SKIP LOCKED`), so two replicas do not send it at the same time.
 * Delivery is at least once: a replica that dies after sending but before recording it leaves the
 * mail to be sent again once its lease expires.
 *
 * It is also a `Mailer`: `send` enqueues (outside any transaction) and returns once the mail is
 * stored, without waiting for SMTP.
 */
export function createMailQueue(options: MailQueueOptions) {
  const { dataSource, transport } = options;
  const log = options.logger.child({ component: 'mail' });
  const maxAttempts = options.maxAttempts ?? 8;
  const backoffMs = options.backoffMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
  const leaseMs = options.leaseMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;

  async function claim(): Promise<MailMessage[]> {
    // A CTE, so the driver hands back rows (a bare UPDATE … RETURNING comes back as [rows, count]).
    return dataSource.query(
      `WITH ${RELAXED_COMMIT}, claimed AS (
         UPDATE mail_outbox SET "leaseUntil" = now() + make_interval(secs => $1), attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM mail_outbox
           WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= now()
             AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
           ORDER BY "nextAttemptAt" LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, kind, "to", subject, text, attempts)
       SELECT claimed.* FROM claimed, relaxed_commit`,
      [leaseMs / 1000, BATCH],
    );
  }

  async function deliver(mail: MailMessage): Promise<void> {
    try {
      await transport.send({ kind: mail.kind, to: mail.to, subject: mail.subject, text: mail.text });
      await dataSource.query(
        // The body goes once sent: it may carry a one-time token (verification, invitation). A
        // relaxed commit: delivery was at least once already (a crash right after SMTP accepted the
        // mail sends it again); losing this mark in a crash of PostgreSQL widens that by a moment.
        `WITH ${RELAXED_COMMIT}
         UPDATE mail_outbox SET "sentAt" = now(), "leaseUntil" = NULL, "lastError" = NULL, text = ''
           FROM relaxed_commit WHERE id = $1`,
        [mail.id],
      );
      options.metrics?.sent.inc({ kind: mail.kind });
    } catch (error) {
      const message = (error as Error).message?.slice(0, 2000) ?? String(error);
      const giveUp = mail.attempts >= maxAttempts;
      const wait = Math.min(maxBackoffMs, backoffMs * 2 ** (mail.attempts - 1));
      await dataSource.query(
        `UPDATE mail_outbox SET "leaseUntil" = NULL, "lastError" = $2,
           "failedAt" = CASE WHEN $3 THEN now() END, text = CASE WHEN $3 THEN '' ELSE text END,
           "nextAttemptAt" = now() + make_interval(secs => $4)
         WHERE id = $1`,
        [mail.id, message, giveUp, wait / 1000],
      );
      options.metrics?.attemptFailed.inc({ kind: mail.kind });
      if (giveUp) options.metrics?.givenUp.inc({ kind: mail.kind });
      log.error(
        { err: error, mail: mail.id, kind: mail.kind, attempts: mail.attempts, giveUp },
        giveUp ? 'mail given up' : 'sending mail failed; will retry',
      );
    }
  }

  async function drain(): Promise<void> {
    while (!passes.stopped) {
      const due = await claim();
      await Promise.all(due.map(deliver));
      // A short batch was all that was due (a kick meanwhile runs another pass).
      if (due.length < BATCH) return;
    }
  }

  const passes = createPasses(drain, (error) => log.error({ err: error }, 'mail queue pass failed'));
  const kick = () => passes.kick();

  const queue = {
    /** Stores `mail` in the caller's transaction; call `kick()` once it has committed. */
    async enqueue(manager: EntityManager, mail: Mail): Promise<void> {
      await manager.insert(MailMessage, {
        kind: mail.kind,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    },

    /** The `Mailer` port: stores the mail and starts delivering it, without waiting for the send. */
    async send(mail: Mail): Promise<void> {
      await queue.enqueue(dataSource.manager, mail);
      void queue.kick();
    },

    kick,

    /** Mails not sent yet, and mails given up (the metrics gauge). */
    async counts(): Promise<{ due: number; failed: number }> {
      const [row] = await dataSource.query(
        `SELECT count(*) FILTER (WHERE "failedAt" IS NULL)::int AS due, count(*) FILTER (WHERE "failedAt" IS NOT NULL)::int AS failed
           FROM mail_outbox WHERE "sentAt" IS NULL`,
      );
      return { due: row?.due ?? 0, failed: row?.failed ?? 0 };
    },

    /** Forgets mails sent or given up more than `RETENTION_DAYS` ago. */
    async prune(): Promise<number> {
      const [, deleted] = await dataSource.query(
        `DELETE FROM mail_outbox WHERE "sentAt" < now() - make_interval(days => $1)
            OR "failedAt" < now() - make_interval(days => $1)`,
        [RETENTION_DAYS],
      );
      return Number(deleted ?? 0);
    },

    /** Delivers what is due, then looks again every `pollMs` (retries, other replicas' mails). */
    start(): void {
      if (timer || passes.stopped) return;
      void kick();
      timer = setInterval(() => {
        void kick();
        queue.prune().catch((error) => log.warn({ err: error }, 'pruning old mails failed'));
      }, options.pollMs ?? 30_000);
      timer.unref();
    },

    /** Resolves when no pass is running (tests; shutdown). */
    idle: () => passes.idle(),

    /** Takes no new passes and waits for the running one. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await passes.stop();
    },
  };
  return queue;
}

export type MailQueue = ReturnType<typeof createMailQueue>;
