import { describe, expect, it } from 'vitest';
import { images } from '../../../src/validation/policy/images.js';
import { aPod as pod, themeRegistryOnly } from '../../support/pods.js';

const options = themeRegistryOnly;

describe('images policy', () => {
  it.each([
    ['registry.luster.io/themes/aurora:1.4.0', []],
    ['registry.luster.io/other/aurora:1.4.0', ['policy.image-registry']],
    ['registry.luster.io/themes/aurora:latest', ['policy.image-pinned']],
    ['registry.luster.io/themes/aurora', ['policy.image-pinned']],
    ['aurora:1.4.0', ['policy.image']],
    [42, ['policy.image']],
  ])('%j → %j', (image, rules) => {
    expect(images(pod(image), 'Pod p', options).map((v) => v.rule)).toEqual(rules);
  });
});
