// Names of the Argo CD Applications generated for a cluster's tenants. One Argo CD may serve several
// clusters (during a move a tenant has a copy on each), so every name starts with its cluster:
// `<cluster>--tenant-<slug>` (the workload) and `<cluster>--platform-<slug>` (its platform objects).
//
// Why these are unique: a cluster name holds no `--` (renderClusterEntry refuses one), so the first
// `--` ends the cluster; `tenant-` and `platform-` keep the two parts apart even for a slug ending in
// `-platform`. Kubernetes labels (Argo CD's label tracking copies the name into one) hold 63
// characters: a name over 62 becomes its first 46 characters, `-` and 16 hex characters of the
// sha256 of the whole name — always exactly 63, so it never equals an unshortened name (at most 62),
// and two shortened names meet only if 64 bits of sha256 do.
import { createHash } from 'node:crypto';

export const ARGO_NAME_MAX = 63;
const HASH_CHARS = 16;
const KEPT_CHARS = ARGO_NAME_MAX - HASH_CHARS - 1;

/** The two Applications of a tenant: its platform objects and its workload. */
export const argoParts = ['platform', 'workload'] as const;
export type ArgoPart = (typeof argoParts)[number];

const partPrefix: Record<ArgoPart, string> = { platform: 'platform-', workload: 'tenant-' };

/** What every Application name of `part` on `cluster` starts with, before the slug. */
export function argoNamePrefix(cluster: string, part: ArgoPart): string {
  return `${cluster}--${partPrefix[part]}`;
}

/** The Application name of a tenant's part on a cluster, shortened with a hash past 62 characters. */
export function argoApplicationName(cluster: string, part: ArgoPart, slug: string): string {
  const full = `${argoNamePrefix(cluster, part)}${slug}`;
  if (full.length < ARGO_NAME_MAX) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, HASH_CHARS);
  return `${full.slice(0, KEPT_CHARS)}-${hash}`;
}

/**
 * The same name as an ApplicationSet goTemplate (Go text/template with sprig) over `slug`, a
 * template expression such as `index .path.segments 3`. The cluster is written in literally: it is
 * a DNS label, which can neither end the string nor hold a `%`.
 */
export function argoApplicationNameTemplate(cluster: string, part: ArgoPart, slug: string): string {
  const prefix = argoNamePrefix(cluster, part);
  const longestKept = ARGO_NAME_MAX - 1 - prefix.length;
  const full = `(printf "${prefix}%s" (${slug}))`;
  return (
    `{{ if le (len (${slug})) ${longestKept} }}${prefix}{{ ${slug} }}` +
    `{{ else }}{{ trunc ${KEPT_CHARS} ${full} }}-{{ trunc ${HASH_CHARS} (sha256sum ${full}) }}{{ end }}`
  );
}
