/**
 * A source revision as Flux and Argo CD report it, reduced to what we compare:
 * the branch or tag (when given) and the commit sha.
 *
 * Forms (reference/flux-and-argo.md §1): `main@sha1:<hex>`, `feature/x@sha1:<hex>`
 * (branch names may contain `/` and `@`, so split at the LAST `@`),
 * `refs/heads/main@sha1:<hex>`, bare `sha1:<hex>`, the legacy `main/<hex>`, and
 * Argo CD's plain 40-hex sha.
 */
export interface Revision {
  ref: string | null;
  sha: string;
}

const hex = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

export function parseRevision(raw: string | undefined | null): Revision | null {
  if (!raw) return null;
  const value = raw.trim();
  const at = value.lastIndexOf('@');
  const ref = at >= 0 ? value.slice(0, at) : null;
  const digest = at >= 0 ? value.slice(at + 1) : value;
  const colon = digest.indexOf(':');
  if (colon >= 0) {
    const algo = digest.slice(0, colon);
    const sha = digest.slice(colon + 1).toLowerCase();
    // OCI digests (sha256 of an artifact) are not git commits: nothing to compare.
    if (algo !== 'sha1' || !hex.test(sha)) return null;
    return { ref: ref || null, sha };
  }
  if (hex.test(digest.toLowerCase())) return { ref: ref || null, sha: digest.toLowerCase() };
  const slash = digest.lastIndexOf('/');
  if (slash >= 0 && at < 0) {
    const sha = digest.slice(slash + 1).toLowerCase();
    if (hex.test(sha)) return { ref: digest.slice(0, slash), sha };
  }
  return null;
}
