import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import type { Pipeline } from '../events/pipeline.js';
import type { Logger } from '../logger.js';
import { createBucketQueue } from '../media/bucket-queue.js';
import { createMediaService } from '../media/media.service.js';
import { createMediaReconcile } from '../media/media-reconcile.js';
import { createStorage } from '../storage/storage.js';

/**
 * Media's part of the composition: S3 (embedded when none is configured), the bucket queue that
 * follows tenants through the pipeline, the media API's service and the reconcile from listings.
 */
export function createMediaServices({
  config,
  logger,
  dataSource,
  clock,
  pipeline,
}: {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  clock: () => Date;
  pipeline: Pipeline;
}) {
  // S3 (embedded when none is configured); the gateway verifies signatures against the real clock,
  // as the SDK signs with it.
  const storage = createStorage({ config, logger });
  // Buckets follow tenants: requested with the organization, deleted after an approved purge's commit.
  const buckets = createBucketQueue({
    dataSource,
    storage,
    logger,
    prefix: config.S3_BUCKET_PREFIX ?? '',
    clock,
    // Read when a bucket is created: the public URL is final only once the server listens.
    allowedOrigins: () => [new URL(config.publicUrl).origin],
  });
  pipeline.on('tenants.committed', ({ tenantIds }) => buckets.afterCommit(tenantIds));
  const media = createMediaService({
    dataSource,
    storage,
    prefix: config.S3_BUCKET_PREFIX ?? '',
    maxUploadBytes: config.MEDIA_MAX_UPLOAD_BYTES,
    publicBaseUrl: config.MEDIA_PUBLIC_BASE_URL,
    clock,
  });
  const mediaReconcile = createMediaReconcile({
    dataSource,
    storage,
    logger,
    prefix: config.S3_BUCKET_PREFIX ?? '',
  });
  return { storage, buckets, media, mediaReconcile };
}
