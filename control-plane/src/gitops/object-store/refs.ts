import { promises as fsp } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RefLockedError } from '../errors.js';

/*
 * Branch refs, read and moved the way git itself does it, so that our writes and any git process
 * working on the same repo (`git http-backend` serving Flux, `git gc` packing refs, `git fetch`)
 * exclude each other: take `<ref>.lock` with O_EXCL, check the current value, write the new value
 * into the lock file and rename it over the ref. isomorphic-git's `writeRef` truncates and rewrites
 * the ref in place, which a concurrent reader can observe half-written, and it has no
 * compare-and-swap — which is what keeps history linear when two writers race.
 *
 * No fsync: after a power loss the last commit may be lost, and the outbox (the DB row that asked
 * for the change) re-renders it on restart, which is the recovery path the design relies on anyway.
 */

const SHA = /^[0-9a-f]{40}$/;

export interface RefLockOptions {
  /** How long to wait for another process's lock. @default 2000 */
  lockTimeoutMs?: number;
  /**
   * A lock file older than this is left over from a crash (locks are held for milliseconds) and is
   * removed; git never does this, but nothing else would ever clear it. @default 60000
   */
  staleLockMs?: number;
  onStaleLock?: (lockPath: string) => void;
}

/** The sha `ref` (`refs/heads/main`) points at, or `null` when it does not exist. */
export async function readRef(gitdir: string, ref: string): Promise<string | null> {
  const loose = await readLoose(join(gitdir, ref));
  if (loose !== undefined) return loose;
  return (await readPackedRefs(gitdir)).get(ref) ?? null;
}

async function readLoose(path: string): Promise<string | undefined> {
  try {
    const value = (await fsp.readFile(path, 'utf8')).trim();
    if (!SHA.test(value)) throw new Error(`Unexpected content in ref file ${path}: '${value.slice(0, 60)}'`);
    return value;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EISDIR: `refs/heads/a` is a folder because `a/b` exists; the ref may still be packed.
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

async function readPackedRefs(gitdir: string): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  let text: string;
  try {
    text = await fsp.readFile(join(gitdir, 'packed-refs'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return refs;
    throw error;
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.startsWith('^') || line.length < 42) continue;
    refs.set(line.slice(41).trim(), line.slice(0, 40));
  }
  return refs;
}

/**
 * Moves `ref` from `expected` to `next` atomically; returns `false` (and changes nothing) when the
 * ref no longer points at `expected`. `expected = null` means "must not exist yet" (creation),
 * `next = null` deletes the ref.
 */
export async function compareAndSwapRef(
  gitdir: string,
  ref: string,
  expected: string | null,
  next: string | null,
  options: RefLockOptions = {},
): Promise<boolean> {
  const refPath = join(gitdir, ref);
  const lockPath = `${refPath}.lock`;
  await fsp.mkdir(dirname(refPath), { recursive: true });
  const lock = await acquireLock(ref, lockPath, options);
  let renamed = false;
  try {
    if ((await readRef(gitdir, ref)) !== expected) return false;
    if (next === null) {
      await fsp.rm(refPath, { force: true });
      await removeFromPackedRefs(gitdir, ref, options);
      return true;
    }
    await lock.writeFile(`${next}\n`);
    await lock.close();
    await fsp.rename(lockPath, refPath);
    renamed = true;
    return true;
  } finally {
    if (!renamed) {
      await lock.close().catch(() => {});
      await fsp.rm(lockPath, { force: true });
    }
  }
}

async function acquireLock(ref: string, lockPath: string, options: RefLockOptions): Promise<fsp.FileHandle> {
  const timeout = options.lockTimeoutMs ?? 2000;
  const staleMs = options.staleLockMs ?? 60_000;
  const started = Date.now();
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    try {
      return await fsp.open(lockPath, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const age = await lockAge(lockPath);
    if (age !== null && age > staleMs) {
      options.onStaleLock?.(lockPath);
      await fsp.rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() - started > timeout) throw new RefLockedError({ ref, lockPath });
    await sleep(delay);
  }
}

async function lockAge(lockPath: string): Promise<number | null> {
  try {
    return Date.now() - (await fsp.stat(lockPath)).mtimeMs;
  } catch {
    return null;
  }
}

/** A deleted branch must also leave `packed-refs`, or it would come back from there. */
async function removeFromPackedRefs(gitdir: string, ref: string, options: RefLockOptions): Promise<void> {
  const packedPath = join(gitdir, 'packed-refs');
  if (!(await readPackedRefs(gitdir)).has(ref)) return;
  const lockPath = `${packedPath}.lock`;
  const lock = await acquireLock('packed-refs', lockPath, options);
  let renamed = false;
  try {
    const text = await fsp.readFile(packedPath, 'utf8');
    const kept: string[] = [];
    let skipPeeled = false;
    for (const line of text.split('\n')) {
      if (line.startsWith('^') && skipPeeled) continue;
      skipPeeled = !line.startsWith('#') && line.slice(41).trim() === ref;
      if (!skipPeeled) kept.push(line);
    }
    await lock.writeFile(kept.join('\n'));
    await lock.close();
    await fsp.rename(lockPath, packedPath);
    renamed = true;
  } finally {
    if (!renamed) {
      await lock.close().catch(() => {});
      await fsp.rm(lockPath, { force: true });
    }
  }
}
