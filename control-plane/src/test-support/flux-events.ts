import { createHmac } from 'node:crypto';

/**
 * Flux notification events built from the documented wire format
 * (shared/reference/flux-and-argo.md §1): Flux itself cannot run here, so tests
 * post what notification-controller would send for a tenant Kustomization.
 */
export interface FluxEventBody {
  involvedObject: Record<string, string>;
  severity: string;
  timestamp: string;
  message: string;
  reason: string;
  metadata?: Record<string, string>;
  reportingController: string;
  reportingInstance?: string;
}

const messages: Record<string, string> = {
  Progressing: 'Deployment/tenant-{slug}/theme configured\nService/tenant-{slug}/theme configured',
  ReconciliationSucceeded: 'Reconciliation finished in 2.1s, next run in 10m0s',
  HealthCheckFailed:
    "health check failed after 5m0s: timeout waiting for: [Deployment/tenant-{slug}/theme status: 'InProgress']",
  BuildFailed: 'kustomize build failed: accumulating resources: missing file',
};

export function fluxEvent(input: {
  slug?: string;
  kind?: string;
  name?: string;
  reason: string;
  sha: string;
  severity?: 'info' | 'error';
  timestamp?: string;
  message?: string;
}): FluxEventBody {
  const severity = input.severity ?? (/Failed$/.test(input.reason) ? 'error' : 'info');
  const slug = input.slug ?? 'acme';
  return {
    involvedObject: {
      kind: input.kind ?? 'Kustomization',
      namespace: 'flux-system',
      name: input.name ?? `tenant-${slug}`,
      uid: '7d0cdc51-ddcf-4743-b223-83ca5c699632',
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      resourceVersion: '56921',
    },
    severity,
    timestamp: input.timestamp ?? '2026-11-23T12:00:00Z',
    message: input.message ?? (messages[input.reason] ?? input.reason).replaceAll('{slug}', slug),
    reason: input.reason,
    metadata: {
      revision: `main@sha1:${input.sha}`,
      ...(input.reason === 'ReconciliationSucceeded' ? { commit_status: 'update' } : {}),
      cluster: 'production',
    },
    reportingController: input.kind === 'GitRepository' ? 'source-controller' : 'kustomize-controller',
    reportingInstance: 'kustomize-controller-7f5c6b6d9-x2x4q',
  };
}

/** Posts `event` to /hooks/flux signed as the generic-hmac Provider does; answers the HTTP status. */
export async function postFluxEvent(target: { url: string; token: string }, event: FluxEventBody) {
  const raw = JSON.stringify(event);
  const res = await fetch(`${target.url}/hooks/flux`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-signature': `sha256=${createHmac('sha256', target.token).update(raw).digest('hex')}`,
    },
    body: raw,
  });
  return res.status;
}

/**
 * Posts the event notification-controller sends once the tenant's Kustomization applied `sha`;
 * answers the HTTP status.
 */
export function postFluxReady(target: { url: string; token: string }, slug: string, sha: string) {
  return postFluxEvent(target, fluxEvent({ slug, reason: 'ReconciliationSucceeded', sha }));
}
