import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGit } from '../gitops/git-cli.js';
import { HttpGitRemote } from '../gitops/test-support/http-remote.js';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { type ChildServer, spawnControlPlane } from '../test-support/child-process.js';
import { createTestDatabase } from '../test-support/database.js';

const TOKEN = 'replicas-remote-token';
const REGISTRATIONS = 100;
const IN_FLIGHT = 20;

/**
 * Two replicas as the chart runs them: separate processes with separate data directories (each
 * its own local repository), sharing only PostgreSQL and a git remote served over smart HTTP.
 * Every registration through either must land on the remote's main exactly once, on one linear
 * history, with no push given up; and when one replica dies mid-burst the other finishes its own.
 */
describe('two replicas on one PostgreSQL and one git remote', () => {
  let root: string;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let remote: HttpGitRemote;
  const replicas: { child: ChildServer; output: string[] }[] = [];

  const start = async (name: string) => {
    const child = await spawnControlPlane({
      ...apiTestEnv,
      DATABASE_URL: db.url,
      LUSTER_DATA_DIR: path.join(root, name),
      LUSTER_ADMIN_EMAIL: 'admin@example.test',
      LUSTER_ADMIN_PASSWORD: 'correct-horse-battery',
      GITOPS_REMOTE_URL: remote.url,
      GITOPS_REMOTE_TOKEN: TOKEN,
      RECONCILE_INTERVAL_SECONDS: '0',
      // Takes over within a second what the killed replica committed and never pushed.
      GITOPS_TAKEOVER_SECONDS: '1',
    });
    const output: string[] = [];
    // Logs are JSON lines at warn and above: every give-up or retry of a push shows there.
    for (const stream of [child.process.stdout, child.process.stderr])
      stream?.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
    replicas.push({ child, output });
    return child;
  };
  const gitRemote = async (...args: string[]) => (await runGit(args, { gitdir: remote.gitdir })).stdout;
  let busyRetries = 0;
  /** A registration, retried as a client does on 503 (a database too busy on a loaded machine). */
  const register = async (replica: ChildServer, tag: string, i: number) => {
    let retried = false;
    for (;;) {
      const res = await client(replica).post('/registrations', {
        accountType: 'organization',
        projectType: 'website',
        organizationName: `${tag} ${i}`,
        email: `owner-${tag.toLowerCase()}-${i}@replicas.test`,
        password: 'a-long-enough-password',
      });
      if (res.status !== 503) return { ...res, retried };
      retried = true;
      busyRetries++;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  /** The Change-Request trailers of base..main on the remote, oldest first. */
  const remoteChanges = async (base: string) =>
    (
      await gitRemote(
        'log',
        '--reverse',
        '--format=%(trailers:key=Change-Request,valueonly)',
        `${base}..main`,
      )
    )
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const waitForRemote = async (base: string, count: number, timeoutMs: number) => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const made = (await remoteChanges(base)).length;
      if (made >= count || performance.now() > deadline) return made;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const pushTrouble = () =>
    replicas.flatMap((r) => r.output).filter((line) => /push failed|remote unavailable/.test(line));

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'luster-replicas-'));
    await mkdir(path.join(root, 'remotes'));
    db = await createTestDatabase('replicas');
    remote = await HttpGitRemote.start({
      projectRoot: path.join(root, 'remotes'),
      repoName: 'gitops.git',
      token: TOKEN,
    });
    // The first replica seeds the empty remote with its first commit; the second starts from it,
    // as a scaled-out Deployment's later pods do.
    const first = await start('a');
    const seed = await register(first, 'Seed', 0);
    expect(seed.status).toBe(201);
    const deadline = performance.now() + 30_000;
    let head = '';
    while (head !== seed.body.change.commitSha && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      head = await gitRemote('rev-parse', '--verify', '-q', 'main').then(
        (out) => out.trim(),
        () => '',
      );
    }
    expect(head, replicas.flatMap((r) => r.output).join('\n')).toBe(seed.body.change.commitSha);
    await start('b');
  }, 400_000);

  afterAll(async () => {
    for (const { child } of replicas) {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
      await child.exited;
    }
    await remote?.stop();
    await db?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it(`commits ${REGISTRATIONS} registrations through both, ${IN_FLIGHT} in flight, once each on one linear main`, async () => {
    const base = (await gitRemote('rev-parse', 'main')).trim();
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let i = next++; i < REGISTRATIONS; i = next++) {
          const res = await register((replicas[i % 2] as (typeof replicas)[number]).child, 'Burst', i);
          // A 503 is only ever answered before the registration committed (registration.service.ts
          // committedChange), so its retry must register, never find the account taken.
          if (res.status === 201) acknowledged.push(res.body.change.id);
          else
            failures.push(
              `${i}: ${res.status}${res.retried ? ' after a 503' : ''} ${JSON.stringify(res.body)}`,
            );
        }
      }),
    );
    const answered = performance.now() - started;
    expect(failures).toEqual([]);
    expect(acknowledged).toHaveLength(REGISTRATIONS);

    expect(await waitForRemote(base, REGISTRATIONS, 120_000)).toBe(REGISTRATIONS);
    const pushed = performance.now() - started;
    const changes = await remoteChanges(base);
    expect(new Set(changes).size).toBe(REGISTRATIONS);
    expect([...changes].sort()).toEqual([...acknowledged].sort());
    expect((await gitRemote('rev-list', '--count', `${base}..main`)).trim()).toBe(String(REGISTRATIONS));
    expect((await gitRemote('rev-list', '--min-parents=2', 'main')).trim()).toBe('');
    await gitRemote('fsck', '--no-dangling');
    expect(pushTrouble()).toEqual([]);

    // The database names each change's commit as it is on the remote (replays re-point it).
    const pool = new pg.Client({ connectionString: db.url });
    await pool.connect();
    try {
      const rows: { id: string; commitSha: string }[] = (
        await pool.query(`SELECT id, "commitSha" FROM change_request WHERE id = ANY($1::uuid[])`, [
          acknowledged,
        ])
      ).rows;
      expect(rows).toHaveLength(REGISTRATIONS);
      const onMain = new Set((await gitRemote('rev-list', `${base}..main`)).trim().split('\n'));
      expect(rows.filter((r) => !onMain.has(r.commitSha))).toEqual([]);
    } finally {
      await pool.end();
    }
    process.stdout.write(
      `two replicas: ${REGISTRATIONS} registrations answered in ${Math.round(answered)} ms, on the remote after ${Math.round(pushed)} ms, ${busyRetries} retries after 503\n`,
    );
  }, 600_000);

  it('when one replica is killed mid-burst, the other lands all of its own registrations and every commit the dead one never pushed', async () => {
    const [victim, survivor] = replicas as [(typeof replicas)[number], (typeof replicas)[number]];
    const base = (await gitRemote('rev-parse', 'main')).trim();
    const survivorAcks: string[] = [];
    const survivorFailures: string[] = [];
    const requests = Array.from({ length: 40 }, async (_, i) => {
      if (i % 2 === 0) {
        await register(victim.child, 'Doomed', i).catch(() => null);
        return;
      }
      const res = await register(survivor.child, 'Survivor', i);
      if (res.status === 201) survivorAcks.push(res.body.change.id);
      else survivorFailures.push(`${res.status} ${JSON.stringify(res.body)}`);
    });
    while ((await remoteChanges(base)).length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    victim.child.process.kill('SIGKILL');
    expect(await victim.child.exited).toBe('SIGKILL');
    await Promise.all(requests);

    expect(survivorFailures).toEqual([]);
    expect(survivorAcks).toHaveLength(20);
    // Both replicas drain one queue: the victim may have committed some of the survivor's changes
    // (and of its own) in its local repository and died before pushing them. The survivor takes
    // them over: in the end nothing the database calls committed is missing from the remote.
    const pool = new pg.Client({ connectionString: db.url });
    await pool.connect();
    const missing = async () => {
      const landed = new Set(await remoteChanges(base));
      const rows: { id: string; state: string; unpushedBy: number | null }[] = (
        await pool.query(
          `SELECT c.id, c.state, c."unpushedBy" FROM change_request c JOIN "user" u ON u.id = c."requestedById"
           WHERE u.email LIKE 'owner-doomed-%' OR u.email LIKE 'owner-survivor-%'`,
        )
      ).rows;
      return [
        ...survivorAcks.filter((id) => !landed.has(id)).map((id) => `survivor's ${id} not on the remote`),
        ...rows
          .filter((r) => r.state !== 'committed' || !landed.has(r.id) || r.unpushedBy !== null)
          .map(
            (r) =>
              `${r.id} ${r.state}${landed.has(r.id) ? '' : ', not on the remote'}, unpushedBy ${r.unpushedBy}`,
          ),
      ];
    };
    try {
      const deadline = performance.now() + 120_000;
      let left = await missing();
      while (left.length > 0 && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        left = await missing();
      }
      expect(left, survivor.output.filter((line) => !line.includes('"msg":"request"')).join('\n')).toEqual(
        [],
      );
    } finally {
      await pool.end();
    }
    const landed = await remoteChanges(base);
    expect(new Set(landed).size).toBe(landed.length);
    expect((await gitRemote('rev-list', '--min-parents=2', 'main')).trim()).toBe('');
  }, 300_000);
});
