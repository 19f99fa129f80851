/*
 * What can be known of a tenant's backups from what reaches the control plane. Flux reports a
 * Kustomization's outcome and health: its health check of a ScheduledBackup passes as soon as the
 * object exists (kstatus has no condition to read on it) and a failed backup fails no
 * Kustomization, so no report carries "the last successful backup". What is known: the schedule,
 * the time its last run was due, and when the tenant (database and schedule included) was last
 * reported healthy.
 */

const DAILY = /^(\d{1,2}) (\d{1,2}) (\d{1,2}) \* \* \*$/;

/**
 * The latest time at or before `now` a daily six-field schedule (`s m h * * *`, what synth renders
 * by default) was due, in UTC as CloudNativePG runs it; null for any other schedule.
 */
export function lastDueAt(schedule: string, now: Date): Date | null {
  const match = schedule.trim().match(DAILY);
  if (!match) return null;
  const [second, minute, hour] = match.slice(1).map(Number) as [number, number, number];
  const due = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, minute, second),
  );
  if (due > now) due.setUTCDate(due.getUTCDate() - 1);
  return due;
}
