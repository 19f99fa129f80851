import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';
import { createPasses } from '../passes.js';
import { RELAXED_COMMIT } from '../relaxed-commit.js';
import { deleteBucketCompletely, ensureBucket, physicalBucketName } from '../storage/buckets.js';
import type { Storage } from '../storage/storage.js';
import type { MediaBucket } from './media.entities.js';

/** The platform's own bucket (themes' shared assets), created at start. */
export const SYSTEM_BUCKET = 'system-media';

export interface BucketQueueOptions {
  dataSource: DataSource;
  storage: Storage;
  logger: Logger;
  /** S3_BUCKET_PREFIX. */
  prefix: string;
  /** When a deletion is recorded as done. */
  clock: () => Date;
  /** Origins allowed to upload from a browser (the admin's), asked for each bucket created. */
  allowedOrigins: () => readonly string[];
  /** Attempts after which the bucket shows as `failed` (it is still retried). @default 5 */
  failAfter?: number;
  /** Wait after the first failure, doubled after each further one up to `maxBackoffMs`. @default 5 s */
  backoffMs?: number;
  /** @default 10 min */
  maxBackoffMs?: number;
  /** How often due buckets are looked for when nothing kicks the queue. @default 30 s */
  pollMs?: number;
  /** How long one replica may hold a bucket it is working on. @default 2 min */
  leaseMs?: number;
}

type Claimed = Pick<MediaBucket, 'bucket' | 'action' | 'attempts'>;

/**
 * Carries out what `media_bucket` rows ask of S3 — create (idempotent, with CORS) or delete — after
 * the transaction that wrote them has committed, like the mail outbox: claimed with a lease
 * (`FOR UPDATE SKIP LOCKED`) so replicas share the table, retried with exponential back-off while
 * S3 is down; the row's state and error are what the organization view shows.
 */
export function createBucketQueue(options: BucketQueueOptions) {
  const { dataSource } = options;
  const log = options.logger.child({ component: 'media-buckets' });
  const failAfter = options.failAfter ?? 5;
  const backoffMs = options.backoffMs ?? 5_000;
  const maxBackoffMs = options.maxBackoffMs ?? 600_000;
  const leaseMs = options.leaseMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;

  function claim(): Promise<Claimed[]> {
    return dataSource.query(
      `WITH ${RELAXED_COMMIT}, claimed AS (
         UPDATE media_bucket SET "leaseUntil" = now() + make_interval(secs => $1), attempts = attempts + 1
         WHERE bucket IN (
           SELECT bucket FROM media_bucket
           WHERE state IN ('pending', 'failed') AND "nextAttemptAt" <= now()
             AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
           ORDER BY "nextAttemptAt" LIMIT 10 FOR UPDATE SKIP LOCKED)
         RETURNING bucket, action, attempts)
       SELECT claimed.* FROM claimed, relaxed_commit`,
      [leaseMs / 1000],
    );
  }

  async function carryOut(row: Claimed): Promise<void> {
    const name = physicalBucketName(options.prefix, row.bucket);
    try {
      const { client } = options.storage.connection();
      if (row.action === 'create') await ensureBucket(client, name, options.allowedOrigins());
      else await deleteBucketCompletely(client, name);
      // Only the action claimed: a purge that asked for deletion meanwhile stays due. The time of a
      // deletion is what the purge's history shows as done. A relaxed commit: both actions are
      // idempotent, so a mark lost in a crash of PostgreSQL only has the bucket done once more.
      await dataSource.query(
        `WITH ${RELAXED_COMMIT}
         UPDATE media_bucket SET state = CASE WHEN action = 'delete' THEN 'deleted' ELSE 'ready' END,
           "deletedAt" = CASE WHEN action = 'delete' THEN $3::timestamptz END,
           error = NULL, attempts = 0, "leaseUntil" = NULL FROM relaxed_commit WHERE bucket = $1 AND action = $2`,
        [row.bucket, row.action, options.clock()],
      );
      log.info({ bucket: name, action: row.action }, 'media bucket done');
    } catch (error) {
      const message = (error as Error).message?.slice(0, 1000) || String(error);
      const wait = Math.min(maxBackoffMs, backoffMs * 2 ** (row.attempts - 1));
      await dataSource.query(
        `UPDATE media_bucket SET "leaseUntil" = NULL, error = $2,
           state = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END,
           "nextAttemptAt" = now() + make_interval(secs => $4)
         WHERE bucket = $1`,
        [row.bucket, message, failAfter, wait / 1000],
      );
      log.warn({ err: error, bucket: name, attempts: row.attempts }, 'media bucket not done yet; will retry');
    }
  }

  async function drain(): Promise<void> {
    while (!passes.stopped) {
      const due = await claim();
      await Promise.all(due.map(carryOut));
      if (due.length < 10) return;
    }
  }

  const passes = createPasses(drain, (error) => log.error({ err: error }, 'media bucket pass failed'));
  const kick = () => passes.kick();

  return {
    /**
     * After a commit: an approved purge's tenants (purging, then deleted) get their bucket deleted
     * — only then, since no other path commits those states — and new tenants' buckets are due.
     * Resolves once that is recorded, not when S3 has answered: the writer awaits this before it
     * answers the registration that asked for the bucket, and S3's round trips (seconds of retries
     * while it is down) are no part of that answer. The media API says 503 until the bucket is ready.
     */
    async afterCommit(tenantIds: readonly string[]): Promise<void> {
      await dataSource.query(
        `UPDATE media_bucket b SET action = 'delete', state = 'pending', attempts = 0, error = NULL, "nextAttemptAt" = now()
           FROM tenant t WHERE t."organizationId" = b."organizationId" AND t.id = ANY($1)
            AND t.state IN ('purging', 'deleted') AND b.action = 'create'`,
        [tenantIds],
      );
      void kick();
    },

    kick,

    /** Asks for `system-media`, then works through what is due and looks again every `pollMs`. */
    async start(): Promise<void> {
      if (timer || passes.stopped) return;
      await dataSource.query(
        `INSERT INTO media_bucket (bucket, "organizationId") VALUES ($1, NULL) ON CONFLICT DO NOTHING`,
        [SYSTEM_BUCKET],
      );
      void kick();
      timer = setInterval(() => void kick(), options.pollMs ?? 30_000);
      timer.unref();
    },

    /** Resolves when no pass is running (tests; shutdown). */
    idle: () => passes.idle(),

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await passes.stop();
    },
  };
}

export type BucketQueue = ReturnType<typeof createBucketQueue>;
