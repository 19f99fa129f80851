import { describe, expect, it } from 'vitest';
import { SLUG_MAX, slugify, slugProblem } from './slug';

describe('slugify (the live preview of the organization address)', () => {
  it.each([
    ['Acme', 'acme'],
    ['Café Müller & Sons', 'cafe-muller-sons'],
    ['  --Hello,   World!--  ', 'hello-world'],
    ['2Fast Shop', '2fast-shop'],
    ['日本', ''],
  ])('turns %j into %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('never ends with a dash after cutting to the maximum length', () => {
    const slug = slugify(`${'a'.repeat(SLUG_MAX - 1)} bcd`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('slugProblem', () => {
  it.each([
    ['acme', null],
    ['a', 'Use at least 2 characters.'],
    ['-acme', 'Use lowercase letters, digits and dashes, starting and ending with a letter or digit.'],
    ['Acme', 'Use lowercase letters, digits and dashes, starting and ending with a letter or digit.'],
    ['platform', '“platform” is reserved. Choose another address.'],
    ['a'.repeat(SLUG_MAX + 1), `Use at most ${SLUG_MAX} characters.`],
  ])('%j → %j', (slug, problem) => {
    expect(slugProblem(slug)).toBe(problem);
  });
});
