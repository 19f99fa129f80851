/**
 * Slugs name the tenant's namespace (`tenant-<slug>`), folder, host (`<slug>.<base domain>`) and
 * media bucket (`org-<slug>-media`, at most 63 characters, so 63 − 10 = 53), so they are DNS-1123
 * labels of 2-53 characters (the shard folder is the first two) and never a word the platform uses.
 * The server enforces these rules; the admin previews them with the same code.
 */
export const SLUG_MIN = 2;
export const SLUG_MAX = 53;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export const reservedSlugs: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'app',
  'assets',
  'auth',
  'cdn',
  'default',
  'docs',
  'flux-system',
  'git',
  'graphql',
  'help',
  'hooks',
  'internal',
  'kube-node-lease',
  'kube-public',
  'kube-system',
  'localhost',
  'luster',
  'mail',
  'platform',
  'root',
  'static',
  'status',
  'support',
  'system',
  'www',
]);

/** `Ünïcode & Co. GmbH` → `unicode-co-gmbh`; may return '' (the caller validates). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

/** Why a slug may not name a tenant; each side words it for its own reader. */
export type SlugProblem = 'too_short' | 'too_long' | 'not_dns_label' | 'reserved';

/** Null when `slug` may name a tenant. */
export function slugProblem(slug: string): SlugProblem | null {
  if (slug.length < SLUG_MIN) return 'too_short';
  if (slug.length > SLUG_MAX) return 'too_long';
  if (!DNS_LABEL.test(slug)) return 'not_dns_label';
  if (reservedSlugs.has(slug)) return 'reserved';
  return null;
}
