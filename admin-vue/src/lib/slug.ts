/** Kubernetes names built from the slug must be DNS-1123 labels; leave room for `tenant-`. */
export const SLUG_MAX = 40;
export const SLUG_PATTERN = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

/** "Café Müller & Sons" → "cafe-muller-sons": what the server will suggest, previewed live. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

/** Null when valid, else why not (the server re-checks and has the last word). */
export function slugProblem(slug: string): string | null {
  if (slug.length === 0) return 'Enter a name with at least one letter.';
  if (slug.length < 3) return 'Use at least 3 characters.';
  if (slug.length > SLUG_MAX) return `Use at most ${SLUG_MAX} characters.`;
  if (!SLUG_PATTERN.test(slug)) return 'Use lowercase letters, digits and dashes, starting with a letter.';
  return null;
}
