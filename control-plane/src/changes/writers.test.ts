import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { type ChildServer, spawnControlPlane } from '../test-support/child-process.js';
import { createTestDatabase } from '../test-support/database.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const TENANTS = 20;
const CHANGES_PER_TENANT = 5;

/**
 * Two real control-plane processes (tsx, src/main.ts) on one PostgreSQL database and one GitOps
 * repository: the advisory lock and the ref compare-and-swap must give one linear history with
 * exactly one commit per change; a writer killed with SIGKILL in the middle loses nothing.
 */
describe('two writer processes on one database and one repository', () => {
  let dataDir: string;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let token: string;
  const orgIds: string[] = [];
  const children: ChildServer[] = [];
  let repo: { dataDir: string };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'luster-writers-'));
    db = await createTestDatabase('writers');
    repo = { dataDir };
    env = {
      ...apiTestEnv,
      DATABASE_URL: db.url,
      LUSTER_DATA_DIR: dataDir,
      LUSTER_ADMIN_EMAIL: 'admin@example.test',
      LUSTER_ADMIN_PASSWORD: 'correct-horse-battery',
      RECONCILE_INTERVAL_SECONDS: '0',
    };
    // Set up the tenants with an in-process server, then hand the data over to the processes.
    const setup = await startTestServer(env, { dataDir, databaseUrl: db.url });
    token = await adminToken(setup);
    const api = client(setup, token);
    const me = await api.get('/me');
    for (let i = 0; i < TENANTS; i++) {
      const res = await api.post('/organizations', {
        organizationName: `Writer ${i}`,
        projectType: 'website',
        parentId: me.body.memberships[0].organizationId,
      });
      expect(res.status).toBe(201);
      orgIds.push(res.body.organization.id);
    }
    await setup.stop();
    children.push(await spawnControlPlane(env), await spawnControlPlane(env));
  }, 120_000);

  afterAll(async () => {
    for (const child of children) {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
      await child.exited;
    }
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const gitIn = (...args: string[]) => git(repo as TestServer, ...args);
  const trailersSince = async (base: string) =>
    (await gitIn('log', '--format=%(trailers:key=Change-Request,valueonly)', `${base}..main`))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);

  it('commits 2 × 50 changes as 100 commits on one linear history', async () => {
    const base = (await gitIn('rev-parse', 'main')).trim();
    const acknowledged: string[] = [];
    await Promise.all(
      orgIds.map(async (id, i) => {
        const api = client(children[i < TENANTS / 2 ? 0 : 1] as ChildServer, token);
        for (let k = 0; k < CHANGES_PER_TENANT; k++) {
          const res = await api.patch(`/organizations/${id}`, { displayName: `Writer ${i} v${k}` });
          expect(res.status).toBe(200);
          expect(res.body.change.state).toBe('committed');
          acknowledged.push(res.body.change.id);
        }
      }),
    );
    expect(acknowledged).toHaveLength(100);
    expect((await gitIn('rev-list', '--count', `${base}..main`)).trim()).toBe('100');
    expect((await gitIn('rev-list', '--min-parents=2', `${base}..main`)).trim()).toBe('');
    const trailers = await trailersSince(base);
    expect(new Set(trailers).size).toBe(100);
    expect([...trailers].sort()).toEqual([...acknowledged].sort());
    await gitIn('fsck', '--no-dangling');
  }, 120_000);

  it('loses nothing when a writer is killed with SIGKILL mid-change; the restarted one repairs it', async () => {
    const victim = children[0] as ChildServer;
    const base = (await gitIn('rev-parse', 'main')).trim();
    const api = client(victim, token);
    const acknowledged: string[] = [];
    const requests = orgIds.map(async (id, i) => {
      const res = await api.patch(`/organizations/${id}`, { displayName: `Killed ${i}` }).catch(() => null);
      if (res?.status === 200) acknowledged.push(res.body.change.id);
    });
    // Kill as soon as the writer is in the middle of the burst: some commits made, others not.
    for (;;) {
      const made = Number((await gitIn('rev-list', '--count', `${base}..main`)).trim());
      if (made >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    victim.process.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    await Promise.all(requests);

    // Restart (in process, on the same data) and let it repair: start-up drains the outbox.
    const restarted = await startTestServer(env, { dataDir, databaseUrl: db.url });
    try {
      await restarted.services.changes.drain();
      const { dataSource } = restarted.services;
      const recorded: { id: string; state: string; commitSha: string | null }[] = await dataSource.query(
        `SELECT id, state, "commitSha" FROM change_request WHERE summary LIKE 'rename %Killed%'`,
      );
      expect(recorded.filter((c) => c.state !== 'committed')).toEqual([]);
      // Everything the killed process acknowledged was recorded, and all that was recorded is in git once.
      expect(recorded.map((c) => c.id)).toEqual(expect.arrayContaining(acknowledged));
      const trailers = await trailersSince(base);
      expect(new Set(trailers).size).toBe(trailers.length);
      expect([...trailers].sort()).toEqual(recorded.map((c) => c.id).sort());
      for (const c of recorded) {
        expect(c.commitSha).not.toBeNull();
        await gitIn('merge-base', '--is-ancestor', c.commitSha as string, 'main');
      }
      const indexed = await dataSource.query(
        `SELECT count(*)::int AS n FROM tenant_commit t JOIN change_request c ON c.id = t."changeRequestId" WHERE c.summary LIKE 'rename %Killed%'`,
      );
      expect(indexed).toEqual([{ n: recorded.length }]);
      expect((await gitIn('rev-list', '--min-parents=2', 'main')).trim()).toBe('');
      // DB and repo agree byte for byte: the reconcile pass finds no tenant drifted.
      await restarted.services.changes.reconcile();
      expect(await dataSource.query('SELECT "tenantId" FROM tenant_drift')).toEqual([]);
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});
