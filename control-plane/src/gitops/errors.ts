import type { ErrorCode } from '@luster/contract';
import { DomainError, type ErrorCategory } from '../errors/index.js';

/**
 * Errors of the git writer. Each has a stable `code` (tests and callers match on it, never on the
 * prose), structured `data` and the category of refusal it is, so a git failure that reaches a
 * client answers 400/404/409/503 with its code — never a 500. Each subclass takes its facts as
 * named fields and says its own code, category and message.
 */
export class GitopsError extends DomainError {
  declare readonly data: Record<string, unknown>;

  constructor({
    category,
    code,
    message,
    data = {},
  }: { category: ErrorCategory; code: ErrorCode; message: string; data?: Record<string, unknown> }) {
    super({ code, message, data, category });
  }
}

/** Invalid input: a file path that would leave the tenant's folder, or is not a plain relative path. */
export class TenantPathError extends GitopsError {
  constructor({ path, reason }: { path: string; reason: string }) {
    super({
      category: 'invalid_input',
      code: 'tenant_path_invalid',
      message: `Refusing path '${printable(path)}': ${reason}`,
      data: { path, reason },
    });
  }
}

/** Invalid input: the tenant folder itself is not `tenants/<cluster>/<shard>/<slug>`. */
export class TenantDirError extends GitopsError {
  constructor({ tenantDir, reason }: { tenantDir: string; reason: string }) {
    super({
      category: 'invalid_input',
      code: 'tenant_dir_invalid',
      message: `Refusing tenant folder '${printable(tenantDir)}': ${reason}`,
      data: { tenantDir, reason },
    });
  }
}

/** Invalid input: a platform commit's folder is not `clusters/<name>`, the one place it may write outside tenants. */
export class ClusterDirError extends GitopsError {
  constructor({ clusterDir, reason }: { clusterDir: string; reason: string }) {
    super({
      category: 'invalid_input',
      code: 'cluster_dir_invalid',
      message: `Refusing cluster folder '${printable(clusterDir)}': ${reason}`,
      data: { clusterDir, reason },
    });
  }
}

/** Invalid input: a commit message field is missing or malformed. */
export class CommitMessageError extends GitopsError {
  constructor({ field, reason }: { field: string; reason: string }) {
    super({
      category: 'invalid_input',
      code: 'commit_message_invalid',
      message: `Commit message field '${field}' ${reason}`,
      data: { field, reason },
    });
  }
}

/** Invalid input: a branch name git would refuse or that could be mistaken for an option. */
export class BranchNameError extends GitopsError {
  constructor({ name, reason }: { name: string; reason: string }) {
    super({
      category: 'invalid_input',
      code: 'branch_name_invalid',
      message: `Invalid branch name '${printable(name)}': ${reason}`,
      data: { name, reason },
    });
  }
}

/** Conflict: a file must become a folder (or the reverse) within the tenant's folder. */
export class PathConflictError extends GitopsError {
  constructor({ path, reason }: { path: string; reason: string }) {
    super({
      category: 'conflict',
      code: 'path_conflict',
      message: `Path '${path}' ${reason}`,
      data: { path, reason },
    });
  }
}

/** Conflict: the caller built its change on `expected`, but the branch has moved to `actual`. */
export class HeadMovedError extends GitopsError {
  constructor({ branch, expected, actual }: { branch: string; expected: string; actual: string | null }) {
    super({
      category: 'conflict',
      code: 'head_moved',
      message: `Branch '${branch}' is at ${actual ?? '(none)'}, not ${expected}`,
      data: { branch, expected, actual },
    });
  }
}

/** Conflict: the ref kept moving under us (another writer without the in-process lock). */
export class ConcurrentUpdateError extends GitopsError {
  constructor({ branch, attempts }: { branch: string; attempts: number }) {
    super({
      category: 'conflict',
      code: 'concurrent_update',
      message: `Branch '${branch}' kept moving; gave up after ${attempts} attempts`,
      data: { branch, attempts },
    });
  }
}

/** Conflict: another process holds the ref's lock file for longer than we wait. */
export class RefLockedError extends GitopsError {
  constructor({ ref, lockPath }: { ref: string; lockPath: string }) {
    super({
      category: 'conflict',
      code: 'ref_locked',
      message: `Ref '${ref}' is locked by another process (${lockPath})`,
      data: { ref, lockPath },
    });
  }
}

/** Conflict: `createBranch` on a name that already exists. */
export class BranchExistsError extends GitopsError {
  constructor({ branch, sha }: { branch: string; sha: string }) {
    super({
      category: 'conflict',
      code: 'branch_exists',
      message: `Branch '${branch}' already exists at ${sha}`,
      data: { branch, sha },
    });
  }
}

/** Forbidden: the default branch is never deleted through the writer. */
export class ProtectedBranchError extends GitopsError {
  constructor({ branch }: { branch: string }) {
    super({
      category: 'forbidden',
      code: 'branch_protected',
      message: `Branch '${branch}' is the default branch and cannot be deleted`,
      data: { branch },
    });
  }
}

/** Not found. */
export class BranchNotFoundError extends GitopsError {
  constructor({ branch }: { branch: string }) {
    super({
      category: 'not_found',
      code: 'branch_not_found',
      message: `Branch '${branch}' does not exist`,
      data: { branch },
    });
  }
}

/** Not found: a sha or ref that does not name a commit in the repo. */
export class CommitNotFoundError extends GitopsError {
  constructor({ ref }: { ref: string }) {
    super({
      category: 'not_found',
      code: 'commit_not_found',
      message: `No commit '${printable(ref)}' in the repository`,
      data: { ref },
    });
  }
}

/** Unavailable: the remote could not be reached (connection refused, DNS, timeout, 5xx). */
export class RemoteUnavailableError extends GitopsError {
  constructor({ remote, detail }: { remote: string; detail: string }) {
    super({
      category: 'unavailable',
      code: 'remote_unavailable',
      message: `Git remote ${remote} is unavailable: ${detail}`,
      data: { remote, detail },
    });
  }
}

/** Unavailable (operator action needed): the remote refused our credentials. */
export class RemoteAuthError extends GitopsError {
  constructor({ remote, detail }: { remote: string; detail: string }) {
    super({
      category: 'unavailable',
      code: 'remote_auth_failed',
      message: `Git remote ${remote} refused our credentials: ${detail}`,
      data: { remote, detail },
    });
  }
}

/** Conflict: the remote kept rejecting the push after every re-apply attempt. */
export class RemoteRejectedError extends GitopsError {
  constructor({ remote, branch, detail }: { remote: string; branch: string; detail: string }) {
    super({
      category: 'conflict',
      code: 'remote_rejected',
      message: `Git remote ${remote} rejected ${branch}: ${detail}`,
      data: { remote, branch, detail },
    });
  }
}

/**
 * The git CLI failed in a way none of the cases above explains (a full disk, a corrupt object):
 * the repository cannot take the request now; the details stay in the log.
 */
export class GitCommandError extends GitopsError {
  constructor({
    args,
    exitCode,
    stderr,
  }: { args: readonly string[]; exitCode: number | null; stderr: string }) {
    super({
      category: 'unavailable',
      code: 'git_command_failed',
      message: `git ${args[0] ?? ''} failed (exit ${exitCode}): ${stderr.trim()}`,
      data: { args: [...args], exitCode, stderr },
    });
  }
}

/** Control characters in error messages would garble logs; show them escaped. */
function printable(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
