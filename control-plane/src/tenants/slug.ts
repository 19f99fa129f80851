import { SLUG_MAX, SLUG_MIN, slugify, slugProblem } from '@luster/contract';
import { InvalidInputError } from '../errors/index.js';

const rules = {
  too_short: `must be at least ${SLUG_MIN} characters`,
  too_long: `must be at most ${SLUG_MAX} characters`,
  not_dns_label: "must be lowercase letters, digits and '-', starting and ending with a letter or digit",
};

/** Throws `slug_invalid` / `slug_reserved` (400, naming the field) unless `slug` may name a tenant. */
export function assertValidSlug(slug: string, field = 'slug'): void {
  const problem = slugProblem(slug);
  if (problem === 'reserved') {
    throw new InvalidInputError({
      code: 'slug_reserved',
      message: `'${field}' '${slug}' is reserved`,
      issues: [{ path: field, message: 'reserved' }],
    });
  }
  if (problem) {
    const message = rules[problem];
    throw new InvalidInputError({
      code: 'slug_invalid',
      message: `'${field}' ${message}`,
      issues: [{ path: field, message }],
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
