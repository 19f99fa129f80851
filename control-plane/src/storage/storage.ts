import type { Logger } from '../logger.js';
import { connectS3, type S3Connection, type StorageConfig } from './s3-client.js';

export interface Storage {
  /** Connects to S3 (starting the embedded one when none is configured); a background task. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The connection; only after `start`. */
  connection(): S3Connection;
}

/**
 * The S3 connection as a background task: the embedded S3 learns its port only when started, and
 * is stopped after the work that uses it (services.background runs stops in reverse order).
 */
export function createStorage(input: { config: StorageConfig; logger: Logger; clock?: () => Date }): Storage {
  let connected: (S3Connection & { stop(): Promise<void> }) | undefined;
  return {
    async start() {
      connected ??= await connectS3(input.config, input.logger, input.clock);
    },
    async stop() {
      const current = connected;
      connected = undefined;
      await current?.stop();
    },
    connection() {
      if (!connected) throw new Error('storage used before it was started');
      return connected;
    },
  };
}
