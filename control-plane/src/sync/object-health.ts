import { z } from 'zod';

/**
 * The health of one object a tenant's Kustomization or Application applies, as the cluster
 * reported it. `healthy`: Flux's health check passed (kstatus Current) or Argo CD said Healthy;
 * `failed`: a health check gave up on it, or Argo CD said Degraded; `progressing`: applied, no
 * verdict yet; `missing` / `unknown`: Argo CD's words for an object it cannot find or grade.
 */
export const objectHealths = ['healthy', 'progressing', 'failed', 'missing', 'unknown'] as const;
export type ObjectHealth = (typeof objectHealths)[number];

export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

export interface ObjectReport extends ObjectRef {
  health: ObjectHealth;
  /** What the report said about this object, in its own words. */
  message: string;
}

/** What one report tells about individual objects (apart from the tenant's overall state). */
export interface ObjectReports {
  /** Objects the report names, with their health. */
  objects: ObjectReport[];
  /** Objects the report says were deleted (pruned): their records go. */
  gone: ObjectRef[];
  /**
   * The report says every object applied is healthy without listing them (Flux's success with
   * `wait: true`): the objects recorded before for this tenant are healthy now.
   */
  allHealthy: boolean;
  /** The report lists every object of the tenant (Argo CD): recorded objects it lacks are gone. */
  complete: boolean;
}

/**
 * Only Certificates are recorded: the certificate line of a custom domain is the one reading of
 * per-object health, and recording every Deployment and Service of every tenant would multiply
 * the writes of the sync hot path at fleet scale.
 */
export const recordedKinds: ReadonlySet<string> = new Set(['Certificate']);

const none: ObjectReports = { objects: [], gone: [], allHealthy: false, complete: false };

// `Kind/namespace/name`, as kustomize-controller and fluxcd/pkg/ssa print an object.
const objectId = `([A-Za-z][A-Za-z0-9]*)/([a-z0-9][a-z0-9.-]*)/([a-z0-9][a-z0-9.-]*)`;
const changeLine = new RegExp(`^${objectId} (created|configured|deleted)$`);
const statusEntry = new RegExp(`${objectId} status: '([A-Za-z]+)'`, 'g');

/**
 * The objects of a HealthCheckFailed message (fluxcd/pkg/ssa's wait error, wrapped by
 * kustomize-controller): `health check failed after 5m0s: timeout waiting for: [Kind/ns/name
 * status: 'InProgress', …]` or `… failed early due to stalled resources: [Kind/ns/name status:
 * 'Failed']`, an entry possibly followed by `: <error>`. Each named object failed Flux's health
 * check, whatever kstatus said of it (InProgress at the timeout: cert-manager never got it Ready).
 */
function healthCheckFailures(message: string): ObjectReport[] {
  const matches = [...message.matchAll(statusEntry)];
  return matches.map((m, i) => {
    const end = matches[i + 1]?.index ?? message.length;
    const error = message
      .slice((m.index ?? 0) + m[0].length, end)
      .replace(/^: /, '')
      .replace(/(, |\]\s*)$/, '')
      .trim();
    const [, kind, namespace, name, status] = m as unknown as [string, string, string, string, string];
    const verdict = /timeout waiting for/.test(message) ? 'timed out waiting for it' : 'found it stalled';
    return {
      kind,
      namespace,
      name,
      health: 'failed',
      message: `Flux's health check ${verdict} (status ${status}${error ? `: ${error}` : ''})`,
    };
  });
}

/** What a Flux event about a tenant Kustomization says of its objects (reference §1). */
export function fluxObjectReports(event: {
  reason: string;
  severity: string;
  message: string;
}): ObjectReports {
  if (event.reason === 'HealthCheckFailed') return { ...none, objects: healthCheckFailures(event.message) };
  if (event.reason === 'ReconciliationSucceeded') return { ...none, allHealthy: true };
  if (event.reason !== 'Progressing' || event.severity !== 'info') return none;
  if (/^Health check passed in /m.test(event.message)) return { ...none, allHealthy: true };
  const objects: ObjectReport[] = [];
  const gone: ObjectRef[] = [];
  for (const line of event.message.split('\n')) {
    const m = line.trim().match(changeLine);
    if (!m) continue;
    const [, kind, namespace, name, action] = m as unknown as [string, string, string, string, string];
    if (action === 'deleted') gone.push({ kind, namespace, name });
    else
      objects.push({
        kind,
        namespace,
        name,
        health: 'progressing',
        message: `applied (${action}), waiting for its health check`,
      });
  }
  return { ...none, objects, gone };
}

/** One entry of an Application's `status.resources` (Argo CD's ResourceStatus). */
export const argoResourceSchema = z.object({
  group: z.string().max(253).optional(),
  version: z.string().max(100).optional(),
  kind: z.string().min(1).max(100),
  namespace: z.string().max(253).optional(),
  name: z.string().min(1).max(253),
  status: z.string().max(50).optional(),
  health: z
    .object({ status: z.string().max(50).optional(), message: z.string().max(10_000).optional() })
    .optional(),
});
export type ArgoResource = z.infer<typeof argoResourceSchema>;

const argoHealth: Record<string, ObjectHealth> = {
  Healthy: 'healthy',
  Progressing: 'progressing',
  Degraded: 'failed',
  Missing: 'missing',
};

/**
 * What an Argo CD notification's `resources` (the Application's `status.resources`, every object
 * it manages with Argo's per-resource health) says. Absent (an older template): nothing.
 */
export function argoObjectReports(resources: readonly ArgoResource[] | undefined): ObjectReports {
  if (!resources) return none;
  return {
    ...none,
    complete: true,
    objects: resources.map((r) => {
      const status = r.health?.status ?? '';
      return {
        kind: r.kind,
        namespace: r.namespace ?? '',
        name: r.name,
        health: argoHealth[status] ?? 'unknown',
        message: `Argo CD: ${status || 'no health'}${r.health?.message ? `: ${r.health.message}` : ''}`,
      };
    }),
  };
}

/** Keeps what is recorded (see recordedKinds). */
export function recordedOnly(reports: ObjectReports): ObjectReports {
  return {
    ...reports,
    objects: reports.objects.filter((o) => recordedKinds.has(o.kind)),
    gone: reports.gone.filter((o) => recordedKinds.has(o.kind)),
  };
}
