import pg from 'pg';
import type { Outcome } from './flux-event.js';
import type { SyncState } from './sync-status.js';

/** A tenant as the sync loop needs it, with its stored sync state and that state's version. */
export interface TenantWithSync {
  id: string;
  organizationId: string;
  /** The organization's materialised path: live streams filter on it (the golden rule). */
  organizationPath: string;
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

/**
 * The hot path of /hooks/flux in plain SQL: one read, one insert, one
 * compare-and-swap write — no transaction or row lock held while git answers
 * the ancestry question. Sized for a thousand events a second.
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
  const query = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows;

  const selectTenant = `SELECT t.id, t."organizationId", o.path AS "organizationPath", t."lastCommitSha",
      t."lastCommittedAt", s.version, ${stateColumns.map((c) => `s."${c}"`).join(', ')}
    FROM tenant t JOIN organization o ON o.id = t."organizationId"
    LEFT JOIN tenant_sync s ON s."tenantId" = t.id`;

  function toTenant(row: Record<string, unknown> | undefined): TenantWithSync | null {
    if (!row) return null;
    const state = row.phase
      ? (Object.fromEntries(stateColumns.map((c) => [c, row[c] ?? null])) as unknown as SyncState)
      : null;
    return {
      id: row.id as string,
      organizationId: row.organizationId as string,
      organizationPath: row.organizationPath as string,
      lastCommitSha: (row.lastCommitSha as string | null) ?? null,
      lastCommittedAt: (row.lastCommittedAt as Date | null) ?? null,
      state,
      version: Number(row.version ?? 0),
    };
  }

  /** The compare-and-swap upsert of a tenant's state, its parameters numbered from `first`. */
  function upsertState(first: number): string {
    const p = (i: number) => `$${first + i}`;
    const placeholders = stateColumns.map((_, i) => p(i + 1)).join(', ');
    const sets = stateColumns.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ');
    return `INSERT INTO tenant_sync ("tenantId", ${stateColumns.map((c) => `"${c}"`).join(', ')}, version)
      VALUES (${p(0)}, ${placeholders}, 1)
      ON CONFLICT ("tenantId") DO UPDATE SET ${sets}, version = tenant_sync.version + 1, "updatedAt" = now()
        WHERE tenant_sync.version = ${p(stateColumns.length + 1)}
      RETURNING version`;
  }

  return {
    close: () => pool.end(),

    async tenantBySlug(slug: string): Promise<TenantWithSync | null> {
      return toTenant((await query(`${selectTenant} WHERE t.slug = $1`, [slug]))[0]);
    },

    async tenantById(id: string): Promise<TenantWithSync | null> {
      return toTenant((await query(`${selectTenant} WHERE t.id = $1`, [id]))[0]);
    },

    /**
     * Stores a delivery once and, with `state`, writes the folded state in the same statement
     * (one round trip): `stored` is false when the same body was stored before (a retry),
     * `written` false when another report changed the state first (reload and fold again).
     */
    async record(
      e: EventRow,
      state?: { tenantId: string; next: SyncState; version: number },
    ): Promise<{ stored: boolean; written: boolean }> {
      const event = [
        e.digest,
        e.tenantId,
        e.source,
        e.objectKind,
        e.objectNamespace,
        e.objectName,
        e.severity,
        e.reason,
        e.outcome,
        e.message,
        e.revision,
        e.sha,
        e.eventAt,
      ];
      const insertEvent = `INSERT INTO sync_event (digest, "tenantId", source, "objectKind", "objectNamespace",
           "objectName", severity, reason, outcome, message, revision, sha, "eventAt")
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
         ON CONFLICT (digest) DO NOTHING RETURNING 1`;
      if (!state) {
        const rows = await query(insertEvent, event);
        return { stored: rows.length > 0, written: false };
      }
      const [row] = await query(
        `WITH ev AS (${insertEvent}), st AS (${upsertState(14)})
         SELECT (SELECT count(*) FROM ev)::int AS stored, (SELECT count(*) FROM st)::int AS written`,
        [...event, state.tenantId, ...stateColumns.map((c) => state.next[c]), state.version],
      );
      return { stored: row.stored > 0, written: row.written > 0 };
    },

    /**
     * Writes `state` only if the stored version is still `version` (0: no row yet).
     * `false` means another report won the race: reload and fold again.
     */
    async writeState(tenantId: string, state: SyncState, version: number): Promise<boolean> {
      const rows = await query(upsertState(1), [tenantId, ...stateColumns.map((c) => state[c]), version]);
      return rows.length > 0;
    },
  };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
