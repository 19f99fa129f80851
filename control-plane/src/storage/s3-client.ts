import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** Everything needed to talk to the S3 in use, embedded or configured. */
export interface S3Connection {
  /** Calls the control plane makes itself (buckets, HEAD, listings). */
  client: S3Client;
  /** Signs the URLs browsers and themes use: the endpoint as they reach it. */
  presignClient: S3Client;
  endpoint: string;
  publicEndpoint: string;
  region: string;
  /** Buckets addressed as `<endpoint>/<bucket>` rather than `<bucket>.<endpoint host>`. */
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  embedded: boolean;
}

export type StorageConfig = Pick<
  Config,
  | 'S3_ENDPOINT'
  | 'S3_REGION'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_FORCE_PATH_STYLE'
  | 'S3_EMBEDDED_PORT'
  | 'HOST'
  | 'dataDir'
  | 'publicUrl'
>;

/**
 * One SDK client for whichever S3 is configured. s3rver (and some S3-compatible stores) store a
 * streamed upload corrupt when the SDK adds its default CRC checksums, so checksums are sent and
 * validated only where S3 requires them.
 */
export function createS3Client(input: {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}): S3Client {
  return new S3Client({
    endpoint: input.endpoint,
    region: input.region,
    forcePathStyle: input.forcePathStyle,
    credentials: { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A storage outage should answer 503 quickly rather than hold the request through long retries.
    maxAttempts: 2,
  });
}

/**
 * Connects to S3_ENDPOINT, or starts the embedded S3 when none is set. The embedded gateway is
 * called on loopback by the control plane and at PUBLIC_URL's host name by browsers, so presigned
 * URLs name an address the uploader can reach.
 */
export async function connectS3(
  config: StorageConfig,
  logger: Logger,
  clock?: () => Date,
): Promise<S3Connection & { stop(): Promise<void> }> {
  if (config.S3_ENDPOINT && config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY) {
    const settings = {
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    };
    const client = createS3Client(settings);
    return {
      ...settings,
      client,
      presignClient: client,
      publicEndpoint: settings.endpoint,
      embedded: false,
      stop: async () => client.destroy(),
    };
  }
  // Loaded only when used: s3rver and its Koa stack take seconds to import, for nothing with a real S3.
  const { startEmbeddedS3 } = await import('./embedded-s3.js');
  const embedded = await startEmbeddedS3({
    dir: path.join(config.dataDir, 's3'),
    host: config.HOST,
    port: config.S3_EMBEDDED_PORT,
    region: config.S3_REGION,
    logger,
    ...(clock ? { clock } : {}),
  });
  const local = ['0.0.0.0', '::', '*'].includes(config.HOST) ? '127.0.0.1' : config.HOST;
  const endpoint = `http://${local.includes(':') ? `[${local}]` : local}:${embedded.port}`;
  const publicEndpoint = `http://${new URL(config.publicUrl).hostname}:${embedded.port}`;
  const settings = {
    region: config.S3_REGION,
    accessKeyId: embedded.accessKeyId,
    secretAccessKey: embedded.secretAccessKey,
    forcePathStyle: true,
  };
  const client = createS3Client({ ...settings, endpoint });
  const presignClient = createS3Client({ ...settings, endpoint: publicEndpoint });
  return {
    ...settings,
    client,
    presignClient,
    endpoint,
    publicEndpoint,
    embedded: true,
    async stop() {
      client.destroy();
      presignClient.destroy();
      await embedded.stop();
    },
  };
}
