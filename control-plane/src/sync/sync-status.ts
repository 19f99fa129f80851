import type { SyncStatus } from '@luster/contract';
import type { Outcome } from './flux-event.js';

/** The stored part of a tenant's sync state; `Stale` is derived from it at read time. */
export interface SyncState {
  phase: Exclude<SyncStatus, 'Stale'>;
  /** The commit of the tenant's last change on main. */
  lastChangeSha: string | null;
  committedAt: Date | null;
  firstProgressingAt: Date | null;
  readyAt: Date | null;
  /** The newest revision reported applied that contains the last change. */
  appliedRevision: string | null;
  /** The last failure message, kept until the change goes live. */
  message: string | null;
  /** Time of the newest report that counted, to ignore older reports arriving late (retries). */
  lastReportAt: Date | null;
}

export const initialSyncState: SyncState = {
  phase: 'Pending',
  lastChangeSha: null,
  committedAt: null,
  firstProgressingAt: null,
  readyAt: null,
  appliedRevision: null,
  message: null,
  lastReportAt: null,
};

/** A new change for the tenant landed on main: everything before it no longer describes it. */
export function onCommitted(_state: SyncState, sha: string, committedAt: Date): SyncState {
  return { ...initialSyncState, lastChangeSha: sha, committedAt };
}

export interface Report {
  outcome: Outcome;
  /** The commit the report is for. */
  sha: string;
  /** Display form, e.g. `main@sha1:<hex>`. */
  revision: string;
  message: string;
  at: Date;
}

/**
 * Folds one report from Flux or Argo CD into the state. `containsLastChange`
 * says whether the reported commit is the tenant's last change or a descendant
 * of it — ancestry, not string equality: a later commit for another tenant also
 * carries this tenant's change, and a report for an older commit says nothing
 * about it.
 */
export function applyReport(state: SyncState, report: Report, containsLastChange: boolean): SyncState {
  if (!state.lastChangeSha || !containsLastChange || report.outcome === 'other') return state;
  if (state.lastReportAt && report.at < state.lastReportAt) return state;
  const next: SyncState = { ...state, lastReportAt: report.at };
  switch (report.outcome) {
    case 'progressing':
      next.firstProgressingAt = state.firstProgressingAt ?? report.at;
      if (state.phase !== 'Ready') next.phase = 'Reconciling';
      return next;
    case 'succeeded':
      next.phase = 'Ready';
      next.readyAt = state.readyAt ?? report.at;
      next.appliedRevision = report.revision;
      next.message = null;
      return next;
    case 'failed':
      next.phase = 'Failed';
      next.message = report.message;
      return next;
  }
}

/**
 * The state that describes the tenant's last change on main (the tenant row leads): a stored
 * state for an earlier change no longer does, and starts over as Pending for the new one.
 */
export function stateForLastChange(
  stored: SyncState | null,
  lastCommitSha: string | null,
  lastCommittedAt: Date | null,
): SyncState {
  const state = stored ?? initialSyncState;
  if (lastCommitSha && lastCommittedAt && state.lastChangeSha !== lastCommitSha) {
    return onCommitted(state, lastCommitSha, lastCommittedAt);
  }
  return state;
}

/** The status shown: the stored phase, or `Stale` when no report came long after the change. */
export function displayStatus(state: SyncState, now: Date, staleAfterMs: number): SyncStatus {
  if (
    (state.phase === 'Pending' || state.phase === 'Reconciling') &&
    state.committedAt &&
    now.getTime() - state.committedAt.getTime() > staleAfterMs
  ) {
    return 'Stale';
  }
  return state.phase;
}

/** How long the last change took to go live, in milliseconds. */
export function timeToLiveMs(state: SyncState): number | null {
  if (!state.readyAt || !state.committedAt) return null;
  return Math.max(0, state.readyAt.getTime() - state.committedAt.getTime());
}
