import { describe, expect, it } from 'vitest';
import { decideAttempt, MAX_LOCK_SECONDS, type ThrottleState } from './login-throttle.js';

const policy = { limit: 3, windowSeconds: 300 };
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** Runs attempts at the given times; returns each one's wait (0 = allowed). */
function run(times: number[], start?: ThrottleState) {
  let state = start;
  return times.map((seconds) => {
    const decision = decideAttempt(state, at(seconds), policy);
    state = decision.state;
    return decision.retryAfterSeconds ?? 0;
  });
}

describe('the sign-in back-off of one address + account pair', () => {
  it('allows the limit per window, then locks for a window', () => {
    expect(run([0, 1, 2, 3])).toEqual([0, 0, 0, 300]);
  });

  it('answers the time left while locked, without extending the lock', () => {
    expect(run([0, 1, 2, 3, 100, 299])).toEqual([0, 0, 0, 300, 203, 4]);
  });

  it('starts a new count in a new window', () => {
    expect(run([0, 1, 2, 300, 301, 302])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('doubles each lock in a row, up to a day', () => {
    const state: ThrottleState = { attempts: 0, windowStart: t0, lockedUntil: at(-1), locks: 9 };
    expect(run([0, 1, 2, 3], state)).toEqual([0, 0, 0, MAX_LOCK_SECONDS]);
    expect(run([0, 1, 2, 3], { ...state, locks: 2 })).toEqual([0, 0, 0, 1200]);
  });

  it('forgets earlier locks after a quiet day', () => {
    const state: ThrottleState = {
      attempts: 0,
      windowStart: at(-90_000),
      lockedUntil: at(-86_400),
      locks: 5,
    };
    expect(run([0, 1, 2, 3], state)).toEqual([0, 0, 0, 300]);
  });
});
