import { describe, expect, it } from 'vitest';
import { recount } from './live-counts';

const counts = {
  states: [
    { state: 'provisioning' as const, count: 1 },
    { state: 'active' as const, count: 4 },
  ],
  sync: [
    { status: 'Failed' as const, count: 1 },
    { status: 'Ready' as const, count: 4 },
  ],
};

describe('moving the counts with a live update', () => {
  it('takes one from the count it left and adds one to the count it joined', () => {
    expect(recount(counts, { state: 'active', sync: 'Ready' }, { state: 'active', sync: 'Failed' })).toEqual({
      states: counts.states,
      sync: [
        { status: 'Failed', count: 2 },
        { status: 'Ready', count: 3 },
      ],
    });
  });

  it('leaves an emptied count out and puts a new one in the order the server uses', () => {
    expect(
      recount(counts, { state: 'provisioning', sync: 'Failed' }, { state: 'suspended', sync: 'Reconciling' }),
    ).toEqual({
      states: [
        { state: 'active', count: 4 },
        { state: 'suspended', count: 1 },
      ],
      sync: [
        { status: 'Reconciling', count: 1 },
        { status: 'Ready', count: 4 },
      ],
    });
  });

  it('counts an organization seen without a status for the first time', () => {
    expect(recount(counts, { state: 'active', sync: null }, { state: 'active', sync: 'Stale' }).sync).toEqual(
      [
        { status: 'Failed', count: 1 },
        { status: 'Stale', count: 1 },
        { status: 'Ready', count: 4 },
      ],
    );
  });

  it('never counts below zero when the server had not counted the organization yet', () => {
    expect(
      recount(counts, { state: 'rejected', sync: 'Pending' }, { state: 'active', sync: 'Ready' }),
    ).toEqual({
      states: [
        { state: 'provisioning', count: 1 },
        { state: 'active', count: 5 },
      ],
      sync: [
        { status: 'Failed', count: 1 },
        { status: 'Ready', count: 5 },
      ],
    });
  });
});
