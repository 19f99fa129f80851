import type pg from 'pg';
import type { ObjectReports } from './object-health.js';

/** What one report about a tenant says of its objects, to record (already limited to recordedKinds). */
export interface ObjectHealthWrite {
  tenantId: string;
  source: 'flux' | 'argocd';
  revision: string | null;
  at: Date;
  reports: ObjectReports;
}

/**
 * Each statement takes one JSON array and returns the tenants whose records it changed. Every one
 * compares `reportedAt` with the report's time, so a late or retried delivery never overwrites a
 * newer report, and writing the same report twice changes nothing (Flux retries any non-2xx).
 */
const statements = {
  upsert: `INSERT INTO tenant_object_health ("tenantId", kind, namespace, name, source, health, message, revision, "reportedAt")
    SELECT "tenantId", kind, namespace, name, source, health, message, revision, "reportedAt"
      FROM json_populate_recordset(NULL::tenant_object_health, $1::json)
    ON CONFLICT ("tenantId", kind, namespace, name) DO UPDATE
      SET source = EXCLUDED.source, health = EXCLUDED.health, message = EXCLUDED.message,
          revision = EXCLUDED.revision, "reportedAt" = EXCLUDED."reportedAt", "updatedAt" = now()
      WHERE tenant_object_health."reportedAt" <= EXCLUDED."reportedAt"
        AND (tenant_object_health.health, tenant_object_health.message)
            IS DISTINCT FROM (EXCLUDED.health, EXCLUDED.message)
    RETURNING "tenantId"`,
  remove: `DELETE FROM tenant_object_health h
     USING json_populate_recordset(NULL::tenant_object_health, $1::json) g
     WHERE h."tenantId" = g."tenantId" AND h.kind = g.kind AND h.namespace = g.namespace
       AND h.name = g.name AND h."reportedAt" <= g."reportedAt"
    RETURNING h."tenantId"`,
  /** Argo CD lists every object: a recorded one it no longer lists is gone. */
  prune: `DELETE FROM tenant_object_health h
     USING jsonb_to_recordset($1::jsonb) AS c("tenantId" uuid, at timestamptz, keep jsonb)
     WHERE h."tenantId" = c."tenantId" AND h."reportedAt" <= c.at
       AND NOT c.keep ? (h.kind || '/' || h.namespace || '/' || h.name)
    RETURNING h."tenantId"`,
  /** Flux Ready with `wait: true`: every applied object passed its health check. */
  pass: `UPDATE tenant_object_health h
       SET health = 'healthy', message = 'Flux''s health check passed (the tenant''s Kustomization is Ready)',
           source = 'flux', revision = p.revision, "reportedAt" = p.at, "updatedAt" = now()
      FROM jsonb_to_recordset($1::jsonb) AS p("tenantId" uuid, at timestamptz, revision text)
     WHERE h."tenantId" = p."tenantId" AND h."reportedAt" <= p.at AND h.health <> 'healthy'
    RETURNING h."tenantId"`,
} as const;

const key = (w: { tenantId: string }, o: { kind: string; namespace: string; name: string }) =>
  `${w.tenantId} ${o.kind}/${o.namespace}/${o.name}`;

/**
 * Records a batch's object reports: at most four statements, each only when the batch has rows
 * for it (deletions, Argo's pruning, new health, Flux's all-healthy). Rows naming one object twice
 * keep the newest report, as PostgreSQL refuses to update a row twice in one statement.
 */
export async function recordObjectHealth(
  pool: pg.Pool,
  writes: readonly ObjectHealthWrite[],
): Promise<Set<string>> {
  const newest = <T>(
    rows: Map<string, T & { reportedAt: Date }>,
    k: string,
    row: T & { reportedAt: Date },
  ) => {
    const seen = rows.get(k);
    if (!seen || seen.reportedAt <= row.reportedAt) rows.set(k, row);
  };
  const upserts = new Map<string, Record<string, unknown> & { reportedAt: Date }>();
  const removals = new Map<string, Record<string, unknown> & { reportedAt: Date }>();
  const prunes: unknown[] = [];
  const passes: unknown[] = [];
  for (const w of writes) {
    for (const o of w.reports.objects)
      newest(upserts, key(w, o), {
        tenantId: w.tenantId,
        ...o,
        source: w.source,
        revision: w.revision,
        reportedAt: w.at,
      });
    for (const o of w.reports.gone)
      newest(removals, key(w, o), { tenantId: w.tenantId, ...o, reportedAt: w.at });
    if (w.reports.complete)
      prunes.push({
        tenantId: w.tenantId,
        at: w.at,
        keep: w.reports.objects.map((o) => `${o.kind}/${o.namespace}/${o.name}`),
      });
    if (w.reports.allHealthy) passes.push({ tenantId: w.tenantId, at: w.at, revision: w.revision });
  }
  const changed = new Set<string>();
  const run = async (name: keyof typeof statements, rows: unknown[]) => {
    if (rows.length === 0) return;
    const result = await pool.query({
      name: `object-health-${name}`,
      text: statements[name],
      values: [JSON.stringify(rows)],
    });
    for (const r of result.rows) changed.add(r.tenantId as string);
  };
  await run('remove', [...removals.values()]);
  await run('prune', prunes);
  await run('upsert', [...upserts.values()]);
  await run('pass', passes);
  return changed;
}
