import { describe, expect, it } from 'vitest';
import { backupScheduleProblem, defaultBackupSchedule } from '../../src/spec/backup-schedule.js';

describe('backupScheduleProblem', () => {
  it.each(['0 0 3 * * *', '0 */15 * * * *', '30 5 1-4 * * 1,3,5', '0 0 0 1 1 ?', '@daily'])(
    'accepts %s',
    (schedule) => {
      expect(backupScheduleProblem(schedule)).toBeNull();
    },
  );

  it.each([
    ['0 3 * * *', /6 fields/],
    ['0 60 3 * * *', /minutes 60 is outside 0-59/],
    ['0 0 24 * * *', /hours 24 is outside 0-23/],
    ['0 0 3 0 * *', /day of month 0 is outside 1-31/],
    ['0 0 3 * * 7', /day of week 7 is outside 0-6/],
    ['0 */0 3 * * *', /step must not be 0/],
    ['0 0 ? * * *', /hours '\?' is not a number/],
    ['0 0 three * * *', /not a number/],
  ])('rejects %s', (schedule, reason) => {
    expect(backupScheduleProblem(schedule)).toMatch(reason);
  });
});

describe('defaultBackupSchedule', () => {
  it('gives the same slug the same time, between 01:00 and 04:59', () => {
    expect(defaultBackupSchedule('acme')).toBe(defaultBackupSchedule('acme'));
    for (const slug of ['acme', 'globex', 'initech', 'umbrella', 'hooli']) {
      const [seconds, minutes, hours, ...rest] = defaultBackupSchedule(slug).split(' ');
      expect(seconds).toBe('0');
      expect(Number(minutes)).toBeLessThan(60);
      expect(Number(hours)).toBeGreaterThanOrEqual(1);
      expect(Number(hours)).toBeLessThanOrEqual(4);
      expect(rest).toEqual(['*', '*', '*']);
      expect(backupScheduleProblem(defaultBackupSchedule(slug))).toBeNull();
    }
  });

  it('spreads many tenants over many minutes', () => {
    const times = new Set(Array.from({ length: 1000 }, (_, i) => defaultBackupSchedule(`tenant-${i}`)));
    expect(times.size).toBeGreaterThan(200);
  });
});
