import { randomInt } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Logger } from '../logger.js';

/**
 * First key of the session advisory locks that say a replica is up ('LUSP'); the second key is the
 * replica's own. PostgreSQL lets go of a session's locks when its connection ends, so a replica
 * killed, crashed or cut off loses its lock within moments, and `pg_locks` tells the others.
 */
export const REPLICA_LOCK = 0x4c555350;

/** A replica's key: positive, so that it reads back the same from `pg_locks.objid` (an oid). */
const newKey = () => randomInt(1, 2 ** 31 - 1);

export interface ReplicaPresence {
  /** This replica's key while its lock is held; `undefined` before start and after stop. */
  readonly key: number | undefined;
  /** Takes the lock (on a connection of its own, held until stop). */
  start(): Promise<void>;
  /** Takes the lock again if its connection was lost (a PostgreSQL restart), under the same key if free. */
  ensure(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The presence of this process among the replicas (changes/takeover.ts): a session advisory lock
 * under a random key, held for the life of the process. Commits this replica has made and not
 * pushed are recorded under the key; a key whose lock nobody holds is a replica gone.
 */
export function createReplicaPresence(
  dataSource: DataSource,
  log: Logger,
  pickKey: () => number = newKey,
): ReplicaPresence {
  let runner: QueryRunner | undefined;
  let key: number | undefined;
  let wanted: number | undefined;

  async function take(): Promise<void> {
    const held = dataSource.createQueryRunner();
    await held.connect();
    try {
      for (let candidate = wanted ?? pickKey(); ; candidate = pickKey()) {
        const [row] = await held.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [
          REPLICA_LOCK,
          candidate,
        ]);
        if (row?.locked) {
          runner = held;
          key = wanted = candidate;
          return;
        }
      }
    } catch (error) {
      await held.release();
      throw error;
    }
  }

  return {
    get key() {
      return key;
    },
    start: take,
    async ensure() {
      if (runner && !runner.isReleased) return;
      const lost = key;
      key = undefined;
      await take();
      if (lost !== key) log.warn({ lost, key }, 'replica presence taken again under a new key');
    },
    async stop() {
      const held = runner;
      runner = undefined;
      key = undefined;
      if (!held || held.isReleased) return;
      await held.query('SELECT pg_advisory_unlock($1, $2)', [REPLICA_LOCK, wanted]).catch(() => undefined);
      await held.release();
    },
  };
}
