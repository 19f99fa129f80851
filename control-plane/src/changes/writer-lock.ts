import type { DataSource } from 'typeorm';

/** Key of the session advisory lock held by the one writer (changes.service.ts). */
export const WRITER_LOCK = 0x4c555354; // 'LUST'

/**
 * Runs `fn` holding the writer lock: the one GitOps writer across replicas, and across processes —
 * `luster fleet-layout` takes it too, so its commits never interleave with a control plane's round.
 */
export async function withWriterLock<T>(dataSource: DataSource, fn: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK]);
    try {
      return await fn();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
