import { describe, expect, it } from 'vitest';
import { parseRevision } from './revision.js';

const sha = '0123456789abcdef0123456789abcdef01234567';

describe('parseRevision', () => {
  it.each([
    [`main@sha1:${sha}`, { ref: 'main', sha }],
    [`feature/a@b@sha1:${sha}`, { ref: 'feature/a@b', sha }],
    [`refs/heads/main@sha1:${sha}`, { ref: 'refs/heads/main', sha }],
    [`v1.2.0@sha1:${sha}`, { ref: 'v1.2.0', sha }],
    [`sha1:${sha}`, { ref: null, sha }],
    [`main/${sha}`, { ref: 'main', sha }],
    [sha, { ref: null, sha }],
    [sha.toUpperCase(), { ref: null, sha }],
  ])('reads %s', (raw, expected) => {
    expect(parseRevision(raw)).toEqual(expected);
  });

  it.each([[''], [undefined], [`latest@sha256:${'a'.repeat(64)}`], ['main@sha1:nothex'], ['main']])(
    'gives null for %s',
    (raw) => {
      expect(parseRevision(raw)).toBeNull();
    },
  );
});
