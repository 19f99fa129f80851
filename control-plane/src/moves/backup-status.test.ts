import { describe, expect, it } from 'vitest';
import { lastDueAt } from './backup-status.js';

describe("a daily backup schedule's last due run", () => {
  it.each([
    ['0 30 3 * * *', '2026-12-06T12:00:00Z', '2026-12-06T03:30:00.000Z'],
    ['0 30 3 * * *', '2026-12-06T03:29:59Z', '2026-12-05T03:30:00.000Z'],
    ['0 30 3 * * *', '2026-12-06T03:30:00Z', '2026-12-06T03:30:00.000Z'],
    ['15 0 1 * * *', '2026-01-01T00:30:00Z', '2025-12-31T01:00:15.000Z'],
  ])('%s at %s was due at %s', (schedule, now, due) => {
    expect(lastDueAt(schedule, new Date(now))?.toISOString()).toBe(due);
  });

  it('says nothing for a schedule that is not daily', () => {
    expect(lastDueAt('0 0 3 * * 1', new Date('2026-12-06T12:00:00Z'))).toBeNull();
    expect(lastDueAt('@hourly', new Date('2026-12-06T12:00:00Z'))).toBeNull();
  });
});
