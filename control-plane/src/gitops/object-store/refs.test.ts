import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBareRepo, type TempRepo } from '../test-support/bare-repo.js';
import { git } from '../test-support/changes.js';
import { compareAndSwapRef, readRef } from './refs.js';

let temp: TempRepo;
let head: string;

beforeEach(async () => {
  temp = await createBareRepo();
  head = (await git(temp.gitdir, 'rev-parse', 'main')).trim();
});
afterEach(() => temp.cleanup());

async function secondCommit(): Promise<string> {
  const tree = (await git(temp.gitdir, 'rev-parse', 'main^{tree}')).trim();
  return (
    await git(
      temp.gitdir,
      '-c',
      'user.name=x',
      '-c',
      'user.email=x@x',
      'commit-tree',
      tree,
      '-p',
      head,
      '-m',
      'two',
    )
  ).trim();
}

describe('ref compare-and-swap', () => {
  it('moves the ref only from the expected value, and git sees the move', async () => {
    const next = await secondCommit();
    expect(await compareAndSwapRef(temp.gitdir, 'refs/heads/main', next, head)).toBe(false);
    expect(await readRef(temp.gitdir, 'refs/heads/main')).toBe(head);
    expect(await compareAndSwapRef(temp.gitdir, 'refs/heads/main', head, next)).toBe(true);
    expect((await git(temp.gitdir, 'rev-parse', 'main')).trim()).toBe(next);
  });

  it('creates only what does not exist yet, and deletes', async () => {
    expect(await compareAndSwapRef(temp.gitdir, 'refs/heads/main', null, head)).toBe(false);
    expect(await compareAndSwapRef(temp.gitdir, 'refs/heads/review/a', null, head)).toBe(true);
    expect(await compareAndSwapRef(temp.gitdir, 'refs/heads/review/a', head, null)).toBe(true);
    expect(await readRef(temp.gitdir, 'refs/heads/review/a')).toBeNull();
  });

  it('reads and moves refs that git packed into packed-refs', async () => {
    await git(temp.gitdir, 'pack-refs', '--all', '--prune');
    expect(await readRef(temp.gitdir, 'refs/heads/main')).toBe(head);
    const next = await secondCommit();
    expect(await compareAndSwapRef(temp.gitdir, 'refs/heads/main', head, next)).toBe(true);
    expect((await git(temp.gitdir, 'rev-parse', 'main')).trim()).toBe(next);
  });

  it('waits for a lock another process holds, then fails with ref_locked', async () => {
    await writeFile(join(temp.gitdir, 'refs/heads/main.lock'), '');
    const next = await secondCommit();
    await expect(
      compareAndSwapRef(temp.gitdir, 'refs/heads/main', head, next, { lockTimeoutMs: 30 }),
    ).rejects.toMatchObject({ code: 'ref_locked' });
    expect(await readRef(temp.gitdir, 'refs/heads/main')).toBe(head);
  });

  it('removes a lock left over from a crash, and says so', async () => {
    const lock = join(temp.gitdir, 'refs/heads/main.lock');
    await writeFile(lock, '');
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(lock, old, old);
    const removed: string[] = [];
    const next = await secondCommit();
    expect(
      await compareAndSwapRef(temp.gitdir, 'refs/heads/main', head, next, {
        onStaleLock: (p) => removed.push(p),
      }),
    ).toBe(true);
    expect(removed).toEqual([lock]);
  });

  it('holds the lock against git update-ref while it writes', async () => {
    // git's own writer honours our lock file: it cannot move main while the lock exists.
    await writeFile(join(temp.gitdir, 'refs/heads/main.lock'), '');
    const next = await secondCommit();
    await expect(git(temp.gitdir, 'update-ref', 'refs/heads/main', next, head)).rejects.toThrow(/main.lock/);
  });
});
