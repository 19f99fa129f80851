import type { TenantDatabase } from '../tenants/tenants.entities.js';

/*
 * What a move or a restore does to the tenant's database, as data: a new database recovered from
 * the current one's backups, the current one kept. Pure, so the rules read (and are tested) apart
 * from the requests that apply them.
 */

const GENERATION = /^(.*)-(\d+)$/;

/**
 * The name the recovered database takes: `db` → `db-1` → `db-2` … A new name on every recovery
 * gives it an archive folder of its own on every cluster, so it never writes into a folder that
 * holds another database's backups (barman refuses that), even after moving back to a cluster.
 */
export function nextDatabaseName(current: string): string {
  const match = current.match(GENERATION);
  if (!match) return `${current}-1`;
  return `${match[1]}-${Number(match[2]) + 1}`;
}

/** Whether a database replaced earlier still exists in git (kept, or released but not yet removed). */
export function holdsKeptDatabase(database: TenantDatabase): boolean {
  return database.kept !== undefined && database.kept.stage !== 'removed';
}

/** The database after a move to `to`: recovered there from the latest state of the one on `from`. */
export function movedDatabase(database: TenantDatabase, from: string): TenantDatabase {
  return {
    name: nextDatabaseName(database.name),
    recovery: { cluster: from, database: database.name },
    kept: keptOf(database, from),
  };
}

/** The database after a restore on `cluster` to `targetTime`. */
export function restoredDatabase(
  database: TenantDatabase,
  cluster: string,
  targetTime: string,
): TenantDatabase {
  return {
    name: nextDatabaseName(database.name),
    recovery: { cluster, database: database.name, targetTime },
    kept: keptOf(database, cluster),
  };
}

function keptOf(database: TenantDatabase, cluster: string): NonNullable<TenantDatabase['kept']> {
  return {
    cluster,
    name: database.name,
    ...(database.recovery ? { recovery: database.recovery } : {}),
    stage: 'kept',
  };
}

/** The database with its kept one moved on to `stage` (a release, then its removal). */
export function withKeptStage(database: TenantDatabase, stage: 'released' | 'removed'): TenantDatabase {
  if (!database.kept) return database;
  return { ...database, kept: { ...database.kept, stage } };
}

/**
 * The times a restore may target: from the later of the retention horizon (older backups are
 * deleted) and the moment the current database came to be (its archive starts there), up to now.
 */
export function restoreWindow(input: { now: Date; retentionDays: number; databaseSince: Date }): {
  from: Date;
  to: Date;
} {
  const horizon = new Date(input.now.getTime() - input.retentionDays * 86_400_000);
  return {
    from: horizon > input.databaseSince ? horizon : input.databaseSince,
    to: input.now,
  };
}
