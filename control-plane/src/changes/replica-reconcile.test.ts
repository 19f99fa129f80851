import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGit } from '../gitops/git-cli.js';
import { type HttpGitRemote, startPlatformRemote } from '../gitops/test-support/http-remote.js';
import { registerWebsite } from '../test-support/api-client.js';
import { createTestDatabase } from '../test-support/database.js';
import { startReplica } from '../test-support/replica.js';
import type { TestServer } from '../test-support/server.js';

const TOKEN = 'replica-reconcile-token';

/**
 * The reconcile pass on one replica of two (this process, one database, one remote over smart
 * HTTP): what the other replica committed is not history lost, nor its folders hand edits, though
 * this replica's local repository has not seen those commits yet.
 */
describe('the reconcile pass with two replicas', () => {
  let root: string;
  let remote: HttpGitRemote;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: pg.Client;
  const servers: TestServer[] = [];

  const start = async (name: string) => {
    const server = await startReplica({
      remoteUrl: remote.url,
      token: TOKEN,
      databaseUrl: db.url,
      dataDir: path.join(root, name),
    });
    servers.push(server);
    return server;
  };
  const changeRow = async (id: string) =>
    (await sql.query(`SELECT state, "commitSha", "committedAt" FROM change_request WHERE id = $1`, [id]))
      .rows[0];

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'luster-replica-reconcile-'));
    remote = await startPlatformRemote(root, TOKEN);
    db = await createTestDatabase('replica_reconcile');
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  }, 60_000);

  afterAll(async () => {
    await sql?.end();
    for (const server of servers) await server.stop();
    await remote?.stop();
    await db?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  let a: TestServer;
  let b: TestServer;

  it('neither queues again nor reports as drift what the other replica committed and pushed', async () => {
    a = await start('a');
    b = await start('b');
    const res = await registerWebsite(b, 'Pushed By B');
    expect(res.status).toBe(201);
    const id: string = res.body.change.id;
    const log = async () =>
      (
        await runGit(['log', '--format=%(trailers:key=Change-Request,valueonly)', 'main'], {
          gitdir: remote.gitdir,
        })
      ).stdout;
    const deadline = performance.now() + 60_000;
    while (!(await log()).includes(id) && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const before = await changeRow(id);

    await a.services.changes.reconcile();

    expect(await changeRow(id)).toEqual(before);
    expect((await sql.query('SELECT "tenantId" FROM tenant_drift')).rows).toEqual([]);
    // A's main is the remote's now: it holds B's commit.
    await runGit(['merge-base', '--is-ancestor', before.commitSha, 'main'], {
      gitdir: path.join(root, 'a', 'gitops.git'),
    });
  }, 120_000);

  it('leaves the other replica what it has not pushed, the remote down', async () => {
    await remote.stop();
    try {
      const res = await registerWebsite(b, 'Held By B');
      expect(res.status).toBe(201);
      const before = await changeRow(res.body.change.id);
      await a.services.changes.reconcile();
      expect(await changeRow(res.body.change.id)).toEqual(before);
      expect((await sql.query('SELECT "tenantId" FROM tenant_drift')).rows).toEqual([]);
    } finally {
      await remote.listen();
    }
  }, 120_000);
});
