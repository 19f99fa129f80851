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
import { REPLICA_LOCK } from './replica-presence.js';

const TOKEN = 'takeover-remote-token';

/**
 * Two replicas in this process on one database and one remote served over smart HTTP: B commits a
 * registration while the remote is down, so its commit is in B's local repository alone. While B
 * is up, A leaves it to B; once B is gone — stopped with its data directory deleted, as a pod
 * whose volume is lost — A's next round writes the change again and pushes it.
 */
describe('taking over what a gone replica committed and never pushed', () => {
  let root: string;
  let remote: HttpGitRemote;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: pg.Client;
  let a: TestServer;
  let b: TestServer | undefined;
  let c: TestServer | undefined;

  const start = (name: string) =>
    startReplica({
      remoteUrl: remote.url,
      token: TOKEN,
      databaseUrl: db.url,
      dataDir: path.join(root, name),
    });
  const change = async (id: string) =>
    (await sql.query(`SELECT state, "commitSha", "unpushedBy" FROM change_request WHERE id = $1`, [id]))
      .rows[0] as { state: string; commitSha: string; unpushedBy: number | null };
  const onRemote = async (changeId: string) =>
    (
      await runGit(['log', '--format=%(trailers:key=Change-Request,valueonly)', 'main'], {
        gitdir: remote.gitdir,
      })
    ).stdout
      .split('\n')
      .filter((line) => line.trim() === changeId).length;
  /** luster_gitops_unpushed_changes and …_oldest_seconds as `server`'s /metrics would show them. */
  const unpushedGauge = async (server: TestServer) => {
    const { registry } = server.services.metrics;
    const count = await registry.getSingleMetricAsString('luster_gitops_unpushed_changes');
    const value = (replica: string) => Number(new RegExp(`replica="${replica}"} (\\d+)`).exec(count)?.[1]);
    const oldest = await registry.getSingleMetricAsString('luster_gitops_unpushed_oldest_seconds');
    return {
      this: value('this'),
      others: value('others'),
      oldest: Number(/^luster_gitops_unpushed_oldest_seconds (\S+)$/m.exec(oldest)?.[1]),
    };
  };
  const until = async (what: () => Promise<boolean>) => {
    const deadline = performance.now() + 60_000;
    while (!(await what()) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'luster-takeover-'));
    remote = await startPlatformRemote(root, TOKEN);
    db = await createTestDatabase('takeover');
    a = await start('a');
    b = await start('b');
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await c?.stop();
    await b?.stop();
    await a?.stop();
    await remote?.stop();
    await db?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('records a commit under its replica until a push carries it', async () => {
    const res = await registerWebsite(a, 'Pushed Soon');
    expect(res.status).toBe(201);
    const id: string = res.body.change.id;
    await until(async () => (await change(id)).unpushedBy === null);
    expect(await change(id)).toMatchObject({ state: 'committed', unpushedBy: null });
    expect(await onRemote(id)).toBe(1);
  }, 90_000);

  it('leaves a live replica its unpushed commit, and writes it again once that replica is gone', async () => {
    const gone = b as TestServer;
    await remote.stop();
    const res = await registerWebsite(gone, 'Left Behind');
    expect(res.status).toBe(201);
    const id: string = res.body.change.id;
    const left = await change(id);
    expect(left.state).toBe('committed');
    expect(left.commitSha).toBe(res.body.change.commitSha);
    // Recorded under B's presence: a lock B's own session holds.
    const holders = await sql.query(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::oid AND objid = $2::oid AND objsubid = 2 AND granted`,
      [REPLICA_LOCK, left.unpushedBy],
    );
    expect(holders.rows).toHaveLength(1);

    // What /metrics tells each: B holds one change alone; for A it is another replica's.
    expect(await unpushedGauge(gone)).toMatchObject({ this: 1, others: 0 });
    expect(await unpushedGauge(a)).toMatchObject({ this: 0, others: 1 });
    expect((await unpushedGauge(a)).oldest).toBeGreaterThan(0);

    // B is up: A's round leaves its commit alone.
    await a.services.changes.drain();
    expect(await change(id)).toEqual(left);

    // B is gone with its repository; the remote is back. A's next round takes the change over.
    await gone.close();
    b = undefined;
    await rm(path.join(root, 'b'), { recursive: true, force: true });
    await remote.listen();
    await a.services.changes.drain();
    await until(async () => (await onRemote(id)) > 0 && (await change(id)).unpushedBy === null);
    const taken = await change(id);
    expect(taken).toMatchObject({ state: 'committed', unpushedBy: null });
    expect(taken.commitSha).not.toBe(left.commitSha);
    expect(await onRemote(id)).toBe(1);
    expect(await unpushedGauge(a)).toEqual({ this: 0, others: 0, oldest: 0 });
    const tree = await runGit(['ls-tree', '-r', '--name-only', 'main'], { gitdir: remote.gitdir });
    expect(tree.stdout).toMatch(/\/left-behind\//);
    // The commit the database names is the one on the remote's main.
    await runGit(['merge-base', '--is-ancestor', taken.commitSha, 'main'], { gitdir: remote.gitdir });
  }, 120_000);

  it('adopts the commit of a change taken over that the gone replica did push', async () => {
    const gone = await start('c');
    c = gone;
    const res = await registerWebsite(gone, 'Pushed Then Gone');
    expect(res.status).toBe(201);
    const id: string = res.body.change.id;
    await until(async () => (await onRemote(id)) > 0 && (await change(id)).unpushedBy === null);
    const pushed = await change(id);
    const [{ key }] = (
      await sql.query(
        // C's presence: the newest session holding a presence lock (C started after A).
        `SELECT objid::int AS key FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid
         WHERE l.locktype = 'advisory' AND l.classid = $1::oid AND l.objsubid = 2
         ORDER BY s.backend_start DESC LIMIT 1`,
        [REPLICA_LOCK],
      )
    ).rows;
    // A catches up with the remote (its own registration's push fetches C's commit).
    const mine = await registerWebsite(a, 'Caught Up');
    expect(mine.status).toBe(201);
    await until(async () => (await onRemote(mine.body.change.id)) > 0);
    // C dies after its push and before it wrote that down: the window this case is about.
    await gone.close();
    c = undefined;
    await sql.query(`UPDATE change_request SET "unpushedBy" = $2 WHERE id = $1`, [id, key]);

    await a.services.changes.drain();
    await until(async () => (await change(id)).unpushedBy === null);
    expect(await change(id)).toEqual({ ...pushed, unpushedBy: null });
    expect(await onRemote(id)).toBe(1);
  }, 120_000);
});
