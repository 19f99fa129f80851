import type { ErrorCode } from '@luster/contract';
import { DomainError, type ErrorCategory } from '../errors/index.js';

/**
 * Errors of the git writer. Each has a stable `code` (tests and callers match on it, never on the
 * prose), structured `data` and the category of refusal it is, so a git failure that reaches a
 * client answers 400/404/409/503 with its code — never a 500.
 */
export class GitopsError extends DomainError {
  declare readonly data: Record<string, unknown>;

  constructor(category: ErrorCategory, code: ErrorCode, message: string, data: Record<string, unknown> = {}) {
    super(code, message, data, category);
  }
}

/** Invalid input: a file path that would leave the tenant's folder, or is not a plain relative path. */
export class TenantPathError extends GitopsError {
  constructor(path: string, reason: string) {
    super('invalid_input', 'tenant_path_invalid', `Refusing path '${printable(path)}': ${reason}`, {
      path,
      reason,
    });
  }
}

/** Invalid input: the tenant folder itself is not `tenants/<cluster>/<shard>/<slug>`. */
export class TenantDirError extends GitopsError {
  constructor(tenantDir: string, reason: string) {
    super(
      'invalid_input',
      'tenant_dir_invalid',
      `Refusing tenant folder '${printable(tenantDir)}': ${reason}`,
      {
        tenantDir,
        reason,
      },
    );
  }
}

/** Invalid input: a commit message field is missing or malformed. */
export class CommitMessageError extends GitopsError {
  constructor(field: string, reason: string) {
    super('invalid_input', 'commit_message_invalid', `Commit message field '${field}' ${reason}`, {
      field,
      reason,
    });
  }
}

/** Invalid input: a branch name git would refuse or that could be mistaken for an option. */
export class BranchNameError extends GitopsError {
  constructor(name: string, reason: string) {
    super('invalid_input', 'branch_name_invalid', `Invalid branch name '${printable(name)}': ${reason}`, {
      name,
      reason,
    });
  }
}

/** Conflict: a file must become a folder (or the reverse) within the tenant's folder. */
export class PathConflictError extends GitopsError {
  constructor(path: string, reason: string) {
    super('conflict', 'path_conflict', `Path '${path}' ${reason}`, { path, reason });
  }
}

/** Conflict: the caller built its change on `expected`, but the branch has moved to `actual`. */
export class HeadMovedError extends GitopsError {
  constructor(branch: string, expected: string, actual: string | null) {
    super('conflict', 'head_moved', `Branch '${branch}' is at ${actual ?? '(none)'}, not ${expected}`, {
      branch,
      expected,
      actual,
    });
  }
}

/** Conflict: the ref kept moving under us (another writer without the in-process lock). */
export class ConcurrentUpdateError extends GitopsError {
  constructor(branch: string, attempts: number) {
    super(
      'conflict',
      'concurrent_update',
      `Branch '${branch}' kept moving; gave up after ${attempts} attempts`,
      {
        branch,
        attempts,
      },
    );
  }
}

/** Conflict: another process holds the ref's lock file for longer than we wait. */
export class RefLockedError extends GitopsError {
  constructor(ref: string, lockPath: string) {
    super('conflict', 'ref_locked', `Ref '${ref}' is locked by another process (${lockPath})`, {
      ref,
      lockPath,
    });
  }
}

/** Conflict: `createBranch` on a name that already exists. */
export class BranchExistsError extends GitopsError {
  constructor(branch: string, sha: string) {
    super('conflict', 'branch_exists', `Branch '${branch}' already exists at ${sha}`, { branch, sha });
  }
}

/** Forbidden: the default branch is never deleted through the writer. */
export class ProtectedBranchError extends GitopsError {
  constructor(branch: string) {
    super('forbidden', 'branch_protected', `Branch '${branch}' is the default branch and cannot be deleted`, {
      branch,
    });
  }
}

/** Not found. */
export class BranchNotFoundError extends GitopsError {
  constructor(branch: string) {
    super('not_found', 'branch_not_found', `Branch '${branch}' does not exist`, { branch });
  }
}

/** Not found: a sha or ref that does not name a commit in the repo. */
export class CommitNotFoundError extends GitopsError {
  constructor(ref: string) {
    super('not_found', 'commit_not_found', `No commit '${printable(ref)}' in the repository`, { ref });
  }
}

/** Unavailable: the remote could not be reached (connection refused, DNS, timeout, 5xx). */
export class RemoteUnavailableError extends GitopsError {
  constructor(remote: string, detail: string) {
    super('unavailable', 'remote_unavailable', `Git remote ${remote} is unavailable: ${detail}`, {
      remote,
      detail,
    });
  }
}

/** Unavailable (operator action needed): the remote refused our credentials. */
export class RemoteAuthError extends GitopsError {
  constructor(remote: string, detail: string) {
    super('unavailable', 'remote_auth_failed', `Git remote ${remote} refused our credentials: ${detail}`, {
      remote,
      detail,
    });
  }
}

/** Conflict: the remote kept rejecting the push after every re-apply attempt. */
export class RemoteRejectedError extends GitopsError {
  constructor(remote: string, branch: string, detail: string) {
    super('conflict', 'remote_rejected', `Git remote ${remote} rejected ${branch}: ${detail}`, {
      remote,
      branch,
      detail,
    });
  }
}

/**
 * The git CLI failed in a way none of the cases above explains (a full disk, a corrupt object):
 * the repository cannot take the request now; the details stay in the log.
 */
export class GitCommandError extends GitopsError {
  constructor(args: readonly string[], exitCode: number | null, stderr: string) {
    super(
      'unavailable',
      'git_command_failed',
      `git ${args[0] ?? ''} failed (exit ${exitCode}): ${stderr.trim()}`,
      {
        args: [...args],
        exitCode,
        stderr,
      },
    );
  }
}

/** Control characters in error messages would garble logs; show them escaped. */
function printable(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
