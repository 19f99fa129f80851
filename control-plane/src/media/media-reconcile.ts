import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';
import { physicalBucketName } from '../storage/buckets.js';
import type { Storage } from '../storage/storage.js';
import { MediaObject } from './media.entities.js';
import { isMediaKey } from './media-keys.js';

export interface MediaReconcileOptions {
  dataSource: DataSource;
  storage: Storage;
  logger: Logger;
  /** S3_BUCKET_PREFIX. */
  prefix: string;
}

/**
 * Repairs the recorded media from the buckets' listings: an upload whose completion call never
 * came gets its row (size and type from S3's HEAD, no uploader), and a row whose object is gone
 * from S3 is dropped. S3 is the truth for what exists; the rows only make listing fast.
 */
export function createMediaReconcile(options: MediaReconcileOptions) {
  const { dataSource } = options;
  const log = options.logger.child({ component: 'media-reconcile' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  async function reconcileOne(
    organizationId: string,
    name: string,
  ): Promise<{ added: number; dropped: number }> {
    const { client } = options.storage.connection();
    const bucket = physicalBucketName(options.prefix, name);
    const listed = new Map<string, number>();
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key && isMediaKey(o.Key)) listed.set(o.Key, o.Size ?? 0);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    const recorded = new Set<string>(
      (
        await dataSource.query(`SELECT key FROM media_object WHERE "organizationId" = $1`, [organizationId])
      ).map((r: { key: string }) => r.key),
    );
    const missing = [...listed.keys()].filter((key) => !recorded.has(key));
    for (const key of missing) {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      await dataSource.manager
        .createQueryBuilder()
        .insert()
        .into(MediaObject)
        .values({
          organizationId,
          key,
          size: head.ContentLength ?? listed.get(key) ?? 0,
          contentType: head.ContentType ?? 'application/octet-stream',
          uploadedBy: null,
          uploadedAt: head.LastModified ?? new Date(),
        })
        // A completion arriving meanwhile knows the uploader: it wins.
        .orIgnore()
        .execute();
    }
    const gone = [...recorded].filter((key) => !listed.has(key));
    if (gone.length > 0)
      await dataSource.query(`DELETE FROM media_object WHERE "organizationId" = $1 AND key = ANY($2)`, [
        organizationId,
        gone,
      ]);
    return { added: missing.length, dropped: gone.length };
  }

  async function pass(): Promise<void> {
    const buckets: { organizationId: string; bucket: string }[] = await dataSource.query(
      `SELECT "organizationId", bucket FROM media_bucket
        WHERE "organizationId" IS NOT NULL AND action = 'create' AND state = 'ready'`,
    );
    for (const row of buckets) {
      try {
        const result = await reconcileOne(row.organizationId, row.bucket);
        if (result.added || result.dropped)
          log.info({ bucket: row.bucket, ...result }, 'media rows repaired');
      } catch (error) {
        log.warn({ err: error, bucket: row.bucket }, 'media reconcile of a bucket failed; next pass retries');
      }
    }
  }

  return {
    /** One pass over every ready bucket (tests; the timer). */
    run(): Promise<void> {
      running ??= pass().finally(() => {
        running = null;
      });
      return running;
    },
    /** Every `intervalSeconds` (RECONCILE_INTERVAL_SECONDS); 0 turns it off. */
    start(intervalSeconds: number): void {
      if (intervalSeconds <= 0 || timer) return;
      timer = setInterval(() => void this.run(), intervalSeconds * 1000);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
