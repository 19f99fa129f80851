import type { CommitMessage, Trailer } from './commit-message.js';

/**
 * The git writer as the rest of the control plane sees it (STYLE §8, after kratix's
 * `StateStoreWriter`): write these files, delete those, commit with this message, get the sha back
 * — or `null` when nothing changed, because git is the audit log and an empty commit would record a
 * change that never happened. Readers cover what review, drift and sync status need.
 */
export interface GitopsWriter {
  /** Commits one tenant's change; `null` when the tree would not change (never an empty commit). */
  applyChange(change: TenantChange): Promise<AppliedChange | null>;
  /** Removes a tenant's whole folder; the caller's mass-deletion guard counts with `removedTenantFolders`. */
  deleteTenantFolder(change: Omit<TenantChange, 'writes' | 'deletes'>): Promise<AppliedChange | null>;
  /** The sha `branch` points at, or `null` when the branch does not exist. */
  head(branch?: string): Promise<string | null>;
  /** A file's text at `ref` (branch name or sha), or `null` when there is no such file. */
  readFile(ref: string, path: string): Promise<string | null>;
  /** Every file under `dir` at `ref`, recursively, sorted by path; `[]` when `dir` does not exist. */
  listFiles(ref: string, dir: string): Promise<ListedFile[]>;
  /** Per-file unified diffs from `fromRef` to `toRef`, optionally only under `dir`. */
  diff(fromRef: string, toRef: string, dir?: string): Promise<FileDiff[]>;
  /** Tenant folders (`tenants/<cluster>/<shard>/<slug>`) present at `fromRef` and gone at `toRef`. */
  removedTenantFolders(fromRef: string, toRef: string): Promise<string[]>;
  /** Creates `name` at `fromSha`; fails with `branch_exists` rather than moving an existing branch. */
  createBranch(name: string, fromSha: string): Promise<void>;
  /** Deletes a (review) branch; refuses the default branch. With `expectedSha`, only if still there. */
  deleteBranch(name: string, expectedSha?: string): Promise<void>;
  /** Whether `ancestorSha` is `descendantSha` or one of its ancestors (sync status: "contains"). */
  isAncestor(ancestorSha: string, descendantSha: string): Promise<boolean>;
  /** Author, committer, subject, body, parsed trailers of one commit. */
  commitInfo(sha: string): Promise<CommitInfo>;
}

export interface Identity {
  name: string;
  email: string;
}

export interface FileWrite {
  /** Relative to the tenant folder, e.g. `deployment.yaml` or `db/cluster.yaml`. */
  path: string;
  content: string | Uint8Array;
}

export interface TenantChange {
  /** @default 'main' */
  branch?: string;
  /** `tenants/<cluster>/<shard>/<slug>` — from `@luster/synth`'s `tenantDir(cluster, slug)`. */
  tenantDir: string;
  /** Files to create or replace, relative to `tenantDir`. @default [] */
  writes?: readonly FileWrite[];
  /**
   * Paths (relative to `tenantDir`) to remove; missing ones are ignored. `'all'` empties the folder
   * first, so `writes` then *replaces* its content — what a full re-render wants. @default []
   */
  deletes?: readonly string[] | 'all';
  message: CommitMessage;
  /** The acting user; becomes the commit author. The committer is always the bot identity. */
  author: Identity;
  /**
   * When set, commit only if `branch` still points here; otherwise fail with `head_moved` instead
   * of rebuilding on the new head (for callers whose change depends on what they read).
   */
  expectedHead?: string;
}

export interface AppliedChange {
  sha: string;
  parent: string;
  /** Repo-relative paths whose content changed (added, modified or deleted), sorted: the audit index. */
  touched: string[];
}

export interface ListedFile {
  path: string;
  /** The blob's sha: compare with a rendered file's hash without reading it. */
  oid: string;
}

export type FileChangeStatus = 'added' | 'modified' | 'deleted';

export interface FileDiff {
  path: string;
  status: FileChangeStatus;
  oldOid: string | null;
  newOid: string | null;
  /** Unified diff with `a/` and `b/` prefixes, 3 lines of context. */
  patch: string;
}

export interface Signature {
  name: string;
  email: string;
  time: Date;
  /** The zone as git prints it, e.g. `+0000`, `-0500`. */
  tz: string;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: Signature;
  committer: Signature;
  subject: string;
  body: string;
  trailers: Trailer[];
  /** Whether the commit carries a `gpgsig` header (not whether it verifies). */
  signed: boolean;
}

/** The pino subset we use, so pino or a test double plugs in. */
export interface GitopsLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): GitopsLogger;
}

export const silentLogger: GitopsLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
