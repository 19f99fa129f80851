import { SLUG_MAX, slugify } from '@luster/contract';
import { describe, expect, it } from 'vitest';
import { slugMessage } from './slug';

describe('slugify (the live preview of the organization address, the server’s own)', () => {
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

describe('slugMessage', () => {
  it.each([
    ['acme', null],
    ['', 'Enter a name with at least one letter or digit.'],
    ['a', 'Use at least 2 characters.'],
    ['-acme', 'Use lowercase letters, digits and dashes, starting and ending with a letter or digit.'],
    ['Acme', 'Use lowercase letters, digits and dashes, starting and ending with a letter or digit.'],
    ['platform', '“platform” is reserved. Choose another address.'],
    ['a'.repeat(SLUG_MAX + 1), `Use at most ${SLUG_MAX} characters.`],
  ])('%j → %j', (slug, problem) => {
    expect(slugMessage(slug)).toBe(problem);
  });
});
