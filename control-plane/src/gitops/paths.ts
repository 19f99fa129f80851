import { shardOf, shardSchemes } from '@luster/synth';
import { BranchNameError, ClusterDirError, TenantDirError, TenantPathError } from './errors.js';

/*
 * Why this file is strict: every file the writer commits is applied to a cluster by Flux as it is,
 * with whatever permissions the Kustomization that picks it up has. `clusters/` and
 * `infrastructure/` are reconciled with the platform's own (cluster-admin) identity, and every other
 * tenant's folder is reconciled as that tenant. So one tenant's change that could name a path
 * outside its own folder — by `..`, an absolute path, a backslash some tool treats as a separator,
 * a NUL that truncates the name somewhere downstream, or a `.git` component — could rewrite the
 * platform or another customer. Paths are therefore relative to the tenant's folder, checked
 * component by component, and anything surprising is refused rather than normalised.
 */

/** The root folder under which the control plane owns everything. */
export const TENANTS_ROOT = 'tenants';

/**
 * Where clusters' entry points live (`clusters/<name>/`). Written only by a platform commit (a
 * superadmin adding a cluster, a layout upgrade), never by a tenant's change: what is there is
 * applied with cluster-admin rights.
 */
export const CLUSTERS_ROOT = 'clusters';

/** Where clusters' Argo CD entry points live (`argocd/<name>/`), written like `clusters/<name>/`. */
export const ARGOCD_ROOT = 'argocd';

/** A DNS-1123 label: what cluster names, shards and tenant slugs are made of. */
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Characters allowed in a file name component inside a tenant folder (YAML files, subfolders). */
const SAFE_COMPONENT = /^[A-Za-z0-9._-]+$/;

const MAX_PATH_LENGTH = 1024;

/**
 * Checks that `tenantDir` is `tenants/<cluster>/<shard>/<slug>` (sharded, `<shard>` = the slug's
 * shard under one of synth's schemes: its first two characters, or two hex characters of its
 * sha256) or `tenants/<cluster>/<slug>` (flat, kept for the benchmark that compares the two).
 * Either shard is the slug's own, so neither lets a change reach another tenant's folder. Anything shallower would let a `deletes: 'all'` wipe a whole cluster's tenants.
 * Returns the slug.
 */
export function assertTenantDir(tenantDir: string): string {
  if (typeof tenantDir !== 'string' || tenantDir.length === 0) {
    throw new TenantDirError({ tenantDir: String(tenantDir), reason: 'must be a non-empty string' });
  }
  const parts = tenantDir.split('/');
  if (parts[0] !== TENANTS_ROOT) {
    throw new TenantDirError({ tenantDir, reason: `must start with '${TENANTS_ROOT}/'` });
  }
  if (parts.length !== 3 && parts.length !== 4) {
    throw new TenantDirError({ tenantDir, reason: 'must be tenants/<cluster>/<shard>/<slug>' });
  }
  for (const part of parts.slice(1)) {
    if (!LABEL.test(part))
      throw new TenantDirError({ tenantDir, reason: `'${part}' is not a DNS-1123 label` });
  }
  const slug = parts[parts.length - 1] as string;
  if (parts.length === 4 && !shardSchemes.some((scheme) => parts[2] === shardOf(slug, scheme))) {
    throw new TenantDirError({
      tenantDir,
      reason: `shard '${parts[2]}' must be the first two characters of '${slug}' or its hash shard`,
    });
  }
  return slug;
}

/**
 * Checks that `clusterDir` is exactly `clusters/<name>` with `<name>` a DNS label: the one folder
 * outside `tenants/` a platform commit may write into. Nothing shallower (all of `clusters/`) and
 * nothing deeper is accepted, so no platform commit can touch `infrastructure/` or another root.
 * Returns the cluster's name.
 */
