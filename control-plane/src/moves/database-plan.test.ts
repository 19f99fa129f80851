import { describe, expect, it } from 'vitest';
import {
  holdsKeptDatabase,
  movedDatabase,
  nextDatabaseName,
  restoredDatabase,
  restoreWindow,
  withKeptStage,
} from './database-plan.js';

describe('the database a move or a restore renders', () => {
  it.each([
    ['db', 'db-1'],
    ['db-1', 'db-2'],
    ['db-9', 'db-10'],
  ])('%s is recovered into %s', (current, next) => {
    expect(nextDatabaseName(current)).toBe(next);
  });

  it('a move recovers the latest state from the cluster left, keeping the database there', () => {
    expect(movedDatabase({ name: 'db' }, 'prod-1')).toEqual({
      name: 'db-1',
      recovery: { cluster: 'prod-1', database: 'db' },
      kept: { cluster: 'prod-1', name: 'db', stage: 'kept' },
    });
  });

  it('a restore recovers up to the time and keeps the database it replaces with its own origin', () => {
    const restored = { name: 'db-1', recovery: { cluster: 'prod-1', database: 'db' } };
    expect(restoredDatabase(restored, 'prod-2', '2026-12-01T10:00:00Z')).toEqual({
      name: 'db-2',
      recovery: { cluster: 'prod-2', database: 'db-1', targetTime: '2026-12-01T10:00:00Z' },
      kept: {
        cluster: 'prod-2',
        name: 'db-1',
        recovery: { cluster: 'prod-1', database: 'db' },
        stage: 'kept',
      },
    });
  });

  it('a kept database holds until it is removed', () => {
    const moved = movedDatabase({ name: 'db' }, 'prod-1');
    expect(holdsKeptDatabase({ name: 'db' })).toBe(false);
    expect(holdsKeptDatabase(moved)).toBe(true);
    expect(holdsKeptDatabase(withKeptStage(moved, 'released'))).toBe(true);
    expect(holdsKeptDatabase(withKeptStage(moved, 'removed'))).toBe(false);
  });

  it('the restore window starts at the retention horizon, or later when the database is younger', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    expect(restoreWindow({ now, retentionDays: 7, databaseSince: new Date('2026-01-01T00:00:00Z') })).toEqual(
      {
        from: new Date('2026-11-29T12:00:00Z'),
        to: now,
      },
    );
    const young = new Date('2026-12-05T08:00:00Z');
    expect(restoreWindow({ now, retentionDays: 7, databaseSince: young }).from).toEqual(young);
  });
});
