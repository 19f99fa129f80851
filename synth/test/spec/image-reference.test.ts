import { describe, expect, it } from 'vitest';
import { isFromRegistries, isPinned, parseImageReference } from '../../src/spec/image-reference.js';

const digest = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  it.each([
    [
      'registry.luster.io/themes/aurora:1.4.0',
      { registry: 'registry.luster.io', repository: 'themes/aurora', tag: '1.4.0', digest: undefined },
    ],
    [
      `ghcr.io/luster/aurora@${digest}`,
      { registry: 'ghcr.io', repository: 'luster/aurora', tag: undefined, digest },
    ],
    [
      `localhost:5000/aurora:2.0.0@${digest}`,
      { registry: 'localhost:5000', repository: 'aurora', tag: '2.0.0', digest },
    ],
  ])('reads %s', (image, expected) => {
    expect(parseImageReference(image)).toEqual(expected);
  });

  it.each([
    'aurora:1.4.0',
    'library/aurora:1.4.0',
    'registry.luster.io/Themes/aurora:1',
    'registry.luster.io/aurora:-bad',
    '',
  ])('refuses %s', (image) => {
    expect(parseImageReference(image)).toBeNull();
  });
});

describe('isPinned', () => {
  it.each([
    ['registry.luster.io/aurora:1.4.0', true],
    [`registry.luster.io/aurora@${digest}`, true],
    ['registry.luster.io/aurora:latest', false],
    ['registry.luster.io/aurora', false],
  ])('%s → %s', (image, pinned) => {
    const ref = parseImageReference(image);
    expect(ref && isPinned(ref)).toBe(pinned);
  });
});

describe('isFromRegistries', () => {
  const ref = parseImageReference('registry.luster.io/themes/aurora:1.4.0');
  it.each([
    [['registry.luster.io'], true],
    [['registry.luster.io/themes'], true],
    [['registry.luster.io/themes/'], true],
    [['registry.luster.io/theme'], false],
    [['luster.io'], false],
    [['docker.io', 'ghcr.io'], false],
  ])('allowed %j → %s', (allowed, expected) => {
    expect(ref && isFromRegistries(ref, allowed)).toBe(expected);
  });
});