export function assertClusterDir(clusterDir: string): string {
  if (typeof clusterDir !== 'string' || clusterDir.length === 0) {
    throw new ClusterDirError({ clusterDir: String(clusterDir), reason: 'must be a non-empty string' });
  }
  const parts = clusterDir.split('/');
  if (parts[0] !== CLUSTERS_ROOT || parts.length !== 2) {
    throw new ClusterDirError({ clusterDir, reason: `must be ${CLUSTERS_ROOT}/<cluster>` });
  }
  const name = parts[1] as string;
  if (!LABEL.test(name))
    throw new ClusterDirError({ clusterDir, reason: `'${name}' is not a DNS-1123 label` });
  return name;
}

/**
 * Checks one path relative to the tenant folder and returns its components. Refuses rather than
 * normalises (see the note at the top of this file).
 */
export function tenantPathComponents(path: string): string[] {
  if (typeof path !== 'string' || path.length === 0)
    throw new TenantPathError({ path: String(path), reason: 'empty path' });
  if (path.length > MAX_PATH_LENGTH)
    throw new TenantPathError({ path, reason: `longer than ${MAX_PATH_LENGTH}` });
  if (path.includes('\0')) throw new TenantPathError({ path, reason: 'contains NUL' });
  if (path.includes('\\')) throw new TenantPathError({ path, reason: 'contains a backslash' });
  if (path.startsWith('/'))
    throw new TenantPathError({ path, reason: 'is absolute; paths are relative to the tenant' });
  const parts = path.split('/');
  for (const part of parts) {
    if (part === '') throw new TenantPathError({ path, reason: 'has an empty component' });
    if (part === '.' || part === '..')
      throw new TenantPathError({ path, reason: `has a '${part}' component` });
    if (part.toLowerCase() === '.git') throw new TenantPathError({ path, reason: "has a '.git' component" });
    if (!SAFE_COMPONENT.test(part)) {
      throw new TenantPathError({
        path,
        reason: `component '${part}' has characters outside [A-Za-z0-9._-]`,
      });
    }
  }
  return parts;
}

/**
 * Checks a repo-relative path for reading (`readFile`, `listFiles`, `diff`). Reading cannot harm
 * anything, but the same grammar keeps lookups unambiguous. '' means the repository root.
 */
export function repoPathComponents(path: string): string[] {
  if (path === '' || path === '.') return [];
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  try {
    return tenantPathComponents(trimmed);
  } catch (error) {
    if (error instanceof TenantPathError)
      throw new TenantPathError({ path, reason: String(error.data.reason) });
    throw error;
  }
}

/**
 * Checks a branch name against git's check-ref-format rules we rely on, plus a leading '-' (which
 * the CLI would read as an option when we spawn `git push`).
 */
export function assertBranchName(name: string): void {
  if (typeof name !== 'string' || name.length === 0)
    throw new BranchNameError({ name: String(name), reason: 'empty' });
  if (name.length > 200) throw new BranchNameError({ name, reason: 'longer than 200 characters' });
  if (!/^[A-Za-z0-9._/-]+$/.test(name))
    throw new BranchNameError({ name, reason: 'only [A-Za-z0-9._/-] allowed' });
  if (name.startsWith('-') || name.startsWith('/') || name.endsWith('/')) {
    throw new BranchNameError({ name, reason: "must not start with '-' or '/', nor end with '/'" });
  }
  if (name.includes('..') || name.includes('//'))
    throw new BranchNameError({ name, reason: "contains '..' or '//'" });
  for (const part of name.split('/')) {
    if (part.startsWith('.') || part.endsWith('.lock') || part.endsWith('.')) {
      throw new BranchNameError({ name, reason: "a component starts with '.' or ends with '.' or '.lock'" });
    }
  }
  if (name === 'HEAD') throw new BranchNameError({ name, reason: 'reserved' });
}

/** Where the last push or fetch left the remote's `branch` (GitRemote keeps it; `remoteHead` reads it). */
export function trackingRef(branch: string): string {
  assertBranchName(branch);
  return `refs/remotes/origin/${branch}`;
}
