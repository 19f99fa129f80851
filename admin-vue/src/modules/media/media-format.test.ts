import { describe, expect, it } from 'vitest';
import { fileName, formatBytes, kindOf, monthQuery, usedPercent } from './media-format';

describe('media formatting', () => {
  it('writes sizes as people read them', () => {
    expect([0, 1, 1023, 1536, 10 * 1024 * 1024, 1073741824].map(formatBytes)).toEqual([
      '0 bytes',
      '1 byte',
      '1023 bytes',
      '1.5 KB',
      '10 MB',
      '1.0 GB',
    ]);
  });

  it('sorts content types into the listing’s kinds', () => {
    expect(['image/png', 'video/mp4', 'audio/ogg', 'application/pdf', 'text/csv'].map(kindOf)).toEqual([
      'image',
      'video',
      'audio',
      'document',
      'document',
    ]);
  });

  it('reads the month filter and the file name of a key', () => {
    expect(monthQuery('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(monthQuery('')).toEqual({});
    expect(fileName('2026/12/photo-2.png')).toBe('photo-2.png');
  });

  it('fills the usage bar up to the quota, and full with no quota', () => {
    expect([usedPercent(0, 100), usedPercent(1, 3), usedPercent(500, 100), usedPercent(1, 0)]).toEqual([
      0, 33.3, 100, 100,
    ]);
  });
});
