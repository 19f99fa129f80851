import { z } from 'zod';
import { InvalidInputError } from '../errors/index.js';
import type { Outcome } from './flux-event.js';
import { type ArgoResource, argoResourceSchema } from './object-health.js';
import { parseRevision, type Revision } from './revision.js';

/**
 * The body our `argocd-notifications-cm` template posts (gitops-repo-template/argocd):
 * application name, sync status, health, revision, operation phase and message, and the
 * Application's `status.resources` (every object with its health; absent from older templates).
 */
const argoEventSchema = z.object({
  app: z.string().min(1).max(253),
  syncStatus: z.enum(['Synced', 'OutOfSync', 'Unknown']).or(z.literal('')),
  health: z.enum(['Healthy', 'Progressing', 'Degraded', 'Suspended', 'Missing', 'Unknown']).or(z.literal('')),
  revision: z.string().max(300).optional().default(''),
  phase: z.string().max(50).optional().default(''),
  message: z.string().max(100_000).optional().default(''),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  resources: z.array(argoResourceSchema).max(10_000).nullish(),
  // The Application's labels luster.io/tenant, luster.io/cluster and luster.io/part (synth's
  // argocd/<cluster>/; absent from older templates, whose names were `tenant-<slug>`).
  tenant: z.string().max(63).optional().default(''),
  cluster: z.string().max(63).optional().default(''),
  part: z.string().max(20).optional().default(''),
});

export interface ArgoEvent {
  app: string;
  syncStatus: string;
  health: string;
  phase: string;
  message: string;
  revision: Revision | null;
  timestamp: Date;
  resources: ArgoResource[] | undefined;
  /**
   * The tenant whose workload the Application applies, null for any other Application (a tenant's
   * platform part, the platform's own); undefined when the body does not say (an older template):
   * its name tells.
   */
  tenant: string | null | undefined;
  /** The cluster the Application deploys to, when its labels say. */
  cluster: string | null;
}

export function parseArgoEvent(body: unknown, now: Date): ArgoEvent {
  const parsed = argoEventSchema.safeParse(body);
  if (!parsed.success) {
    throw new InvalidInputError({
      code: 'invalid_event',
      message: 'The body is not an Argo CD notification from the Luster template',
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const e = parsed.data;
  return {
    app: e.app,
    syncStatus: e.syncStatus,
    health: e.health,
    phase: e.phase,
    message: e.message,
    revision: parseRevision(e.revision),
    timestamp: e.timestamp ? new Date(e.timestamp) : now,
    resources: e.resources ?? undefined,
    // Application names carry the cluster and may be shortened with a hash: the labels name the tenant.
    tenant: e.part === '' ? undefined : e.part === 'workload' && e.tenant !== '' ? e.tenant : null,
    cluster: e.cluster === '' ? null : e.cluster,
  };
}

/** Synced + Healthy is live; Degraded or a failed operation is a failure; the rest is in progress. */
export function argoOutcome(e: Pick<ArgoEvent, 'syncStatus' | 'health' | 'phase'>): Outcome {
  if (e.health === 'Degraded' || e.phase === 'Failed' || e.phase === 'Error') return 'failed';
  if (e.syncStatus === 'Synced' && e.health === 'Healthy') return 'succeeded';
  if (e.syncStatus === 'OutOfSync' || e.health === 'Progressing' || e.phase === 'Running')
    return 'progressing';
  return 'other';
}
