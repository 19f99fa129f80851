import { describe, expect, it } from 'vitest';
import {
  applyReport,
  displayStatus,
  initialSyncState,
  onCommitted,
  type Report,
  timeToLiveMs,
} from './sync-status.js';

const C = 'c'.repeat(40);
const R = 'd'.repeat(40);
const t = (s: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, s));
const committed = onCommitted(initialSyncState, C, t(0));
const report = (outcome: Report['outcome'], at: number, message = ''): Report => ({
  outcome,
  sha: R,
  revision: `main@sha1:${R}`,
  message,
  at: t(at),
});

describe('sync status of a tenant', () => {
  it('is Pending once its change is committed and nothing was reported', () => {
    expect(committed.phase).toBe('Pending');
    expect(displayStatus(committed, t(10), 60_000)).toBe('Pending');
  });

  it('goes Reconciling on a progressing report for a revision containing the change, then Ready', () => {
    const progressing = applyReport(committed, report('progressing', 5), true);
    expect(progressing.phase).toBe('Reconciling');
    expect(progressing.firstProgressingAt).toEqual(t(5));
    const ready = applyReport(progressing, report('succeeded', 9), true);
    expect(ready).toMatchObject({
      phase: 'Ready',
      readyAt: t(9),
      appliedRevision: `main@sha1:${R}`,
      message: null,
    });
    expect(timeToLiveMs(ready)).toBe(9000);
  });

  it('ignores reports for revisions that do not contain the change', () => {
    expect(applyReport(committed, report('succeeded', 5), false)).toBe(committed);
    expect(applyReport(committed, report('failed', 5, 'boom'), false)).toBe(committed);
  });

  it('keeps the failure message and recovers to Ready on a later success', () => {
    const failed = applyReport(committed, report('failed', 5, 'health check failed after 5m'), true);
    expect(failed).toMatchObject({ phase: 'Failed', message: 'health check failed after 5m' });
    const ready = applyReport(failed, report('succeeded', 60), true);
    expect(ready).toMatchObject({ phase: 'Ready', message: null });
  });

  it('turns Failed when the newest report after Ready is an error', () => {
    const ready = applyReport(committed, report('succeeded', 5), true);
    expect(applyReport(ready, report('failed', 7, 'prune failed'), true).phase).toBe('Failed');
  });

  it('stays Ready on a later progressing report (drift correction)', () => {
    const ready = applyReport(committed, report('succeeded', 5), true);
    expect(applyReport(ready, report('progressing', 7), true).phase).toBe('Ready');
  });

  it('ignores a report older than one already applied (retries arrive late)', () => {
    const ready = applyReport(committed, report('succeeded', 9), true);
    expect(applyReport(ready, report('failed', 3, 'old failure'), true)).toBe(ready);
  });

  it('ignores events that say nothing about the outcome', () => {
    expect(applyReport(committed, report('other', 5), true)).toBe(committed);
  });

  it('is Stale when no report came long after the change, but never when Ready or Failed', () => {
    expect(displayStatus(committed, t(61), 60_000)).toBe('Stale');
    expect(displayStatus(applyReport(committed, report('progressing', 5), true), t(61), 60_000)).toBe(
      'Stale',
    );
    expect(displayStatus(applyReport(committed, report('succeeded', 5), true), t(61), 60_000)).toBe('Ready');
    expect(displayStatus(applyReport(committed, report('failed', 5), true), t(61), 60_000)).toBe('Failed');
  });

  it('starts over when a new change is committed', () => {
    const ready = applyReport(committed, report('succeeded', 5), true);
    const next = onCommitted(ready, R, t(20));
    expect(next).toMatchObject({ phase: 'Pending', lastChangeSha: R, readyAt: null, appliedRevision: null });
  });
});
