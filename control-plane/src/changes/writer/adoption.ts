import type { GitopsWriter } from '../../gitops/port.js';
import type { ChangeRequest } from '../changes.entities.js';

/*
 * Adoption after a crash: the writer committed a change, then died before the database recorded
 * it. The next round re-renders it, commits nothing (git already has it), and must record the
 * commit that is there instead of committing twice — the one whose `Change-Request:` trailer names
 * the change.
 */

export interface Adopted {
  sha: string;
  /** `null` for a root commit (never one of ours). */
  parent: string | null;
  /** What it touched, for the history index, as if it had just been committed. */
  touched: string[] | null;
}

/**
 * The commit on `head`'s first-parent chain whose `Change-Request:` trailer names the change,
 * looking back at most `depth` commits and never past commits older than the change (git time has
 * one-second resolution); `null` when there is none.
 */
export async function findAdoptable(
  writer: GitopsWriter,
  change: Pick<ChangeRequest, 'id' | 'createdAt'>,
  head: string,
  depth: number,
): Promise<Adopted | null> {
  let sha: string | undefined = head;
  for (let i = 0; sha && i < depth; i++) {
    const info = await writer.commitInfo(sha);
    if (info.trailers.some((t) => t.key === 'Change-Request' && t.value === change.id)) {
      const parent = info.parents[0] ?? null;
      return { sha, parent, touched: parent ? await writer.touchedPaths(parent, sha) : null };
    }
    if (info.committer.time.getTime() < change.createdAt.getTime() - 1000) return null;
    sha = info.parents[0];
  }
  return null;
}
