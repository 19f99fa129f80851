import { describe, expect, it } from 'vitest';
import { type ClusterLoad, chooseCluster } from './placement.js';

const cluster = (name: string, tenants: number, capacity: number, acceptsTenants = true): ClusterLoad => ({
  name,
  tenants,
  capacity,
  acceptsTenants,
});

describe('the placement policy', () => {
  it('places on the preferred cluster when it accepts tenants and has room, even if busier', () => {
    expect(chooseCluster([cluster('eu', 90, 100), cluster('us', 1, 100)], 'eu')).toBe('eu');
  });

  it.each([
    ['full', [cluster('eu', 100, 100), cluster('us', 50, 100)]],
    ['over capacity', [cluster('eu', 120, 100), cluster('us', 50, 100)]],
    ['closed to new tenants', [cluster('eu', 1, 100, false), cluster('us', 50, 100)]],
    ['unknown', [cluster('us', 50, 100)]],
  ])('falls back to the least-loaded cluster when the preferred one is %s', (_why, clusters) => {
    expect(chooseCluster(clusters, 'eu')).toBe('us');
  });

  it('weighs load as tenants over capacity, not as a count of tenants', () => {
    // big: 300/1000 = 30 %; small: 40/100 = 40 %.
    expect(chooseCluster([cluster('small', 40, 100), cluster('big', 300, 1000)], null)).toBe('big');
    expect(chooseCluster([cluster('small', 20, 100), cluster('big', 300, 1000)], null)).toBe('small');
  });

  it('breaks a tie by name, so every replica chooses the same', () => {
    expect(chooseCluster([cluster('b', 5, 10), cluster('a', 10, 20), cluster('c', 1, 2)], null)).toBe('a');
  });

  it('skips clusters that do not accept tenants however empty they are', () => {
    expect(chooseCluster([cluster('empty', 0, 100, false), cluster('busy', 99, 100)], null)).toBe('busy');
  });

  it.each([
    ['no cluster at all', []],
    ['every cluster full', [cluster('eu', 10, 10), cluster('us', 3, 3)]],
    ['every cluster closed', [cluster('eu', 0, 10, false)]],
  ])('answers null with %s', (_why, clusters) => {
    expect(chooseCluster(clusters, null)).toBeNull();
    expect(chooseCluster(clusters, 'eu')).toBeNull();
  });
});
