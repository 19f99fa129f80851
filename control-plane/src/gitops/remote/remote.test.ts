import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGit } from '../git-cli.js';
import { IsomorphicGitopsWriter } from '../history/isomorphic-writer.js';
import { GitRepository } from '../object-store/repository.js';
import type { GitopsLogger } from '../port.js';
import { cliIdentity, createBareRepo, type TempRepo } from '../test-support/bare-repo.js';
import { bot, change, git, jane } from '../test-support/changes.js';
import { HttpGitRemote } from '../test-support/http-remote.js';
import { GitRemote, type RemoteMovedEvent } from './remote.js';

const TOKEN = 's3cret-token';
let temp: TempRepo;
let remote: HttpGitRemote;
let writer: IsomorphicGitopsWriter;
let moved: RemoteMovedEvent[];

function pusher(extra: Partial<ConstructorParameters<typeof GitRemote>[0]> = {}) {
  return new GitRemote({
    writer,
    url: remote.url,
    credentials: { token: TOKEN },
    backoffMs: 5,
    maxBackoffMs: 20,
    onMoved: (event) => {
      moved.push(event);
    },
    ...extra,
  });
}

async function commit(slug: string, files: Record<string, string>) {
  const result = await writer.applyChange(change(slug, files));
  if (!result) throw new Error('expected a commit');
  return result.sha;
}

beforeEach(async () => {
  temp = await createBareRepo();
  await mkdir(join(temp.root, 'remotes'));
  remote = await HttpGitRemote.start({
    projectRoot: join(temp.root, 'remotes'),
    repoName: 'gitops.git',
    token: TOKEN,
    source: temp.gitdir,
  });
  writer = new IsomorphicGitopsWriter({ repo: new GitRepository({ gitdir: temp.gitdir }), committer: bot });
  moved = [];
});
afterEach(async () => {
  await remote.stop();
  await temp.cleanup();
});

