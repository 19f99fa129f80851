import { createHash } from 'node:crypto';
import {
  BucketAlreadyOwnedByYou,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  NoSuchBucket,
  PutBucketCorsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/** S3's longest bucket name. */
const MAX_BUCKET_NAME = 63;

/**
 * The bucket's name on S3: S3_BUCKET_PREFIX before the platform's own name (`org-<slug>-media`,
 * `system-media`). A long slug with a prefix would pass S3's 63 characters, so such a name keeps
 * its start and ends with a hash of the whole, which stays unique and stable.
 */
export function physicalBucketName(prefix: string, name: string): string {
  const full = `${prefix}${name}`;
  if (full.length <= MAX_BUCKET_NAME) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 10);
  return `${full.slice(0, MAX_BUCKET_NAME - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/**
 * Creates the bucket unless it exists (ours already: success, so a retried or repeated call is
 * harmless), then sets the CORS rules browsers need to upload with presigned URLs and read back.
 */
export async function ensureBucket(
  client: S3Client,
  bucket: string,
  allowedOrigins: readonly string[],
): Promise<void> {
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const code = (error as { Code?: string }).Code ?? (error as Error).name;
    if (code === 'BucketAlreadyExists') {
      // s3rver says so for its own buckets too; on S3 it means another account's, and HEAD fails.
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    } else if (!(error instanceof BucketAlreadyOwnedByYou) && code !== 'BucketAlreadyOwnedByYou') throw error;
  }
  await client.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [...allowedOrigins],
            AllowedMethods: ['GET', 'PUT', 'HEAD'],
            AllowedHeaders: ['*'],
            ExposeHeaders: ['ETag'],
            MaxAgeSeconds: 3600,
          },
        ],
      },
    }),
  );
}

/** Deletes every object version, delete marker and the bucket; a bucket already gone is success. */
export async function deleteBucketCompletely(client: S3Client, bucket: string): Promise<void> {
  try {
    await deleteVersions(client, bucket).catch((error) => {
      // Stores without versioning (s3rver) refuse to list versions; their objects go by key below.
      const code = (error as { Code?: string }).Code ?? (error as Error).name;
      if (code !== 'MethodNotAllowed' && code !== 'NotImplemented') throw error;
    });
    // What is current (all there is without versioning) goes by key.
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      const objects = (page.Contents ?? []).map((o) => ({ Key: o.Key as string }));
      if (objects.length > 0)
        await client.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
        );
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (error instanceof NoSuchBucket || (error as { Code?: string }).Code === 'NoSuchBucket') return;
    throw error;
  }
}

async function deleteVersions(client: S3Client, bucket: string): Promise<void> {
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  for (;;) {
    const page = await client.send(
      new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionMarker }),
    );
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key as string,
      ...(v.VersionId && v.VersionId !== 'null' ? { VersionId: v.VersionId } : {}),
    }));
    if (objects.length > 0)
      await client.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
      );
    if (!page.IsTruncated) break;
    keyMarker = page.NextKeyMarker;
    versionMarker = page.NextVersionIdMarker;
  }
}
