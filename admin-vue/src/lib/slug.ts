/**
 * The slug preview's words. The rules and the derivation from the organization's name are the
 * server's own (`@luster/contract`), so what the person sees is what they get; the server re-checks
 * and has the last word (`slug_invalid`, `slug_reserved`, `slug_taken`).
 */
import { SLUG_MAX, SLUG_MIN, slugProblem } from '@luster/contract';

/** Null when valid, else why not, in words. */
export function slugMessage(slug: string): string | null {
  if (slug.length === 0) return 'Enter a name with at least one letter or digit.';
  switch (slugProblem(slug)) {
    case 'too_short':
      return `Use at least ${SLUG_MIN} characters.`;
    case 'too_long':
      return `Use at most ${SLUG_MAX} characters.`;
    case 'not_dns_label':
      return 'Use lowercase letters, digits and dashes, starting and ending with a letter or digit.';
    case 'reserved':
      return `“${slug}” is reserved. Choose another address.`;
    case null:
      return null;
  }
}
