import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { spawnControlPlane } from '../test-support/child-process.js';
import { createTestDatabase } from '../test-support/database.js';
import { startTestServer } from '../test-support/server.js';

describe('a bucket requested just before a kill -9', () => {
  it('is created by the next start from the request the registration committed', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'luster-bucket-crash-'));
    const db = await createTestDatabase('bucket');
    const env = {
      ...apiTestEnv,
      DATABASE_URL: db.url,
      LUSTER_DATA_DIR: dataDir,
      LUSTER_ADMIN_EMAIL: 'admin@example.test',
      LUSTER_ADMIN_PASSWORD: 'correct-horse-battery',
    };
    try {
      // A real process whose S3 does not answer: the registration commits, no bucket call succeeds.
      const child = await spawnControlPlane({
        ...env,
        S3_ENDPOINT: 'http://127.0.0.1:9',
        S3_ACCESS_KEY_ID: 'unreachable',
        S3_SECRET_ACCESS_KEY: 'unreachable-secret',
        S3_FORCE_PATH_STYLE: 'true',
      });
      const reg = await client(child).post('/registrations', {
        accountType: 'organization',
        projectType: 'website',
        organizationName: 'Crash Cafe',
        email: 'owner@crash-cafe.test',
        password: 'a-long-enough-password',
      });
      expect(reg.status).toBe(201);
      const organizationId = reg.body.organization.id;
      const probe = new pg.Client({ connectionString: db.url });
      await probe.connect();
      const row = async () =>
        (
          await probe.query(
            `SELECT state, error, "leaseUntil" FROM media_bucket WHERE "organizationId" = $1`,
            [organizationId],
          )
        ).rows[0];
      // Killed once its first attempt failed and let go of the row (a kill during an attempt leaves a
      // lease that a restart waits out: BucketQueueOptions.leaseMs).
      for (let waited = 0; !(await row())?.error; waited += 100) {
        expect(waited).toBeLessThan(60_000);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      child.process.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');
      expect(await row()).toMatchObject({ state: 'pending', leaseUntil: null });
      await probe.end();

      // The next start, with the embedded S3 this time, creates it from the stored request.
      const second = await startTestServer(env, { dataDir, databaseUrl: db.url });
      try {
        await second.services.buckets.idle();
        // The failed attempt set a back-off (5 s) that the restart honours: wait it out, then kick.
        const [{ ms }] = await second.services.dataSource.query(
          `SELECT GREATEST(0, EXTRACT(EPOCH FROM "nextAttemptAt" - now()) * 1000)::float AS ms
             FROM media_bucket WHERE "organizationId" = $1`,
          [organizationId],
        );
        await new Promise((resolve) => setTimeout(resolve, Math.ceil(ms) + 50));
        await second.services.buckets.kick();
        const [after] = await second.services.dataSource.query(
          `SELECT state, error FROM media_bucket WHERE "organizationId" = $1`,
          [organizationId],
        );
        expect(after).toEqual({ state: 'ready', error: null });
        const { client: s3 } = second.services.storage.connection();
        expect(await s3.send(new HeadBucketCommand({ Bucket: 'org-crash-cafe-media' }))).toBeTruthy();
      } finally {
        await second.stop();
      }
    } finally {
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
