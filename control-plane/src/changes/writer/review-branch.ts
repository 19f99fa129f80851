import { BranchExistsError } from '../../gitops/errors.js';
import type { GitopsWriter } from '../../gitops/port.js';
import type { Logger } from '../../logger.js';
import type { ChangeRequest, PullRequestRef } from '../changes.entities.js';
import type { GitHost } from '../git-host.js';

/*
 * A reviewed change is committed on its own branch (`changes/<id>-<slug>`), cut from main at
 * `baseSha`; with a git host, the branch is pushed and a pull request opened for it.
 */

/** Creates the review branch at `base`; one made before a crash is used as it is. */
export async function ensureReviewBranch(writer: GitopsWriter, branch: string, base: string): Promise<void> {
  try {
    await writer.createBranch(branch, base);
  } catch (error) {
    // Made before a crash: the change is written onto it again (and adopted when already there).
    if (!(error instanceof BranchExistsError)) throw error;
  }
}

export interface PullRequestContext {
  gitHost?: GitHost | undefined;
  pushBranch?: ((branch: string) => Promise<void>) | undefined;
  mainBranch: string;
  log: Logger;
}

/**
 * Opens the change's pull request (once: a change that has one keeps it). The title is the commit
 * subject, the body its trailers and what merging or closing does. `undefined` without a git host.
 */
export async function openPullRequest(
  ctx: PullRequestContext,
  change: Pick<ChangeRequest, 'id' | 'pullRequest'>,
  branch: string,
  message: string,
): Promise<PullRequestRef | undefined> {
  if (!ctx.gitHost || change.pullRequest) return undefined;
  await ctx.pushBranch?.(branch);
  const [subject = '', ...rest] = message.split('\n');
  const pr = await ctx.gitHost.openPullRequest({
    head: branch,
    base: ctx.mainBranch,
    title: subject,
    body: `${rest.join('\n').trim()}\n\nOpened by Luster for change request ${change.id}. Merging it applies the change; closing it rejects it.`,
  });
  ctx.log.info({ change: change.id, pr: pr.number }, 'pull request opened');
  return pr;
}
