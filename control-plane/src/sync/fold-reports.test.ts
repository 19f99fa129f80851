import { describe, expect, it } from 'vitest';
import { foldReports, lastChangeOf } from './fold-reports.js';
import { initialSyncState, onCommitted, type Report } from './sync-status.js';

const C = 'c'.repeat(40);
const OLD = 'b'.repeat(40);
const t = (s: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, s));
const report = (outcome: Report['outcome'], at: number): Report => ({
  outcome,
  sha: C,
  revision: `main@sha1:${C}`,
  message: outcome,
  at: t(at),
});
const tenant = { lastCommitSha: C, lastCommittedAt: t(0) };

describe('folding a tenant’s reports of one batch', () => {
  it('folds each report onto the one before it, as one-by-one delivery would', () => {
    const base = { ...tenant, state: onCommitted(initialSyncState, C, t(0)) };
    const { steps, final } = foldReports(
      base,
      [report('progressing', 5), report('succeeded', 9), report('progressing', 7)],
      [true, true, true],
    );
    expect(steps.map((s) => s.next.phase)).toEqual(['Reconciling', 'Ready', 'Ready']);
    expect(steps.map((s) => s.written)).toEqual([true, true, false]);
    expect(steps[1]?.stored).toBe(steps[0]?.next);
    expect(final).toMatchObject({ phase: 'Ready', firstProgressingAt: t(5), readyAt: t(9) });
  });

  it('has nothing to store when no report counts', () => {
    const base = { ...tenant, state: onCommitted(initialSyncState, C, t(0)) };
    const { steps, final } = foldReports(base, [report('succeeded', 5), report('other', 6)], [false, true]);
    expect(steps.map((s) => s.written)).toEqual([false, false]);
    expect(final).toBeNull();
  });

  it('replaces a state stored for an earlier change once, even by a report that does not count', () => {
    const base = {
      ...tenant,
      state: { ...onCommitted(initialSyncState, OLD, t(-60)), phase: 'Ready' as const },
    };
    expect(lastChangeOf(base)).toBe(C);
    const { steps, final } = foldReports(
      base,
      [report('succeeded', 5), report('succeeded', 6)],
      [false, false],
    );
    expect(steps.map((s) => s.written)).toEqual([true, false]);
    expect(steps[0]?.stored).toBe(base.state);
    expect(final).toMatchObject({ phase: 'Pending', lastChangeSha: C });
  });
});
