import { describe, expect, it } from 'vitest';
import { formatFieldPath } from '../../src/spec/field-path.js';

describe('formatFieldPath', () => {
  it.each([
    [[], ''],
    [['slug'], 'slug'],
    [['domains', 'custom', 1], 'domains.custom[1]'],
    [[0, 'name'], '[0].name'],
  ])('%j → %j', (path, text) => {
    expect(formatFieldPath(path)).toBe(text);
  });
});
