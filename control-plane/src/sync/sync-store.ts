import pg from 'pg';
import type { Outcome } from './flux-event.js';
import { type ObjectHealthWrite, recordObjectHealth } from './object-health-store.js';
import type { SyncState } from './sync-status.js';

/** A tenant as the sync loop needs it, with its stored sync state and that state's version. */
export interface TenantWithSync {
  id: string;
  slug: string;
  organizationId: string;
  /** The organization's materialised path: live streams filter on it (the golden rule). */
  organizationPath: string;
  /** The cluster it runs on: reports from another cluster (a move's old copy) are not its status. */
  cluster: string;
  lastCommitSha: string | null;
  lastCommittedAt: Date | null;
  state: SyncState | null;
  /** Optimistic-concurrency version of the stored state; 0 when there is none yet. */
  version: number;
}

export interface EventRow {
  digest: string;
  tenantId: string | null;
  source: 'flux' | 'argocd';
  objectKind: string;
  objectNamespace: string;
  objectName: string;
  severity: string;
  reason: string;
  outcome: Outcome;
  message: string;
  revision: string | null;
  sha: string | null;
  eventAt: Date;
}

/** A folded state to store only if the stored one is still at `version` (0: none yet). */
export interface StateWrite {
  tenantId: string;
  next: SyncState;
  version: number;
}

const stateColumns = [
  'phase',
  'lastChangeSha',
  'committedAt',
  'firstProgressingAt',
  'readyAt',
  'appliedRevision',
  'message',
  'lastReportAt',
] as const;

const eventColumns = [
  'digest',
  'tenantId',
  'source',
  'objectKind',
  'objectNamespace',
  'objectName',
  'severity',
  'reason',
  'outcome',
  'message',
  'revision',
  'sha',
  'eventAt',
] as const;

const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

const selectTenant = `SELECT t.id, t.slug, t."organizationId", o.path AS "organizationPath", t.cluster, t."lastCommitSha",
    t."lastCommittedAt", s.version, ${stateColumns.map((c) => `s."${c}"`).join(', ')}
  FROM tenant t JOIN organization o ON o.id = t."organizationId"
  LEFT JOIN tenant_sync s ON s."tenantId" = t.id`;

/** Stores new deliveries, once each (a retried delivery has the same digest). Rows: one JSON array. */
const insertEvents = (param: string) => `INSERT INTO sync_event (${quoted(eventColumns)})
  SELECT ${quoted(eventColumns)} FROM json_populate_recordset(NULL::sync_event, ${param}::json)
  ON CONFLICT (digest) DO NOTHING RETURNING digest`;

/**
 * Compare-and-swap upsert of folded states (one JSON array). Each row carries the version it was
 * folded from and is written as the one after it, only where the stored version is still that one.
 */
const upsertStates = (
  param: string,
) => `INSERT INTO tenant_sync ("tenantId", ${quoted(stateColumns)}, version)
  SELECT "tenantId", ${quoted(stateColumns)}, version + 1
    FROM json_populate_recordset(NULL::tenant_sync, ${param}::json)
  ON CONFLICT ("tenantId") DO UPDATE
    SET ${stateColumns.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}, version = EXCLUDED.version,
        "updatedAt" = now()
    WHERE tenant_sync.version = EXCLUDED.version - 1
  RETURNING "tenantId"`;

/** Every statement of the hot path, prepared once per connection under its name. */
const statements = {
  tenantById: `${selectTenant} WHERE t.id = $1`,
  tenantsBySlug: `${selectTenant} WHERE t.slug = ANY($1::text[])`,
  tenantsById: `${selectTenant} WHERE t.id = ANY($1::uuid[])`,
  recordEvents: insertEvents('$1'),
  recordEventsAndStates: `WITH ev AS (${insertEvents('$1')}), st AS (${upsertStates('$2')})
    SELECT 'event' AS kind, digest AS key FROM ev UNION ALL SELECT 'state', "tenantId"::text FROM st`,
  writeStates: upsertStates('$1'),
};

