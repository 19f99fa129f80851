import { applyReport, type Report, type SyncState, stateForLastChange } from './sync-status.js';

/** A tenant as folding needs it: its last change on main (the tenant row) and its stored state. */
export interface FoldBase {
  lastCommitSha: string | null;
  lastCommittedAt: Date | null;
  state: SyncState | null;
}

/** What one report did, as if it had been delivered on its own after the reports before it. */
export interface FoldStep {
  /** The state stored before this report (null: none yet). */
  stored: SyncState | null;
  /** The state describing the tenant's last change before this report. */
  previous: SyncState;
  /** The state after it. */
  next: SyncState;
  /** Whether `next` had to be stored (it differs from what was stored). */
  written: boolean;
}

/** The commit the tenant's state is about: what a report's revision must contain to count. */
export function lastChangeOf(base: FoldBase): string | null {
  return stateForLastChange(base.state, base.lastCommitSha, base.lastCommittedAt).lastChangeSha;
}

/**
 * Folds a tenant's reports in arrival order, each onto what the one before it would have stored, so
 * that a batch ends where delivering them one by one would. `contains[i]` says whether report i's
 * commit contains `lastChangeOf(base)`. `final` is the state to store, null when nothing changed.
 */
export function foldReports(
  base: FoldBase,
  reports: readonly Report[],
  contains: readonly boolean[],
): { steps: FoldStep[]; final: SyncState | null } {
  let stored = base.state;
  const steps = reports.map((report, i) => {
    const previous = stateForLastChange(stored, base.lastCommitSha, base.lastCommittedAt);
    const next = applyReport(previous, report, contains[i] ?? false);
    // A state for an earlier change (or none) is replaced even when the report does not count.
    const written = next !== previous || stored !== previous;
    const step: FoldStep = { stored, previous, next, written };
    if (written) stored = next;
    return step;
  });
  return { steps, final: stored === base.state ? null : stored };
}
