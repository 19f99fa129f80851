import { InvalidInputError } from '../errors/index.js';

/**
 * Slugs name the tenant's namespace (`tenant-<slug>`), folder, host (`<slug>.<base domain>`) and
 * media bucket (`org-<slug>-media`, at most 63 characters, so 63 − 10 = 53), so they are DNS-1123
 * labels of 2-53 characters (the shard folder is the first two) and never a word the platform uses.
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

/** Throws `slug_invalid` / `slug_reserved` (400, naming the field) unless `slug` may name a tenant. */
export function assertValidSlug(slug: string, field = 'slug'): void {
  const problem =
    slug.length < SLUG_MIN
      ? `must be at least ${SLUG_MIN} characters`
      : slug.length > SLUG_MAX
        ? `must be at most ${SLUG_MAX} characters`
        : !DNS_LABEL.test(slug)
          ? "must be lowercase letters, digits and '-', starting and ending with a letter or digit"
          : null;
  if (problem) {
    throw new InvalidInputError({
      code: 'slug_invalid',
      message: `'${field}' ${problem}`,
      issues: [{ path: field, message: problem }],
    });
  }
  if (reservedSlugs.has(slug)) {
    throw new InvalidInputError({
      code: 'slug_reserved',
      message: `'${field}' '${slug}' is reserved`,
      issues: [{ path: field, message: 'reserved' }],
    });
  }
}

/** The slug to use: the one given, or one derived from the organization's name. */
export function chooseSlug(input: { slug?: string | undefined; organizationName: string }): string {
  if (input.slug !== undefined) {
    assertValidSlug(input.slug);
    return input.slug;
  }
  const derived = slugify(input.organizationName);
  assertValidSlug(derived, 'organizationName');
  return derived;
}
