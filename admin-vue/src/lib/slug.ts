/**
 * The slug preview mirrors the server's rules (control-plane/src/orgs/slug.ts):
 * a DNS-1123 label of 2–53 characters, derived from the organization's name
 * the same way, so what the person sees is what they get. The server re-checks
 * and has the last word (`slug_invalid`, `slug_reserved`, `slug_taken`).
 */
export const SLUG_MIN = 2;
export const SLUG_MAX = 53;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Names the platform keeps for itself (same list as the server). */
export const reservedSlugs: ReadonlySet<string> = new Set(
  (
    'admin api app assets auth cdn default docs flux-system git graphql help hooks internal kube-node-lease ' +
    'kube-public kube-system localhost luster mail platform root static status support system www'
  ).split(' '),
);

/** "Café Müller & Sons" → "cafe-muller-sons". */
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

/** Null when valid, else why not, in words. */
export function slugProblem(slug: string): string | null {
  if (slug.length === 0) return 'Enter a name with at least one letter or digit.';
  if (slug.length < SLUG_MIN) return `Use at least ${SLUG_MIN} characters.`;
  if (slug.length > SLUG_MAX) return `Use at most ${SLUG_MAX} characters.`;
  if (!DNS_LABEL.test(slug))
    return 'Use lowercase letters, digits and dashes, starting and ending with a letter or digit.';
  if (reservedSlugs.has(slug)) return `“${slug}” is reserved. Choose another address.`;
  return null;
}