describe('GitRemote', () => {
  it('pushes main over smart HTTP with the token in a header, never in a URL', async () => {
    const sha = await commit('acme', { 'a.yaml': 'a\n' });
    const result = await pusher().push('main');
    expect(result).toMatchObject({ branch: 'main', head: sha, updated: true, attempts: 1, rewritten: [] });
    expect((await git(remote.gitdir, 'rev-parse', 'main')).trim()).toBe(sha);
    expect(remote.requests.length).toBeGreaterThan(0);
    for (const request of remote.requests) {
      expect(request.url).not.toContain(TOKEN);
      expect(request.authorization).toBe(
        `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`,
      );
    }
    expect(await pusher().push('main')).toMatchObject({ head: sha, updated: false });
    await git(remote.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('creates the branch on an empty remote, and pushes review branches too', async () => {
    await remote.stop();
    remote = await HttpGitRemote.start({
      projectRoot: join(temp.root, 'remotes'),
      repoName: 'empty.git',
      token: TOKEN,
    });
    const sha = await commit('acme', { 'a.yaml': 'a\n' });
    await writer.createBranch('review/cr-1', sha);
    await pusher().push('main');
    await pusher().push('review/cr-1');
    expect((await git(remote.gitdir, 'rev-parse', 'main', 'review/cr-1')).trim().split('\n')).toEqual([
      sha,
      sha,
    ]);
  });

  it('fails with remote_auth_failed on a wrong token, without pushing anything', async () => {
    await commit('acme', { 'a.yaml': 'a\n' });
    const before = await git(remote.gitdir, 'rev-parse', 'main');
    await expect(pusher({ credentials: { token: 'wrong' } }).push()).rejects.toMatchObject({
      code: 'remote_auth_failed',
    });
    expect(await git(remote.gitdir, 'rev-parse', 'main')).toBe(before);
  });

  it('keeps catching up while other pushers keep winning, beyond its attempts', async () => {
    await commit('acme', { 'a.yaml': 'a\n' });
    await pusher().push();
    // Seven pushes in a row lose the race: each time, another pusher's commit lands on main
    // between our negotiation and our ref update (a burst of two replicas on a slow machine).
    const hook = join(remote.gitdir, 'hooks/pre-receive');
    const outside = 'env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES';
    await writeFile(
      hook,
      [
        '#!/bin/sh',
        'cat >/dev/null',
        'n=$(cat "$GIT_DIR/lost" 2>/dev/null || echo 0)',
        '[ "$n" -ge 7 ] && exit 0',
        'echo $((n + 1)) > "$GIT_DIR/lost"',
        `theirs=$(${outside} git -c user.name=Other -c user.email=o@example.com commit-tree "main^{tree}" -p main -m "platform: other pusher $n")`,
        `${outside} git update-ref refs/heads/main "$theirs"`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const ours = await commit('initech', { 'i.yaml': 'i\n' });

    const result = await pusher({ attempts: 2 }).push();

    expect(result.attempts).toBe(8);
    expect(result.rewritten.map((r) => r.from)[0]).toBe(ours);
    const subjects = (await git(remote.gitdir, 'log', '--format=%s', '-9', 'main')).trim().split('\n');
    expect(subjects[0]).toBe('tenant(initech): render tenant');
    expect(subjects.filter((s) => s.startsWith('platform: other pusher'))).toHaveLength(7);
    await git(remote.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('gives up an attempt on a host that accepts and then never answers, as remote_unavailable', async () => {
    await commit('acme', { 'a.yaml': 'a\n' });
    // Takes the connection and the request, and never says a word.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const push = pusher({
        url: `http://127.0.0.1:${port}/gitops.git`,
        attempts: 1,
        stallSeconds: 1,
      }).push();
      await expect(push).rejects.toMatchObject({ code: 'remote_unavailable' });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('refuses a remote URL with credentials in it', () => {
    expect(() => new GitRemote({ writer, url: `http://user:${TOKEN}@127.0.0.1/x.git` })).toThrow(
      expect.objectContaining({ code: 'remote_auth_failed' }),
    );
  });

  it('puts our change on top when another pusher moved the remote: linear, nothing lost', async () => {
    const first = await commit('acme', { 'a.yaml': 'a\n' });
    await pusher().push();

    // Another replica (a plain clone) pushes a change to another tenant in between.
    const other = join(temp.root, 'other');
    await runGit(['clone', '-q', remote.gitdir, other]);
    await mkdir(join(other, 'tenants/prod/gl/globex'), { recursive: true });
    await writeFile(join(other, 'tenants/prod/gl/globex/g.yaml'), 'g\n');
    await runGit(['add', '-A'], { cwd: other });
    await runGit(['commit', '-q', '-m', 'tenant(globex): render tenant'], { cwd: other, env: cliIdentity });
    await runGit(['push', '-q', 'origin', 'main'], { cwd: other });
    const theirs = (await runGit(['rev-parse', 'HEAD'], { cwd: other })).stdout.trim();

    const ours = await commit('initech', { 'i.yaml': 'i\n' });
    const result = await pusher().push();

    expect(result.rewritten).toHaveLength(1);
    expect(result.rewritten[0]?.from).toBe(ours);
    const replayed = result.rewritten[0]?.to as string;
    expect(result.head).toBe(replayed);
    expect(moved).toEqual([
      { branch: 'main', remoteHead: theirs, head: replayed, rewritten: result.rewritten },
    ]);

    const history = (await git(remote.gitdir, 'rev-list', '--first-parent', 'main')).trim().split('\n');
    expect(history.slice(0, 3)).toEqual([replayed, theirs, first]);
    expect(await git(remote.gitdir, 'rev-list', '--merges', 'main')).toBe('');
    expect(await git(remote.gitdir, 'show', 'main:tenants/prod/gl/globex/g.yaml')).toBe('g\n');
    expect(await git(remote.gitdir, 'show', 'main:tenants/prod/in/initech/i.yaml')).toBe('i\n');
    expect(await git(remote.gitdir, 'log', '-1', '--format=%an|%cn|%s', 'main')).toBe(
      `${jane.name}|${bot.name}|tenant(initech): render tenant\n`,
    );
    expect(await writer.head()).toBe(replayed);
    await git(remote.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('drops a commit of ours that another writer overtook, instead of undoing its later write', async () => {
    await commit('acme', { 'a.yaml': 'a\n' });
    await pusher().push();
    // Another replica took the writer lock after us and wrote acme from the database, our change
    // included, on a main without our commit (we had not pushed yet); it pushed first.
    const other = join(temp.root, 'other');
    await runGit(['clone', '-q', remote.gitdir, other]);
    await writeFile(join(other, 'tenants/prod/ac/acme/a.yaml'), 'later\n');
    await runGit(['commit', '-q', '-am', 'tenant(acme): render tenant'], { cwd: other, env: cliIdentity });
    await runGit(['push', '-q', 'origin', 'main'], { cwd: other });
    const theirs = (await runGit(['rev-parse', 'HEAD'], { cwd: other })).stdout.trim();

    const ours = await commit('acme', { 'a.yaml': 'earlier\n' });
    const asked: string[][] = [];
    const result = await pusher({
      overtaken: async (commits) => {
        asked.push(commits.map((c) => `${c.sha} ${c.message.split('\n')[0]}`));
        return new Set([ours]);
      },
    }).push();

    expect(asked).toEqual([[`${ours} tenant(acme): render tenant`]]);
    expect(result.rewritten).toEqual([{ from: ours, to: null }]);
    expect(result.head).toBe(theirs);
    expect(await git(remote.gitdir, 'show', 'main:tenants/prod/ac/acme/a.yaml')).toBe('later\n');
    expect(await writer.head()).toBe(theirs);
  });

  it('treats a ref another pusher moved during our push ("cannot lock ref") as a moved remote', async () => {
    const first = await commit('acme', { 'a.yaml': 'a\n' });
    await pusher().push();
    // The other replica's commit is on the remote already; a hook moves main to it after our
    // pack arrived and before our ref update, as a second replica's push landing at that moment.
    const other = join(temp.root, 'other');
    await runGit(['clone', '-q', remote.gitdir, other]);
    await mkdir(join(other, 'tenants/prod/gl/globex'), { recursive: true });
    await writeFile(join(other, 'tenants/prod/gl/globex/g.yaml'), 'g\n');
    await runGit(['add', '-A'], { cwd: other });
    await runGit(['commit', '-q', '-m', 'tenant(globex): render tenant'], { cwd: other, env: cliIdentity });
    await runGit(['push', '-q', 'origin', 'main:refs/heads/racing'], { cwd: other });
    const theirs = (await runGit(['rev-parse', 'HEAD'], { cwd: other })).stdout.trim();
    const hook = join(remote.gitdir, 'hooks/pre-receive');
    await writeFile(
      hook,
      `#!/bin/sh\ncat >/dev/null\nif [ ! -f "$GIT_DIR/raced" ]; then touch "$GIT_DIR/raced"; env -u GIT_QUARANTINE_PATH git update-ref refs/heads/main ${theirs}; fi\n`,
      { mode: 0o755 },
    );

    const ours = await commit('initech', { 'i.yaml': 'i\n' });
    const result = await pusher().push();

    expect(result.attempts).toBe(2);
    expect(result.rewritten.map((r) => r.from)).toEqual([ours]);
    const history = (await git(remote.gitdir, 'rev-list', '--first-parent', 'main')).trim().split('\n');
    expect(history.slice(0, 3)).toEqual([result.head, theirs, first]);
    expect(await git(remote.gitdir, 'rev-list', '--merges', 'main')).toBe('');
  }, 90_000);

  it('follows the remote when it already has our commits (another replica pushed them)', async () => {
    await commit('acme', { 'a.yaml': 'a\n' });
    await pusher().push();
    const behind = (await writer.head()) as string;
    const ahead = await commit('acme', { 'a.yaml': 'b\n' });
    await git(temp.gitdir, 'push', '-q', remote.gitdir, 'main');
    // Rewind our branch as if this replica had not seen its own last commit.
    await writer.repo.moveRef('refs/heads/main', ahead, behind);
    const result = await pusher().push();
    expect(result).toMatchObject({ head: ahead, rewritten: [] });
    expect(await writer.head()).toBe(ahead);
  });

  it('keeps commits while the remote is down and pushes them all when it is back', async () => {
    await commit('acme', { 'a.yaml': 'a\n' });
    await pusher().push();
    await remote.stop();
    await commit('acme', { 'a.yaml': 'b\n' });
    const last = await commit('globex', { 'g.yaml': 'g\n' });

    await expect(pusher({ attempts: 2 }).push()).rejects.toMatchObject({ code: 'remote_unavailable' });
    expect(await writer.head()).toBe(last);

    await remote.listen();
    const result = await pusher().push();
    expect(result.head).toBe(last);
    expect((await git(remote.gitdir, 'rev-parse', 'main')).trim()).toBe(last);
    expect((await git(remote.gitdir, 'rev-list', '--count', 'main')).trim()).toBe('4');
  });

  it('retries in the background until the remote is back (requestPush)', async () => {
    await remote.stop();
    const sha = await commit('acme', { 'a.yaml': 'a\n' });
    let sawFailure: () => void = () => {};
    const failed = new Promise<void>((resolve) => {
      sawFailure = resolve;
    });
    const logger: GitopsLogger = {
      debug: () => {},
      info: () => {},
      warn: (_obj, msg) => {
        if (msg?.startsWith('push failed')) sawFailure();
      },
      error: () => {},
      child: () => logger,
    };
    const background = pusher({ attempts: 1, logger });
    background.requestPush();
    background.requestPush(); // coalesced with the first
    await failed;
    await remote.listen();
    await background.idle();
    expect((await git(remote.gitdir, 'rev-parse', 'main')).trim()).toBe(sha);
    await background.close();
  });
});
