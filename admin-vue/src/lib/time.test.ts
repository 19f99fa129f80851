import { describe, expect, it } from 'vitest';
import { durationBetween, formatDuration, timeSince, timeUntil } from './time';

const now = Date.parse('2026-11-23T12:00:00Z');

describe('timeSince', () => {
  it.each([
    ['2026-11-23T11:59:58Z', 'just now'],
    ['2026-11-23T11:59:30Z', '30 s ago'],
    ['2026-11-23T11:55:00Z', '5 min ago'],
    ['2026-11-23T09:00:00Z', '3 h ago'],
    ['2026-11-20T12:00:00Z', '3 d ago'],
  ])('%s → %s', (iso, label) => {
    expect(timeSince(iso, now)).toBe(label);
  });

  it('never says a time in the future is in the past', () => {
    expect(timeSince('2026-11-23T12:01:00Z', now)).toBe('just now');
  });

  it('says nothing for a value that is not a date', () => {
    expect(timeSince('soon', now)).toBe('');
  });
});

describe('durations', () => {
  it.each([
    [42_000, '42 s'],
    [185_000, '3 min 5 s'],
    [3_600_000, '1 h'],
    [7_800_000, '2 h 10 min'],
  ])('%i ms → %s', (ms, label) => {
    expect(formatDuration(ms)).toBe(label);
  });

  it('measures from commit to ready, and refuses an order that makes no sense', () => {
    expect(durationBetween('2026-11-23T12:00:00Z', '2026-11-23T12:00:42Z')).toBe('42 s');
    expect(durationBetween('2026-11-23T12:00:42Z', '2026-11-23T12:00:00Z')).toBeNull();
    expect(durationBetween(null, '2026-11-23T12:00:00Z')).toBeNull();
  });
});

describe('timeUntil', () => {
  it.each([
    ['2026-11-23T12:00:20Z', 'in 20 s'],
    ['2026-11-23T12:15:00Z', 'in 15 min'],
    ['2026-11-23T17:00:00Z', 'in 5 h'],
    ['2026-11-26T12:00:00Z', 'in 3 d'],
    ['2026-11-23T11:00:00Z', 'now'],
  ])('%s → %s', (iso, label) => {
    expect(timeUntil(iso, now)).toBe(label);
  });
});