function toTenant(row: Record<string, unknown>): TenantWithSync {
  const state = row.phase
    ? (Object.fromEntries(stateColumns.map((c) => [c, row[c] ?? null])) as unknown as SyncState)
    : null;
  return {
    id: row.id as string,
    slug: row.slug as string,
    organizationId: row.organizationId as string,
    organizationPath: row.organizationPath as string,
    cluster: row.cluster as string,
    lastCommitSha: (row.lastCommitSha as string | null) ?? null,
    lastCommittedAt: (row.lastCommittedAt as Date | null) ?? null,
    state,
    version: Number(row.version ?? 0),
  };
}

const stateRow = (w: StateWrite) => ({
  tenantId: w.tenantId,
  ...Object.fromEntries(stateColumns.map((c) => [c, w.next[c]])),
  version: w.version,
});
const eventRow = (e: EventRow) => Object.fromEntries(eventColumns.map((c) => [c, e[c]]));

/**
 * The hot path of /hooks/flux in plain SQL, a batch of reports at a time: one read of their
 * tenants, one statement storing the deliveries and the folded states — no transaction or row lock
 * held while git answers the ancestry question. Sized for a thousand events a second.
 */
export function createSyncStore(databaseUrl: string) {
  // Its own small pool whose sessions commit asynchronously (no wait for the WAL
  // flush): a crash can lose the last fraction of a second of reports, and Flux
  // reports every tenant again on its next reconcile interval, so the state heals.
  // Nothing else shares these sessions.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    application_name: 'luster-sync-hooks',
    options: '-c synchronous_commit=off',
  });
  pool.on('error', () => undefined);
  // Named, so each connection parses and plans a statement once rather than for every batch.
  const query = async (name: keyof typeof statements, values: unknown[]) =>
    (await pool.query({ name: `sync-${name}`, text: statements[name], values })).rows;

  async function writeStates(states: readonly StateWrite[]): Promise<Set<string>> {
    if (states.length === 0) return new Set();
    const rows = await query('writeStates', [JSON.stringify(states.map(stateRow))]);
    return new Set(rows.map((r) => r.tenantId as string));
  }

  return {
    close: () => pool.end(),

    async tenantById(id: string): Promise<TenantWithSync | null> {
      const [row] = await query('tenantById', [id]);
      return row ? toTenant(row) : null;
    },

    async tenantsBySlug(slugs: readonly string[]): Promise<TenantWithSync[]> {
      if (slugs.length === 0) return [];
      return (await query('tenantsBySlug', [slugs])).map(toTenant);
    },

    async tenantsById(ids: readonly string[]): Promise<TenantWithSync[]> {
      if (ids.length === 0) return [];
      return (await query('tenantsById', [ids])).map(toTenant);
    },

    /**
     * Stores deliveries (distinct digests) and folded states in one statement, one round trip:
     * `stored` holds the digests not stored before (the others are retries), `written` the tenants
     * whose state was written — for the others another writer changed it first: reload and fold again.
     */
    async record(
      events: readonly EventRow[],
      states: readonly StateWrite[],
    ): Promise<{ stored: Set<string>; written: Set<string> }> {
      if (states.length === 0) {
        const rows = await query('recordEvents', [JSON.stringify(events.map(eventRow))]);
        return { stored: new Set(rows.map((r) => r.digest as string)), written: new Set() };
      }
      const rows = await query('recordEventsAndStates', [
        JSON.stringify(events.map(eventRow)),
        JSON.stringify(states.map(stateRow)),
      ]);
      const keys = (kind: string) => new Set(rows.filter((r) => r.kind === kind).map((r) => r.key as string));
      return { stored: keys('event'), written: keys('state') };
    },

    /** Writes each state only if its stored version is still the one it was folded from. */
    writeStates,

    /** Records per-object health (object-health-store.ts); the tenants whose records changed. */
    recordObjects: (writes: readonly ObjectHealthWrite[]) => recordObjectHealth(pool, writes),
  };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
