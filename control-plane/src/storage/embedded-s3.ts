import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
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
  const s3rver = await startS3rverThread(path.join(options.dir, 'data'), options.logger);
  let gateway: S3Gateway;
  try {
    gateway = await startS3Gateway({
      account: { ...credentials, region: options.region },
      upstream: { host: '127.0.0.1', port: s3rver.port },
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

/*
 * s3rver runs in a thread of its own. Each bucket a registration asks for costs it a Koa request
 * pipeline, XML and file-system work; on the API's event loop that held every request in flight
 * (a tenth of the loop's busy time at 10 registrations a second, measured with the CPU profiler).
 * The thread's code is plain JavaScript, so it runs the same from source and built.
 */
const S3RVER_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const S3rver = require(workerData.s3rver);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: workerData.directory,
  // Buckets by path only: a gateway host name must never be read as a bucket name.
  vhostBuckets: false,
});
server.run().then(
  (address) => parentPort.postMessage({ port: address.port }),
  (error) => parentPort.postMessage({ error: String(error && error.message || error) }),
);
parentPort.on('message', () => server.close().finally(() => parentPort.close()));
`;

async function startS3rverThread(
  directory: string,
  logger: Logger,
): Promise<{ port: number; close(): Promise<void> }> {
  const worker = new Worker(S3RVER_THREAD, {
    eval: true,
    workerData: { s3rver: createRequire(import.meta.url).resolve('s3rver'), directory },
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const started = await new Promise<{ port?: number; error?: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    void exited.then(() => reject(new Error('the embedded S3 thread exited while starting')));
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  if (started.error !== undefined || started.port === undefined) {
    await worker.terminate();
    throw new Error(`the embedded S3 did not start: ${started.error}`);
  }
  // Once running, a failure of the thread is S3 being down (the bucket queue retries), not ours.
  worker.on('error', (error) => logger.error({ err: error }, 'the embedded S3 thread failed'));
  return {
    port: started.port,
    async close() {
      worker.postMessage('close');
      await exited;
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
