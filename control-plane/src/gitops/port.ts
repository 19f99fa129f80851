import type { CommitMessage, Trailer } from './history/commit-message.js';

/**
 * The git writer as the rest of the control plane sees it (STYLE §8, after kratix's
 * `StateStoreWriter`): write these files, delete those, commit with this message, get the sha back
 * — or `null` when nothing changed, because git is the audit log and an empty commit would record a
 * change that never happened. Readers cover what review, drift and sync status need.
 */
export interface GitopsWriter {
  /** Commits one tenant's change; `null` when the tree would not change (never an empty commit). */
  applyChange(change: TenantChange): Promise<AppliedChange | null>;
  /**
   * Commits several tenant changes on one branch as a chain — a commit each, in order, `null` for
   * one that changes nothing — moving the branch once: every commit lands or none does. A writer
   * round costs one ref move however many changes it carries. `expectedHead` is the first change's.
   */
  applyChanges(changes: readonly TenantChange[]): Promise<(AppliedChange | null)[]>;
  /**
   * One commit over several tenant folders (a bulk deletion, a purge): a folder's complete new
   * content, or `null` to remove it. Refused with `mass_deletion_refused`, nothing written, when it
   * would remove more than `maxFolderRemovals` folders present on the branch head, unless
   * `approvedMassRemoval` — judged on the head it commits on, every attempt.
   */
  commitFolders(commit: FolderCommit): Promise<AppliedChange | null>;
  /**
   * One platform commit: cluster entry points (`clusters/<name>/`, files written and removed) and,
   * for a layout upgrade, tenant folders re-rendered whole. A tenant folder is removed only when the
   * same tenant is written under another folder in this commit (moved to another shard): a platform
   * commit never deletes a tenant. `null` when nothing changes.
   */
  commitPlatform(commit: PlatformCommit): Promise<AppliedChange | null>;
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
  /** Repo-relative paths whose content differs from `fromSha` to `toSha`, sorted (`touched` of a commit made earlier). */
  touchedPaths(fromSha: string, toSha: string): Promise<string[]>;
  /** What the remote's `branch` was when last pushed or fetched; `null` without a remote or before the first push. */
  remoteHead(branch?: string): Promise<string | null>;
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

export interface FolderChange {
  /** `tenants/<cluster>/<shard>/<slug>`. */
  tenantDir: string;
  /** The folder's complete new content, or `null` to remove the folder. */
  files: readonly FileWrite[] | null;
}

export interface FolderCommit {
  /** @default 'main' */
  branch?: string;
  folders: readonly FolderChange[];
  /** The full commit message (subject, body, trailers), e.g. `changes/commit-text.ts` `changeMessage`. */
  message: string;
  author: Identity;
  /** More tenant folders than this removed in one commit are refused… */
  maxFolderRemovals: number;
  /** …unless the caller vouches that this is an approved bulk deletion. */
  approvedMassRemoval: boolean;
}

export interface ClusterEntryChange {
  /** `clusters/<name>` — with `argocd/<name>`, the only folders outside `tenants/` the writer writes. */
  clusterDir: string;
  /** Files to create or replace, relative to `clusterDir`. */
  writes: readonly FileWrite[];
  /** Paths relative to `clusterDir` to remove; missing ones are ignored. @default [] */
  deletes?: readonly string[];
  /**
   * The cluster's shard folders' marker files, relative to `tenants/<name>`: each exactly
   * `<shard>/<SHARD_MARKER>` (synth's), the one file the writer writes between tenant folders.
   * @default []
   */
  shardMarkers?: readonly FileWrite[];
  /**
   * The cluster's Argo CD entry point, relative to `argocd/<name>` (synth's, like `clusterDir`'s).
   * @default []
   */
  argocd?: readonly FileWrite[];
}

export interface PlatformCommit {
  /** @default 'main' */
  branch?: string;
  clusters: readonly ClusterEntryChange[];
  /** Tenant folders: complete new content, or `null` for a folder whose tenant is written elsewhere here. @default [] */
  tenantFolders?: readonly FolderChange[];
  /** The full commit message: subject, body, trailers (who and why). */
  message: string;
  author: Identity;
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
