import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import S3rver from 's3rver';
import type { Logger } from '../logger.js';
import { type S3Gateway, startS3Gateway } from './s3-gateway.js';

export interface EmbeddedS3Options {
  /** Where objects and the generated credentials live (`<data dir>/s3`). */
  dir: string;
  /** The gateway's address and port (HOST, S3_EMBEDDED_PORT). */
  host: string;
  port: number;
  region: string;
  logger: Logger;
  clock?: () => Date;
}

export interface EmbeddedS3 {
  accessKeyId: string;
  secretAccessKey: string;
  /** The gateway's port, the only way in. */
  port: number;
  stop(): Promise<void>;
}

/**
 * The S3 of `npm start` with no S3_ENDPOINT: s3rver on a random loopback port, storing under the
 * data directory, reachable only through the verifying gateway — so the control plane, the admin
 * and the theme use it with the same SDK and presigned URLs as a real S3.
 */
export async function startEmbeddedS3(options: EmbeddedS3Options): Promise<EmbeddedS3> {
  const credentials = loadCredentials(options.dir);
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(options.dir, 'data'),
    // Buckets by path only: a gateway host name must never be read as a bucket name.
    vhostBuckets: false,
  });
  const upstream = (await s3rver.run()) as AddressInfo;
  let gateway: S3Gateway;
  try {
    gateway = await startS3Gateway({
      account: { ...credentials, region: options.region },
      upstream: { host: '127.0.0.1', port: upstream.port },
      host: options.host,
      port: options.port,
      logger: options.logger,
      ...(options.clock ? { clock: options.clock } : {}),
    });
  } catch (error) {
    await s3rver.close();
    throw error;
  }
  options.logger.info({ port: gateway.port }, 'embedded S3 listening');
  return {
    ...credentials,
    port: gateway.port,
    async stop() {
      await gateway.close();
      await s3rver.close();
    },
  };
}

/** Generated on first start and kept 0600, so presigned URLs and the theme's Secret survive restarts. */
function loadCredentials(dir: string): { accessKeyId: string; secretAccessKey: string } {
  const file = path.join(dir, 'credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const credentials = {
    accessKeyId: `LUSTER${randomBytes(10).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64url'),
  };
  writeFileSync(file, `${JSON.stringify(credentials)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return credentials;
}
